"""Build extract/data/name_chars.tsv: how often each character opens or continues a person's name.

    .venv/bin/python training/build_name_chars.py

Source: the recogniser's training split only (``convert.TRAIN_FILES``: CLUENER2020 train,
People's Daily NER dev, MSRA NER test in ``../shared/corpora``), less any sentence that also
stands in the held-out CLUENER dev or People's Daily test, as for the recogniser's training.
For every Han character seen at least ``MIN_TOTAL`` times: its count in all the text, as the
first character of a PER span, and inside a PER span after the first. The officials' binding reads the ratios (``lexicon.name_chars``) to doubt a name the
recogniser does not support: 和他, 提出, 的信中 do not open names, 以, 亲, 赛 rarely end one.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from convert import HELDOUT_FILES, TRAIN_FILES, read_heldout, read_train  # noqa: E402

MIN_TOTAL = 5
OUT = HERE.parent / "extract" / "data" / "name_chars.tsv"


def main() -> int:
    total: Counter = Counter()
    first: Counter = Counter()
    inner: Counter = Counter()
    heldout = {s["text"] for name in HELDOUT_FILES for s in read_heldout(name)}
    for name in sorted(TRAIN_FILES):
        for sent in read_train(name, heldout):   # as the recogniser's training set: no held-out sentence
            text = sent["text"]
            total.update(text)
            for s, e, label in sent["spans"]:
                if label == "PER":
                    first[text[s]] += 1
                    inner.update(text[s + 1:e])
    rows = sorted(c for c, n in total.items() if n >= MIN_TOTAL and "\u4e00" <= c <= "\u9fff")
    header = [
        "# name_chars.tsv: how often a character opens or continues a person's name in labelled news text.",
        "# Source: PER spans of CLUENER2020 train (hemingkx/CLUENER2020), People's Daily NER dev and MSRA NER",
        "# test (../shared/corpora/ner/; research use, see SOURCES.md): the recogniser's training split.",
        f"# Han characters seen at least {MIN_TOTAL} times. Built by training/build_name_chars.py; do not edit by hand.",
        "# Columns: char<TAB>total<TAB>first (opens a PER span)<TAB>inner (inside one, after the first)",
    ]
    lines = [f"{c}\t{total[c]}\t{first[c]}\t{inner[c]}" for c in rows]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} characters -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
