"""Cross-check on generated versions with planted errors (bench/gen_versions.py).

Four CTB6 stories × three versions (narrow columns, web copy, scrambled), one story per
page plus unrelated stories on pages of their own, two planted errors per version.
Thresholds were measured over seeds 1–10 (grouping exact in all; recall 0.875–1.0;
consensus accuracy of found errors 0.875–1.0; precision 0.81–1.0); the test pins seed 1.
"""
from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CTB = Path("/work/shared/corpora/ctb6/ctb6.test.seg")

pytestmark = pytest.mark.skipif(not CTB.exists(), reason="CTB6 corpus not available")


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _fold(s: str) -> str:
    out = []
    for c in s:
        if not c.isspace():
            n = unicodedata.normalize("NFKC", c)
            out.append(n if len(n) == 1 else c)
    return "".join(out)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    gen, ev = _load("gen_versions"), _load("eval_crosscheck")
    folder = tmp_path_factory.mktemp("versions")
    truth = gen.generate(folder, n_stories=4, n_versions=3, seed=1, per_page=1, filler_pages=True)
    return folder, truth, ev


def test_truth_offsets_point_at_wrong_readings(generated):
    folder, truth, _ = generated
    assert len(truth["errors"]) == 4 * 3 * 2
    for er in truth["errors"]:
        raw = (folder / er["file"]).read_text(encoding="utf-8")
        assert _fold(raw[er["start"]:er["end"]]) == _fold(er["wrong"])
        others = [v["file"] for v in truth["stories"][er["group"]]["versions"] if v["file"] != er["file"]]
        assert len(others) == 2  # the 2-of-3 majority holds the correct reading


def test_generated_versions_are_grouped_and_errors_found(generated):
    folder, truth, ev = generated
    rep = ev.evaluate(folder)
    m = rep.metrics
    assert m["grouping precision"] == 1.0 and m["grouping recall"] == 1.0
    assert m["recall"] >= 0.85, rep.misses
    assert m["precision"] >= 0.8, [c.context for c in rep.false_pos]
    assert m["consensus accuracy (of found)"] >= 0.85, rep.misses
    assert m["kind accuracy (of found)"] >= 0.85


def test_nothing_flagged_for_layout_alone(generated):
    folder, _, ev = generated
    _, _, groups, conflicts = ev.run_check(folder, False)
    assert groups
    for c in conflicts:
        texts = {_fold(r.text) for r in c.readings}
        assert len(texts) >= 2, f"readings differ only in whitespace/width/line breaks: {c.context}"
        if c.severity == "low":
            assert c.kind == "punctuation"
