"""What a claim measures (``measure``) against hand-annotated real text (issue 15, item 1).

    .venv/bin/python bench/score_measure.py [-v] [--part a|b|c|d]

Each line of ``devset/measure_<part>.jsonl`` is a real sentence with the claims whose measure was
annotated before the extractor was run on it: ``[surface, "reading|reading…"]``, every reading
one a reviewer would accept (the noun phrase the number counts or measures, as short as keeps
its sense: no speaker, adverb, time word, qualifier or copula; see ``devset/README.md``).

For each annotated claim the scorer finds the extracted claim whose span overlaps the surface and
counts it

* **found**: a claim was extracted there at all;
* **right**: its ``measure`` is one of the readings;
* **none**: its ``measure`` is None (nothing said, rather than something wrong).

``right`` over ``found`` is the figure to read; ``found`` over the annotated claims is claims
recall, measured properly by ``score_devset.py``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

PARTS = {"a": HERE / "devset" / "measure_a.jsonl", "b": HERE / "devset" / "measure_b.jsonl",
         "c": HERE / "devset" / "measure_c.jsonl", "d": HERE / "devset" / "measure_d.jsonl"}


def score(items: list[dict], nlp, verbose: bool = False) -> dict[str, int]:
    from extract.inputs import RawDoc
    from extract.pipeline import extract_doc

    n = {"gold": 0, "found": 0, "right": 0, "none": 0}
    for it in items:
        text = it["text"]
        claims = [c for r in extract_doc(RawDoc(path=f"{it['id']}.txt", doc_id=it["id"], text=text), nlp)
                  for c in getattr(r, "claims", [])]
        at = 0
        for surface, readings in it["measures"]:
            start = text.find(surface, at)
            at, end = start + 1, start + len(surface)
            n["gold"] += 1
            c = next((c for c in claims if c.start < end and start < c.end), None)
            if c is None:
                if verbose:
                    print(f"{it['id']} {surface}: no claim")
                continue
            n["found"] += 1
            ok = c.measure in readings.split("|")
            n["right"] += ok
            n["none"] += c.measure is None
            if verbose and not ok:
                print(f"{it['id']} {surface}: {c.measure!r}, wanted {readings} | {text[:60]}")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=PARTS, default="a")
    ap.add_argument("-v", action="store_true", help="print every claim whose measure is not a reading")
    args = ap.parse_args(argv)
    from extract.nlp import build_nlp

    items = [json.loads(line) for line in PARTS[args.part].read_text(encoding="utf-8").splitlines() if line.strip()]
    n = score(items, build_nlp(), args.v)
    ratio = lambda a, b: f"{a / b:.3f} ({a}/{b})" if b else "n/a"  # noqa: E731
    print(f"measure part {args.part}: {len(items)} sentences, {n['gold']} annotated claims")
    print(f"  found {ratio(n['found'], n['gold'])}  measure right {ratio(n['right'], n['found'])}"
          f"  none {ratio(n['none'], n['found'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
