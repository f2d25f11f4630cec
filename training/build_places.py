"""Build extract/data/places.txt: place names the training NER corpora label LOC.

    .venv/bin/python training/build_places.py

Source: People's Daily NER dev and MSRA NER test (``../shared/corpora/ner/``, the recogniser's
training split; the held-out People's Daily test is not read). A place labelled LOC at least
``MIN_COUNT`` times, 2–8 characters, all Han, and labelled LOC at least twice as often as PER or
ORG in the same corpora; plus the hand-written list of countries and regions in
``extract/data/countries.txt`` (written for newsfacts, Apache-2.0).
Used by the officials' binding (a model PER span that is a place, 莫桑比克总统, is no name).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from convert import HELDOUT_FILES, read_heldout, read_train  # noqa: E402

MIN_COUNT = 2
OUT = HERE.parent / "extract" / "data" / "places.txt"


def main() -> int:
    loc: Counter = Counter()
    other: Counter = Counter()
    heldout = {s["text"] for name in HELDOUT_FILES for s in read_heldout(name)}
    for name in ("pd_dev", "msra_test"):
        for sent in read_train(name, heldout):
            for s, e, label in sent["spans"]:
                surface = sent["text"][s:e]
                if label == "LOC":
                    loc[surface] += 1
                else:
                    other[surface] += 1
    keep = {p for p, n in loc.items()
            if n >= MIN_COUNT and 2 <= len(p) <= 8 and n >= 2 * other[p]
            and all("\u4e00" <= ch <= "\u9fff" for ch in p)}
    hand = [w.strip() for w in (HERE.parent / "extract" / "data" / "countries.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")]
    keep = sorted(keep | set(hand))
    header = [
        "# places.txt: place names (countries, regions, cities, rivers…) one a line.",
        "# Source: People's Daily NER dev + MSRA NER test LOC spans (../shared/corpora/ner/, research use),",
        f"# labelled LOC at least {MIN_COUNT} times (twice as often as PER/ORG), 2-8 Han characters;",
        "# plus extract/data/countries.txt (countries and regions, written for newsfacts, Apache-2.0).",
        "# Built by training/build_places.py; do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} places -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
