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
    assert declared == {c.name: c.entry_point for c in registry.COMPONENTS}


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
