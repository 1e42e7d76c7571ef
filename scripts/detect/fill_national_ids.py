#!/usr/bin/env python3
"""Fills a hand-written template of texts with computed national identifiers.

Reads template lines on stdin and writes label markup (see
scripts/label_markup.py) on stdout. A placeholder {TYPE} or {TYPE:form}
becomes a freshly computed number with a valid checksum, labelled
[value|TYPE]; {TYPE!} or {TYPE:form!} becomes the same kind of number with a
broken check digit, left unlabelled; {TYPE?} or {TYPE:form?} a valid number
left unlabelled (one without the context the type needs). No number belongs to a real person:
the digits are random and only the checksums are computed.

    scripts/detect/fill_national_ids.py --seed 16 < template > national_ids.txt
"""
import argparse
import random
import re
import sys

PLACEHOLDER = re.compile(r"\{([A-Z_]+)(?::([a-z0-9]+))?([!?]?)\}")
ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def luhn_check(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


def bsn(rng):
    while True:
        body = digits(rng, 8)
        total = sum(int(c) * (9 - i) for i, c in enumerate(body))
        if total % 11 != 10 and body[0] != "0":
            return body + str(total % 11)


def de_tax_id(rng):
    while True:
        pool = rng.sample("0123456789", 9)
        body = pool + [rng.choice(pool[1:])]
        rng.shuffle(body)
        if body[0] == "0":
            continue
        product = 10
        for c in body:
            s = (int(c) + product) % 10 or 10
            product = s * 2 % 11
        return "".join(body) + str((11 - product) % 10)


def fr_nir(rng, corsica=False):
    sex = rng.choice("12")
    year, month = f"{rng.randint(40, 99):02d}", f"{rng.randint(1, 12):02d}"
    dept = rng.choice(["2A", "2B"]) if corsica else f"{rng.randint(1, 95):02d}"
    commune, order = f"{rng.randint(1, 999):03d}", f"{rng.randint(1, 999):03d}"
    numeric = sex + year + month + dept.replace("2A", "19").replace("2B", "18") + commune + order
    key = 97 - int(numeric) % 97
    return sex + year + month + dept + commune + order + f"{key:02d}"


def it_fiscal_code(rng):
    letters = "".join(rng.choice("BCDFGLMNPRSTVZAEIO") for _ in range(6))
    day = rng.randint(1, 28) + rng.choice([0, 40])
    code = (letters + f"{rng.randint(40, 99):02d}" + rng.choice("ABCDEHLMPRST") + f"{day:02d}"
            + rng.choice("ABCDEFGHILM") + f"{rng.randint(1, 999):03d}")
    total = 0
    for i, c in enumerate(code):
        v = int(c) if c.isdigit() else ord(c) - ord("A")
        total += ODD[v] if i % 2 == 0 else v
    return code + chr(ord("A") + total % 26)


def br_check(body, weights):
    rest = sum(int(c) * w for c, w in zip(body, weights)) % 11
    return str(0 if rest < 2 else 11 - rest)


def cpf(rng):
    body = digits(rng, 9)
    body += br_check(body, range(10, 1, -1))
    return body + br_check(body, range(11, 1, -1))


def cnpj(rng):
    body = digits(rng, 8) + "0001"
    body += br_check(body, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
    return body + br_check(body, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])


def pesel(rng):
    year = rng.randint(1940, 2015)
    month = rng.randint(1, 12) + (20 if year >= 2000 else 0)
    body = f"{year % 100:02d}{month:02d}{rng.randint(1, 28):02d}" + digits(rng, 4)
    total = sum(int(c) * w for c, w in zip(body, [1, 3, 7, 9] * 3))
    return body + str((10 - total % 10) % 10)


def personnummer(rng):
    year = rng.randint(1930, 2012)
    body = f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + digits(rng, 3)
    return str(year // 100), body + luhn_check(body)


def aba(rng):
    while True:
        prefix = f"{rng.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73))):02d}"
        body = prefix + digits(rng, 6)
        total = sum(int(c) * w for c, w in zip(body, [3, 7, 1, 3, 7, 1, 3, 7]))
        return body + str((10 - total % 10) % 10)


def spaced(value, groups):
    out, pos = [], 0
    for g in groups:
        out.append(value[pos:pos + g])
        pos += g
    return " ".join(out)


def make(kind, form, rng):
    """The valid number of `kind` written in `form`, and its check position."""
    if kind == "NL_BSN":
        v = bsn(rng)
        return {"dots": f"{v[:4]}.{v[4:6]}.{v[6:]}", "spaced": spaced(v, [3, 3, 3])}.get(form, v)
    if kind == "DE_TAX_ID":
        v = de_tax_id(rng)
        return spaced(v, [2, 3, 3, 3]) if form == "spaced" else v
    if kind == "FR_NIR":
        v = fr_nir(rng, corsica=form == "corsica")
        return v if form == "plain" else spaced(v, [1, 2, 2, 2, 3, 3, 2])
    if kind == "IT_FISCAL_CODE":
        v = it_fiscal_code(rng)
        return v.lower() if form == "lower" else v
    if kind == "BR_CPF":
        v = cpf(rng)
        return v if form == "plain" else f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"
    if kind == "BR_CNPJ":
        v = cnpj(rng)
        return v if form == "plain" else f"{v[:2]}.{v[2:5]}.{v[5:8]}/{v[8:12]}-{v[12:]}"
    if kind == "PL_PESEL":
        return pesel(rng)
    if kind == "SE_PERSONNUMMER":
        century, v = personnummer(rng)
        return {"long": f"{century}{v[:6]}-{v[6:]}", "plain": v, "longplain": century + v,
                "plus": f"{v[:6]}+{v[6:]}"}.get(form, f"{v[:6]}-{v[6:]}")
    if kind == "US_ABA_ROUTING":
        return aba(rng)
    raise ValueError(f"unknown placeholder type {kind}")


def broken(value):
    """`value` with its last character (the check digit or letter) changed."""
    last = value[-1]
    if last.isdigit():
        return value[:-1] + str((int(last) + 1) % 10)
    upper = last.upper()
    new = chr((ord(upper) - ord("A") + 1) % 26 + ord("A"))
    return value[:-1] + (new if last.isupper() else new.lower())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=16)
    rng = random.Random(parser.parse_args().seed)

    def fill(match):
        kind, form, mark = match.group(1), match.group(2) or "", match.group(3)
        value = make(kind, form, rng)
        if mark == "!":
            return broken(value)
        return value if mark == "?" else f"[{value}|{kind}]"

    for line in sys.stdin:
        sys.stdout.write(line if line.startswith("#") else PLACEHOLDER.sub(fill, line))


if __name__ == "__main__":
    main()
