"""Regenerate the seeds' claims and dates golden files after a reviewed change.

    .venv/bin/python tests/golden/regen.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from extract.inputs import iter_inputs  # noqa: E402
from extract.nlp import build_nlp  # noqa: E402
from extract.output import write_jsonl  # noqa: E402
from extract.pipeline import extract_items  # noqa: E402

SEEDS = HERE.parent.parent / "fixtures" / "seeds"
FIELDS = {
    "claims": ("text", "start", "end", "value", "unit", "qualifier", "lower", "upper", "direction", "measure", "period"),
    "dates": ("text", "start", "end", "value", "end_value", "precision", "kind", "time_of_day"),
}


def rows(records, kind: str) -> list[dict]:
    out = []
    for r in records:
        if r.record_type != "story":
            continue
        for fact in getattr(r, kind):
            d = fact.model_dump(mode="json")
            out.append({"doc": r.source.doc_id, "story_id": r.story_id, **{k: d[k] for k in FIELDS[kind]}})
    return out


def build(nlp=None) -> dict[str, list[dict]]:
    nlp = nlp or build_nlp()
    recs = list(extract_items(iter_inputs([str(SEEDS)]), nlp))
    return {kind: rows(recs, kind) for kind in FIELDS}


def main() -> None:
    for kind, data in build().items():
        n = write_jsonl(data, str(HERE / f"seeds.{kind}.jsonl"))
        print(f"wrote {n} {kind}")


if __name__ == "__main__":
    main()
