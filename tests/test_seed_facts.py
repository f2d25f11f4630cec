"""Claims, dates and events on the whole seed pages (issue 4): the required cases and golden files."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extract.output import dumps

from .golden import regen

GOLDEN = Path(__file__).parent / "golden"


def _stories(seed_records, prefix: str):
    return [r for r in seed_records if r.record_type == "story" and r.source.doc_id.startswith(prefix)]


def _claim(seed_records, prefix: str, text: str):
    hits = [c for s in _stories(seed_records, prefix) for c in s.claims if c.text == text]
    assert hits, f"{prefix}: no claim {text!r}"
    return hits[0]


CLAIMS = [
    # (seed, surface, value, unit, qualifier, lower, direction, why it is hard)
    ("000", "42%", "42", "%", "exact", None, None, "percent in a narrow column"),
    ("000", "71个", "71", "个", "exact", None, None, "plain count"),
    ("000", "3个月", "3", "个月", "exact", None, None, "连续3个月: a duration with 个月"),
    ("001", "68.9万起", "689000", "起", "exact", None, None, "decimal with 万"),
    ("001", "3.1万名", "31000", "名", "exact", None, None, "decimal with 万"),
    ("001", "1389万人次", "13890000", "人次", "exact", None, None, "人次 before 人"),
    ("001", "3288亿元", "328800000000", "元", "exact", None, None, "亿 applied, no float artefact"),
    ("001", "3.4万余人", "34000", "人", "more_than", "34000", None, "余 after 万 is a lower bound"),
    ("001", "近52%", "52", "%", "approx", None, "increase", "同比上升近52%"),
    ("001", "17.6%", "17.6", "%", "exact", None, "decrease", "同比下降 split across a blank line"),
    ("001", "21.05万人次", "210500", "人次", "exact", None, None, "two decimals with 万"),
    ("003", "约400人", "400", "人", "approx", None, None, "约 qualifier"),
    ("003", "3.69万亩", "36900", "亩", "exact", None, None, "land area"),
    ("004", "1.46万家", "14600", "家", "exact", None, None, "split across a paragraph break"),
    ("004", "超14万家", "140000", "家", "more_than", "140000", None, "超 qualifier"),
    ("004", "3万余人", "30000", "人", "more_than", "30000", None, "余 lower bound"),
]


@pytest.mark.parametrize("seed,text,value,unit,qualifier,lower,direction,why", CLAIMS, ids=[c[-1] for c in CLAIMS])
def test_seed_claims(seed_records, seed, text, value, unit, qualifier, lower, direction, why) -> None:
    c = _claim(seed_records, seed, text)
    assert (c.value, c.unit, c.qualifier) == (Decimal(value), unit, qualifier)
    if lower is not None:
        assert c.lower == Decimal(lower)
    if direction is not None:
        assert c.direction == direction


def test_seed_range_claim(seed_records) -> None:
    c = _claim(seed_records, "004", "50元~100元")
    assert (c.qualifier, c.lower, c.upper, c.unit) == ("range", Decimal(50), Decimal(100), "元")


def test_claim_measure_for_42_percent(seed_records) -> None:
    assert "全球占比" in _claim(seed_records, "000", "42%").measure


DATES = [
    # (seed, surface, value, why it is hard)
    ("000", "今年10月", "2023-10", "今年 resolves against a December 2023 dateline although the story plans 2024"),
    ("002", "今年10月", "2023-10", "web copy published 2024-04-26: dateline month later than publication → previous year"),
    ("001", "8月26日", "2023-08-26", "year from the story's own 2023年"),
    ("003", "2024年3月20日", "2024-03-20", "absolute date after 本报讯"),
    ("003", "3月24日", "2024-03-24", "year from the page"),
    ("004", "11月27日", "2024-11-27", "截至…: year from the page's dateline story"),
]


@pytest.mark.parametrize("seed,text,value,why", DATES, ids=[d[-1] for d in DATES])
def test_seed_dates(seed_records, seed, text, value, why) -> None:
    values = {d.value for s in _stories(seed_records, seed) for d in s.dates if d.text.startswith(text)}
    assert value in values


REFERENCES = [
    ("000", "巩固增强工业经济回升向好态势", (2023, 12, 25)),
    ("002", "巩固增强工业经济回升向好态势", (2023, 12, 25)),
    ("004", None, (2024, 12, 2)),
]


@pytest.mark.parametrize("seed,headline,ymd", REFERENCES)
def test_reference_dates(seed_records, seed, headline, ymd) -> None:
    story = next(s for s in _stories(seed_records, seed) if s.headline == headline)
    ref = story.reference_date
    assert (ref.year, ref.month, ref.day) == ymd and ref.year_source


EVENTS = [
    # (seed, trigger contains, date, location, officials)
    ("003", "召开", "2024-03-20", "京", []),
    ("003", "主持", "2024-03-20", "湖南省长沙市", ["习近平"]),
    ("001", "移交", "2023-08-26", "缅甸仰光国际机场", []),
]


@pytest.mark.parametrize("seed,trigger,value,location,officials", EVENTS)
def test_seed_events(seed_records, seed, trigger, value, location, officials) -> None:
    evs = [e for s in _stories(seed_records, seed) for e in s.events if trigger in e.trigger and e.date.value == value]
    assert evs, f"no {trigger} event on {value}"
    assert location in (evs[0].location or "")
    assert set(officials) <= set(evs[0].officials)


def test_no_claims_inside_words_or_set_phrases(seed_records) -> None:
    texts = {c.text for s in seed_records if s.record_type == "story" for c in s.claims}
    assert not {"5G", "三驾马车", "二十大", "一带一路"} & texts
    assert not any(t.endswith("年") and t[:-1].isdigit() and len(t) == 5 for t in texts)  # no bare years


@pytest.mark.parametrize("kind", sorted(regen.FIELDS))
def test_golden_files(seed_records, kind: str) -> None:
    """Whole-document golden files; regenerate with tests/golden/regen.py after a reviewed change."""
    got = b"".join(dumps(r) for r in regen.rows(seed_records, kind))
    want = (GOLDEN / f"seeds.{kind}.jsonl").read_bytes()
    assert got == want
