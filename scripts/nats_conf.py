"""Reads the nats-server configuration format (a superset of JSON: comments,
bare words, `key: value`, `key = value` and `key { ... }`, items separated
by newlines, commas or semicolons) into Python values, for checks of the
files in deploy/. A variable reference `$NAME` is kept as the string
"$NAME"; numbers, booleans and sizes stay strings, as written; `include`
directives are not followed (the file's own content only).
"""

import re

_TOKEN = re.compile(
    r"""(?P<space>[ \t\r]+)|(?P<comment>(\#|//)[^\n]*)|(?P<newline>\n)
      |(?P<punct>[{}\[\],;:=])|(?P<string>"(?:[^"\\]|\\.)*"|'[^']*')
      |(?P<word>[^\s{}\[\],;#"']+)""",
    re.VERBOSE,
)


def _tokens(text):
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        value = match.group(kind)
        if kind == "string":
            value = value[1:-1].encode().decode("unicode_escape") if value[0] == '"' else value[1:-1]
        yield kind, value


class _Parser:
    def __init__(self, text):
        self.tokens = list(_tokens(text))
        self.pos = 0

    def peek(self):
        while self.pos < len(self.tokens) and self.tokens[self.pos][0] == "newline":
            self.pos += 1
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def separators(self):
        while self.pos < len(self.tokens) and self.tokens[self.pos] in (
            ("newline", "\n"), ("punct", ","), ("punct", ";")):
            self.pos += 1

    def members(self, closing):
        out = {}
        while True:
            self.separators()
            kind, key = self.peek()
            if kind is None and closing is None:
                return out
            if (kind, key) == ("punct", closing):
                self.take()
                return out
            if kind not in ("word", "string"):
                raise ValueError(f"expected a key, got {key!r}")
            self.take()
            if key == "include" and closing is None:
                self.take()
                continue
            # A bare word holds a value's own ':' (host:port, URLs), so a
            # key may come glued to its separator and even to its value.
            split = re.search(r"[:=]", key) if kind == "word" else None
            if split and split.end() < len(key):
                out[key[: split.start()]] = key[split.end():]
                continue
            if split:
                key = key[: split.start()]
            elif self.peek() in (("punct", ":"), ("punct", "=")):
                self.take()
            out[key] = self.value()

    def value(self):
        kind, token = self.take()
        if (kind, token) == ("punct", "{"):
            return self.members("}")
        if (kind, token) == ("punct", "["):
            items = []
            while True:
                self.separators()
                if self.peek() == ("punct", "]"):
                    self.take()
                    return items
                items.append(self.value())
        if kind in ("word", "string"):
            return token
        raise ValueError(f"unexpected {token!r}")


def loads(text):
    """The configuration in `text` as a dict; ValueError when malformed."""
    return _Parser(text).members(None)


def load(path):
    with open(path) as f:
        return loads(f.read())
