#!/usr/bin/env python3
"""Draw a judged sample of presslint's findings on the corpus.

    presslint check ../shared/corpus/articles --format json --fail-on never > report.json
    scripts/sample-findings.py report.json --sample after > rows.tsv

For every rule, its findings are sorted (file, start), shuffled with a seed
derived from --seed and the rule id, then taken one page at a time: a page
gives a second finding only when every page with a finding of that rule has
given one. So the same findings give the same sample, whichever build drew
them, and a rule's sample is spread over as many pages as it can be.

With --unjudged TSV (repeatable), findings a judged file already holds
(same rule, file and span) are left out before the draw, so a fresh
sample measures findings no earlier sample saw; --rules limits the draw to
some rules.

Output: tab-separated rows `sample rule file start end line column verdict
reason message`, with verdict and reason left empty for the judge. The
judged rows live in tests/data/corpus-judgments.tsv; tests/precision.rs
reads them (see docs/precision.md).
"""
import argparse
import collections
import csv
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("report", help="a presslint JSON report of the corpus")
    ap.add_argument("--sample", required=True, help="the sample's name, e.g. before or after")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--per-rule", type=int, default=20)
    ap.add_argument("--unjudged", action="append", default=[], metavar="TSV",
                    help="leave out the findings this judged file holds")
    ap.add_argument("--rules", help="comma-separated rule ids to draw (default: all)")
    args = ap.parse_args()

    judged = set()
    for tsv in args.unjudged:
        with open(tsv, encoding="utf-8") as f:
            for row in list(csv.reader(f, delimiter="\t"))[1:]:
                judged.add((row[1], row[2], int(row[3]), int(row[4])))
    wanted = set(args.rules.split(",")) if args.rules else None

    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    by_rule = collections.defaultdict(list)
    for file in report["files"]:
        path = file["path"].removeprefix("./")
        for d in file["diagnostics"]:
            span = d["span"]
            if wanted is not None and d["rule"] not in wanted:
                continue
            if (d["rule"], path, span["start"], span["end"]) in judged:
                continue
            by_rule[d["rule"]].append(
                (path, span["start"], span["end"], span["line"], span["column"], d["message"])
            )

    out = sys.stdout
    out.write("sample\trule\tfile\tstart\tend\tline\tcolumn\tverdict\treason\tmessage\n")
    for rule in sorted(by_rule):
        findings = sorted(set(by_rule[rule]))
        random.Random(f"{args.seed}:{rule}").shuffle(findings)
        # Round robin over pages, in the order the shuffle met them.
        pages = collections.OrderedDict()
        for finding in findings:
            pages.setdefault(finding[0], []).append(finding)
        taken = []
        while len(taken) < args.per_rule and any(pages.values()):
            for queue in pages.values():
                if queue and len(taken) < args.per_rule:
                    taken.append(queue.pop(0))
        for path, start, end, line, column, message in taken:
            message = message.replace("\t", " ").replace("\n", " ")
            out.write(f"{args.sample}\t{rule}\t{path}\t{start}\t{end}\t{line}\t{column}\t\t\t{message}\n")


if __name__ == "__main__":
    main()
