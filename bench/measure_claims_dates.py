"""Precision and recall of claims, dates and events on the seed cases issue 4 lists.

Recall: listed cases found with the right value, unit, qualifier (claims), resolved value
(dates) or date+location (events). Precision: of the facts the pipeline emits *at the
listed surfaces*, the share that is right (a wrong value at a listed place counts
against precision, a missing one only against recall).

    .venv/bin/python bench/measure_claims_dates.py
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.inputs import iter_inputs  # noqa: E402
from extract.nlp import build_nlp  # noqa: E402
from extract.pipeline import extract_items  # noqa: E402
from tests.test_seed_facts import CLAIMS, DATES, EVENTS  # noqa: E402

EXTRA_CLAIMS = [  # issue 4's number-parser cases on the seeds
    ("004", "三四百件", None, "件", "range", "300", None, "三四百件 range"),
    ("004", "50元~100元", None, "元", "range", "50", None, "range with ~"),
]


def main() -> None:
    recs = [r for r in extract_items(iter_inputs([str(ROOT / "fixtures" / "seeds")]), build_nlp())
            if r.record_type == "story"]
    by_seed = lambda p: [r for r in recs if r.source.doc_id.startswith(p)]  # noqa: E731
    found = emitted = right = 0
    cases = CLAIMS + EXTRA_CLAIMS
    for seed, text, value, unit, qual, lower, direction, why in cases:
        hits = [c for s in by_seed(seed) for c in s.claims if c.text == text]
        emitted += bool(hits)
        ok = bool(hits) and (value is None or hits[0].value == Decimal(value)) and hits[0].unit == unit \
            and hits[0].qualifier == qual and (lower is None or hits[0].lower == Decimal(lower)) \
            and (direction is None or hits[0].direction == direction)
        right += ok
        found += ok
        if not ok:
            print("  claim wrong/missing:", seed, text, [(c.value, c.unit, c.qualifier) for c in hits])
    print(f"claims: recall {found}/{len(cases)} = {found / len(cases):.3f}; "
          f"precision {right}/{emitted} = {right / max(emitted, 1):.3f}")
    dfound = demitted = 0
    for seed, text, value, why in DATES:
        vals = [d.value for s in by_seed(seed) for d in s.dates if d.text.startswith(text)]
        demitted += bool(vals)
        dfound += value in vals
    print(f"dates:  recall {dfound}/{len(DATES)}; precision {dfound}/{demitted}")
    efound = 0
    for seed, trig, value, loc, offs in EVENTS:
        efound += any(trig in e.trigger and e.date.value == value and loc in (e.location or "")
                      for s in by_seed(seed) for e in s.events)
    print(f"events: recall {efound}/{len(EVENTS)}")


if __name__ == "__main__":
    main()
