#!/usr/bin/env python3
"""Builds a silver-labelled corpus of person names in real text nobody on
the team wrote: the change entries of this machine's Debian changelogs.

The names are those that sign changelog entries (" -- Name <mail>  date"),
whose authors come from many countries; the texts are entry lines that
mention one of them in passing ("Thanks to Helge Kreutzmann for the
patch", "Remove Jamey Sharp and Josh Triplett from Uploaders"). Only those
mentions are labelled, so the corpus measures PERSON recall and the token
leak; other names in the lines count as false positives, so its precision
means little. Which packages are installed decides the texts, so figures
are comparable within one machine only.

    scripts/detect/debian_changelog_names.py [--limit 600] [--seed 1] > names.jsonl
    build/privacy-filter eval --types PERSON -- names.jsonl
"""
import argparse
import glob
import gzip
import json
import random
import re
import sys

SIGNATURE = re.compile(r"^ -- (.+?) <[^>]+>")
ENTRY_LINE = re.compile(r"^ {2,}(?:[*-] )?(.*\S)")


def signers_and_lines(paths):
    signers, lines = set(), []
    for path in paths:
        try:
            with gzip.open(path, "rt", errors="replace") as changelog:
                text = changelog.read()
        except OSError:
            continue
        for line in text.splitlines():
            signature = SIGNATURE.match(line)
            if signature:
                words = signature.group(1).split()
                # A person's name of two to four words, not a team's.
                if 2 <= len(words) <= 4 and all(w[0].isupper() for w in words if len(w) > 3):
                    signers.add(" ".join(words))
                continue
            entry = ENTRY_LINE.match(line)
            if entry:
                lines.append(entry.group(1))
    return signers, lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="records to write")
    parser.add_argument("--seed", type=int, default=1, help="shuffle seed")
    args = parser.parse_args()
    signers, lines = signers_and_lines(sorted(glob.glob("/usr/share/doc/*/changelog.Debian.gz")))
    if not signers:
        sys.exit("no Debian changelogs with signatures found under /usr/share/doc")
    mention = re.compile("|".join(re.escape(n) for n in sorted(signers, key=len, reverse=True)))
    records, seen = [], set()
    for line in lines:
        if len(line) <= 30 or line in seen:
            continue
        spans = [{"type": "PERSON", "start": len(line[: m.start()].encode()),
                  "end": len(line[: m.end()].encode())} for m in mention.finditer(line)]
        if spans:
            seen.add(line)
            records.append({"text": line, "spans": spans})
    random.Random(args.seed).shuffle(records)
    for record in records[: args.limit]:
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
