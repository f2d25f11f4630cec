"""Word-segmentation F1 of the pipeline's tokenizer on the SIGHAN/CTB6 gold sets.

Compares spaCy zh + pkuseg with and without newsfacts' user dictionary (titles and
organisation names), so a change to the lexicons that hurts segmentation shows up.

    .venv/bin/python bench/measure_segmentation.py [--limit 2000]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.nlp import build_nlp, user_dict_words  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
SETS = {"pku": CORPORA / "cws" / "pku_test_gold.utf8", "ctb6": CORPORA / "ctb6" / "ctb6.test.seg",
        "msr": CORPORA / "cws" / "msr_test_gold.utf8"}


def spans(words: list[str]) -> set[tuple[int, int]]:
    out, i = set(), 0
    for w in words:
        out.add((i, i + len(w)))
        i += len(w)
    return out


def f1(nlp, lines: list[list[str]]) -> float:
    tp = ng = np_ = 0
    for gold in lines:
        text = "".join(gold)
        pred = [t.text for t in nlp.make_doc(text) if not t.is_space]
        g, p = spans(gold), spans(pred)
        tp += len(g & p)
        ng += len(g)
        np_ += len(p)
    prec, rec = tp / max(np_, 1), tp / max(ng, 1)
    return 2 * prec * rec / max(prec + rec, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000, help="sentences per set")
    args = ap.parse_args()
    plain = build_nlp(components=False, user_words=[])
    ours = build_nlp(components=False, user_words=user_dict_words())
    print(f"{'set':6} {'sentences':>9} {'F1 plain':>9} {'F1 +user dict':>14}")
    for name, path in SETS.items():
        if not path.exists():
            continue
        lines = [ln.split() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:args.limit]
        print(f"{name:6} {len(lines):9d} {f1(plain, lines):9.3f} {f1(ours, lines):14.3f}")


if __name__ == "__main__":
    main()
