"""Issue 11: the components and fact kinds are defined once (extract/facts/registry.py), and
everything else agrees with that definition."""
from __future__ import annotations

import tomllib
from pathlib import Path

from schemas import StoryRecord

from extract.facts import registry
from extract.load import tables as T
from extract.load.loader import _story_rows
from extract.load.rows import _CHILD_LISTS, story_rows

ROOT = Path(__file__).resolve().parents[1]


def test_pyproject_entry_points_agree_with_the_registry() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = meta["project"]["entry-points"]["spacy_factories"]
    assert declared == {c.name: c.entry_point for c in registry.COMPONENTS} | registry.MODEL_FACTORIES


def test_the_shipped_model_loads_without_importing_newsfacts() -> None:
    # spaCy finds the model's first component (newsfacts_wordfeats) through its entry point
    import subprocess
    import sys

    code = "import spacy, sys; print(spacy.load(sys.argv[1]).pipe_names)"
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "extract" / "data" / "models" / "ner")],
                         capture_output=True, text=True, check=True)
    assert "newsfacts_wordfeats" in out.stdout


def test_every_entry_point_names_the_factory_its_module_registers() -> None:
    import importlib

    from spacy.language import Language

    for c in registry.COMPONENTS:
        mod = importlib.import_module(c.module)
        assert callable(getattr(mod, c.factory)), c
        assert Language.has_factory(c.name), c


def test_fact_kinds_are_record_lists_and_loader_tables() -> None:
    assert registry.FACT_KINDS == ("officials", "organizations", "claims", "dates", "events")
    for kind in registry.FACT_KINDS:
        assert kind in StoryRecord.model_fields, kind
        assert kind in _CHILD_LISTS["StoryRecord"], kind
        assert isinstance(getattr(T, kind), T.Table), kind
        assert getattr(T, kind).name == kind


def test_the_pipeline_runs_the_registry_components(nlp) -> None:
    assert nlp.pipe_names == [c.name for c in registry.COMPONENTS]
    from spacy.tokens import Doc

    for kind in registry.FACT_KINDS:
        assert Doc.has_extension(kind), kind


def test_loader_row_count_is_the_rows_a_story_makes(seed_records) -> None:
    stories = [r for r in seed_records if r.record_type == "story"]
    assert stories
    for rec in stories:
        assert _story_rows(rec) == sum(len(rows) for rows in story_rows(rec, "x").values())


# --- requires / assigns: the pipeline order follows from the declarations -------------------------

def test_factories_declare_the_registry_requires_and_assigns() -> None:
    from spacy.language import Language

    from extract.nlp import register_components

    register_components()
    for c in registry.COMPONENTS:
        meta = Language.get_factory_meta(c.name)
        assert (list(meta.requires), list(meta.assigns)) == (list(c.requires), list(c.assigns)), c.name


def test_pipeline_order_follows_the_declarations_whatever_the_listing_order() -> None:
    from extract.nlp import pipeline_order

    assert pipeline_order() == [c.name for c in registry.COMPONENTS]
    shuffled = tuple(reversed(registry.COMPONENTS))
    order = pipeline_order(shuffled)
    assert sorted(order) == sorted(c.name for c in registry.COMPONENTS)
    for c in shuffled:
        for attr in c.requires:
            for other in shuffled:
                if attr in other.assigns and other.name != c.name:
                    assert order.index(other.name) < order.index(c.name), (other.name, c.name)


def test_a_cycle_in_the_declarations_is_an_error() -> None:
    import pytest

    from extract.nlp import pipeline_order

    a = registry.Component("a", "m", "f", assigns=("doc._.a",), requires=("doc._.b",))
    b = registry.Component("b", "m", "f", assigns=("doc._.b",), requires=("doc._.a",))
    with pytest.raises(ValueError, match="cycle"):
        pipeline_order((a, b))


def test_a_users_add_pipe_order_problem_is_reported_by_analyze_pipes() -> None:
    import spacy

    from extract.nlp import register_components

    register_components()
    nlp = spacy.blank("zh")
    for name in ("events", "dates", "officials", "recognizer"):  # every one too early
        nlp.add_pipe(name)
    problems = nlp.analyze_pipes()["problems"]
    assert sorted(problems["events"]) == ["doc._.dates", "doc._.officials"]
    assert problems["officials"] == ["doc.spans"]
    assert problems["dates"] == [] and problems["recognizer"] == []


def test_the_built_pipeline_has_no_order_problems(nlp) -> None:
    assert all(not attrs for attrs in nlp.analyze_pipes()["problems"].values())


def test_a_factory_declaring_other_than_the_registry_is_refused(monkeypatch) -> None:
    import pytest
    from spacy.language import Language

    from extract.nlp import _declare, register_components

    register_components()
    c = registry.BY_NAME["events"]
    meta = Language.get_factory_meta(c.name)
    monkeypatch.setattr(meta, "requires", ["doc._.claims"])
    with pytest.raises(RuntimeError, match="registry"):
        _declare(c)


def test_officials_and_organizations_declare_in_their_decorators() -> None:
    """Without extract.nlp filling anything in (a fresh process importing only the modules)."""
    import subprocess
    import sys

    code = ("from spacy.language import Language\n"
            "import extract.facts.officials, extract.facts.organizations\n"
            "for n in ('officials', 'organizations'):\n"
            "    m = Language.get_factory_meta(n)\n"
            "    print(n, list(m.requires), list(m.assigns))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    for name in ("officials", "organizations"):
        c = registry.BY_NAME[name]
        assert f"{name} {list(c.requires)} {list(c.assigns)}" in out
