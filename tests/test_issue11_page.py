"""Issue 11: extract/text/ reads a page once, top down, into stories (text/page.py); the pipeline
only runs nlp over them. The body's normalised text is built from what layout normalised, and is
exactly what normalising the body's paragraphs afresh gives."""
from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from extract.text import datelines, layout
from extract.text.normalize import normalize_segments
from extract.text.offsets import canon
from extract.text.page import Story, read_page

from .conftest import ROOT, SEEDS
from .test_fuzz import FUZZ, TEXT, ocr_noise


def _check_story(raw: str, story: Story) -> None:
    fresh = normalize_segments(raw, story.body_spans)
    assert (story.body.chars, list(story.body.index)) == (fresh.chars, list(fresh.index))
    text = story.text
    for s, e in story.paragraphs + story.sentences:
        a, b = story.body.to_raw(s, e)
        assert canon(raw[a:b]) == canon(text[s:e])
        assert story.start <= a <= b <= story.end
    for f in story.furniture:
        assert canon(raw[f.start:f.end]) == canon(f.text)


def test_seed_pages_read_once_into_stories() -> None:
    for p in sorted(SEEDS.glob("*.txt")):
        raw = p.read_text(encoding="utf-8")
        stories = read_page(raw)
        assert stories, p.name
        for story in stories:
            _check_story(raw, story)


@FUZZ
@given(st.data(), st.lists(TEXT, min_size=1, max_size=8))
def test_the_body_reused_from_layout_is_the_body_normalised_afresh(data, paras):
    raw = ocr_noise("\n\n".join(paras), data)
    for story in read_page(raw):
        _check_story(raw, story)


def test_one_dateline_pattern() -> None:
    m = datelines.DATELINE.search("（新华社北京 12月 25 日电）")
    assert (m["agency"], m["place"], m["month"], m["day"]) == ("新华社", "北京", "12", "25")
    m = datelines.DATELINE.search("新华社北京十二月十六日电")
    assert (m["place"], m["month"], m["day"]) == ("北京", "十二", "十六")
    assert layout.LEAD_DATELINE is datelines.LEAD_DATELINE and layout.TRAIL_DATELINE is datelines.TRAIL_DATELINE
    assert datelines.DATELINE_PATTERN in datelines.LEAD_DATELINE.pattern
    assert datelines.DATELINE_PATTERN in datelines.TRAIL_DATELINE.pattern
    assert datelines.LEAD_DATELINE.match("新华社北京12月25日电（记者 严赋憬）今天").group() == "新华社北京12月25日电（记者 严赋憬）"


def test_the_pipeline_does_not_read_the_page_layout_itself() -> None:
    src = (ROOT / "extract" / "pipeline.py").read_text(encoding="utf-8")
    imported = {n.module for n in ast.walk(ast.parse(src)) if isinstance(n, ast.ImportFrom)}
    assert not imported & {"text.layout", "text.stories", "text.sentences"}


def test_module_and_function_size() -> None:
    paths = [ROOT / "extract" / "pipeline.py", ROOT / "extract" / "nlp.py"]
    paths += [p for p in (ROOT / "extract" / "text").glob("*.py") if p.name != "sentences.py"]
    for path in paths:
        src = path.read_text(encoding="utf-8")
        assert len(src.splitlines()) <= 400, path.name
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno - node.lineno + 1 <= 45, f"{path.name}:{node.name}"
