"""The committed JSON Schemas in schemas/json/ are exactly what the pydantic models generate."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from extract import schema_export
from extract.schema_export import MODELS, SCHEMA_DIR, check, expected_files

from .conftest import ROOT


def test_committed_schemas_match_the_models():
    problems = check(SCHEMA_DIR)
    assert problems == [], "run `python -m extract.schema_export` and commit schemas/json/:\n" + "\n".join(problems)


def test_every_record_type_has_a_schema_describing_its_fields():
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(expected_files())
    for name, model in MODELS.items():
        schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert set(schema["properties"]) == set(model.model_fields), name
        assert schema["additionalProperties"] is False, name
    story = json.loads((SCHEMA_DIR / "story.schema.json").read_text(encoding="utf-8"))
    assert story["properties"]["record_type"]["const"] == "story"
    claim = json.loads((SCHEMA_DIR / "claim.schema.json").read_text(encoding="utf-8"))
    assert {"type": "string"} in claim["properties"]["value"]["anyOf"]  # Decimals are written as strings


def test_generation_is_deterministic_with_a_trailing_newline():
    first, second = expected_files(), expected_files()
    assert first == second
    for text in first.values():
        assert text.endswith("}\n") and not text.endswith("\n\n")
        assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_check_exits_1_when_a_schema_differs_and_0_after_regenerating(tmp_path):
    d = tmp_path / "json"
    shutil.copytree(SCHEMA_DIR, d)
    cmd = [sys.executable, "-m", "extract.schema_export", "--check", "--dir", str(d)]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0

    claim = json.loads((d / "claim.schema.json").read_text(encoding="utf-8"))
    del claim["properties"]["unit"]  # a model change the committed file has not caught up with
    (d / "claim.schema.json").write_text(json.dumps(claim), encoding="utf-8")
    (d / "stale.schema.json").write_text("{}\n", encoding="utf-8")
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1
    assert "claim.schema.json: differs" in r.stderr and "stale.schema.json" in r.stderr

    (d / "stale.schema.json").unlink()
    assert schema_export.main(["--dir", str(d)]) == 0
    assert check(d) == []
