"""JSON Schemas for every record newsfacts writes, generated from the pydantic models.

    python -m extract.schema_export          # (re)write schemas/json/*.schema.json
    python -m extract.schema_export --check  # exit 1 when the committed files differ

The schemas describe the JSONL as written (pydantic's serialisation mode: Decimal
claim values are strings). Output is deterministic: sorted keys, two-space indent,
UTF-8, one trailing newline.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas import Claim, Conflict, ErrorRecord, Event, Group, Official, Organization, StoryRecord

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: file stem -> model. Stories, conflicts, groups and errors are JSONL lines;
#: officials, organizations, events and claims are the facts inside a story.
MODELS: dict[str, type[BaseModel]] = {
    "story": StoryRecord, "official": Official, "organization": Organization, "event": Event,
    "claim": Claim, "conflict": Conflict, "group": Group, "error": ErrorRecord,
}


def schema_for(model: type[BaseModel]) -> dict:
    """The JSON Schema of ``model`` as written to JSONL."""
    schema = model.model_json_schema(mode="serialization")
    return {"$schema": DIALECT, **schema}


def render(model: type[BaseModel]) -> str:
    """The file text: deterministic JSON with a trailing newline."""
    return json.dumps(schema_for(model), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    """File name -> text, for every record type."""
    return {f"{name}.schema.json": render(model) for name, model in MODELS.items()}


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into ``directory``; return the files whose text changed."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in expected_files().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def check(directory: Path = SCHEMA_DIR) -> list[str]:
    """Problems with the files in ``directory``: missing, differing from the models, or stale."""
    problems = []
    expected = expected_files()
    for name, text in expected.items():
        path = directory / name
        if not path.exists():
            problems.append(f"{path}: missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path}: differs from the models")
    for path in sorted(directory.glob("*.schema.json")):
        if path.name not in expected:
            problems.append(f"{path}: no record type has this schema")
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m extract.schema_export", description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="exit 1 when the files differ from the models")
    p.add_argument("--dir", type=Path, default=SCHEMA_DIR, help=f"folder of the schemas (default {SCHEMA_DIR})")
    args = p.parse_args(argv)
    if args.check:
        problems = check(args.dir)
        for line in problems:
            print(f"schema_export: {line}", file=sys.stderr)
        if problems:
            print("schema_export: run `python -m extract.schema_export` and commit schemas/json/", file=sys.stderr)
            return 1
        print(f"schema_export: {len(MODELS)} schemas up to date in {args.dir}")
        return 0
    changed = write(args.dir)
    print(f"schema_export: wrote {len(changed)} of {len(MODELS)} schemas to {args.dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
