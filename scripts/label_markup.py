#!/usr/bin/env python3
"""Turns a labelled markup file into the JSONL corpus format of `privacy-filter eval`.

Each non-blank line not starting with '#' is one text; "[value|TYPE]" marks a
gold span and "\\n" stands for a line break. Offsets are UTF-8 byte offsets.

    scripts/label_markup.py tests/data/detect/names.txt > tests/data/detect/names.jsonl

With --doc-per-text each record also gets a "doc" of its own (the file's
name and a hash of the line, so it stays when lines are added or moved),
and a trainer that splits by document splits text by text.
"""
import hashlib
import json
import os
import re
import sys

SPAN = re.compile(r"\[([^\[\]|]+)\|([A-Z_]+)\]")


def convert(line):
    text, spans = b"", []
    pos = 0
    for match in SPAN.finditer(line):
        text += line[pos:match.start()].replace("\\n", "\n").encode()
        value = match.group(1).replace("\\n", "\n").encode()
        spans.append({"type": match.group(2), "start": len(text), "end": len(text) + len(value)})
        text += value
        pos = match.end()
    text += line[pos:].replace("\\n", "\n").encode()
    if "[" in line[pos:] and "|" in line[pos:]:
        raise ValueError(f"unbalanced markup: {line}")
    return {"text": text.decode(), "spans": spans}


def main(path, doc_per_text):
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                record = convert(line)
            except ValueError as error:
                sys.exit(f"{path}:{number}: {error}")
            if doc_per_text:
                digest = hashlib.sha256(line.encode()).hexdigest()[:16]
                record["doc"] = f"{os.path.basename(path)}:{digest}"
            print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    doc_per_text = "--doc-per-text" in arguments
    paths = [a for a in arguments if a != "--doc-per-text"]
    if len(paths) != 1:
        sys.exit("usage: label_markup.py [--doc-per-text] FILE")
    main(paths[0], doc_per_text)
