#!/usr/bin/env python3
"""How far the judged verdicts depend on who reads: a second, blind
reading of findings (tests/data/caption-second-reading.tsv) against the
first verdict each finding has in tests/data/corpus-judgments.tsv.

Prints, per rule and in all, how many findings each reading calls true,
how often the two agree on true versus not true, and Cohen's kappa (the
agreement beyond what the two readings' rates would give by chance).
See docs/precision.md.

    python3 scripts/judge-agreement.py
"""

import csv
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    first = {}
    for row in read(DATA / "corpus-judgments.tsv"):
        key = (row["rule"], row["file"], row["start"], row["end"])
        # The first verdict a finding was given; `before` is another build.
        if row["sample"] != "before":
            first.setdefault(key, row["verdict"])
    counts = {}
    for row in read(DATA / "caption-second-reading.tsv"):
        key = (row["rule"], row["file"], row["start"], row["end"])
        if key not in first:
            sys.exit(f"no first verdict for {key}")
        pair = (first[key] == "TRUE", row["verdict"] == "TRUE")
        for group in (row["rule"], "all"):
            counts.setdefault(group, Counter())[pair] += 1
    print("| rule | findings | true, first reading | true, second reading | agree | Cohen's κ |")
    print("|---|---|---|---|---|---|")
    for group in sorted(counts, key=lambda g: (g == "all", g)):
        c = counts[group]
        n = sum(c.values())
        a = (c[(True, True)] + c[(True, False)]) / n
        b = (c[(True, True)] + c[(False, True)]) / n
        agree = (c[(True, True)] + c[(False, False)]) / n
        chance = a * b + (1 - a) * (1 - b)
        kappa = (agree - chance) / (1 - chance) if chance < 1 else 1.0
        name = group if group == "all" else f"`{group}`"
        print(
            f"| {name} | {n} | {round(a * n)} | {round(b * n)} | {agree:.2f} | {kappa:.2f} |"
        )


if __name__ == "__main__":
    main()
