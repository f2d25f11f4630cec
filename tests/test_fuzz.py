"""Fuzzing every parser and extractor with hypothesis (issue 9, item 4).

Text is generated from the characters of the seed pages, the project's own lexicons (titles,
organisation suffixes, surnames, units, date words), numerals in both widths and Chinese,
punctuation of both widths, and OCR noise (line breaks and spaces inside words, doubled or
dropped characters). Properties: nothing raises, and every offset points at its text.

Profiles: ``make test`` runs a short one (NEWSFACTS_FUZZ_EXAMPLES, default 40 examples a
property); ``bench/fuzz_long.py`` runs at least 10,000 a property. Linear time is measured in
``bench/bench_linear.py``, never in a test.
"""
from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.crosscheck.align import align
from extract.facts.claims import find_claims
from extract.facts.dates import find_dates, parse_dateline, reference_date
from extract.facts.events import find_events
from extract.facts.numbers import parse_number, parse_numeral_range
from extract.facts.officials import find_officials
from extract.facts.organizations import find_organizations
from extract.inputs import RawDoc
from extract.pipeline import extract_doc
from extract.text.offsets import canon as offsets_canon
from schemas import ReferenceDate

from .conftest import ROOT, SEEDS

EXAMPLES = int(os.environ.get("NEWSFACTS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 100,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
DATA = ROOT / "extract" / "data"


def _words(name: str, limit: int = 400) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].split("\t", 1)[0].strip()
        if w:
            out.append(w)
    return out[:limit]


@cache
def _alphabet() -> str:
    chars = set()
    for p in sorted(SEEDS.glob("*.txt")):
        chars |= set(p.read_text(encoding="utf-8"))
    chars |= set("０１２３４５６７８９0123456789〇○零一二两三四五六七八九十百千万亿点％%．.，,、。：:；;（）()《》“”—~-·")
    return "".join(sorted(c for c in chars if c.isprintable() or c in "\n"))


TOKENS = st.sampled_from(
    _words("titles.txt") + _words("org_suffixes.txt") + _words("surnames.txt", 200) + _words("units.txt")
    + ["新华社北京十二月三十一日电", "（新华社北京2月30日电）", "新华社北京13月5日电", "今天", "明天", "昨日", "当天",
       "次日", "去年底", "今年一季度", "3月上旬", "12月31日至1月2日", "2024年", "二○二三年", "下午6时", "以来",
       "近", "超", "约", "余", "多", "以上", "不到", "百分之", "万", "亿", "50%—60%", "3.1.4万元", "10²",
       "１２３，４５６．７８亿元", "约10~20万人", "100-50亿元", "总理李强八日", "中共中央政治局常委、国务院总理",
       "副委员长王晨、曹建明、张春贤", "记者", "报道", "上接第一版", "下转第二版", "责编", "发布时间：2024-04-26 13:11:08",
       "1" * 70, "\n", "\n\n", " ", "\u3000"])
TEXT = st.lists(st.one_of(TOKENS, st.text(alphabet=_alphabet(), min_size=1, max_size=12)),
                max_size=40).map("".join)


def ocr_noise(text: str, data: st.DataObject) -> str:
    """Break lines inside words, double or drop characters, as a bad scan does."""
    cuts = data.draw(st.lists(st.tuples(st.integers(0, max(len(text), 1)), st.sampled_from("\n \u3000x")),
                              max_size=8))
    out = text
    for pos, what in sorted(cuts, reverse=True):
        pos = min(pos, len(out))
        if what == "x" and pos < len(out):
            out = out[:pos] + out[pos] + out[pos:]  # a doubled character
        else:
            out = out[:pos] + what + out[pos:]
    return out


REFS = st.one_of(
    st.none(),
    st.builds(lambda d: ReferenceDate(year=d.year, month=d.month, day=d.day, source="option", year_source="option"),
              st.one_of(st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 2, 29)]))),
    st.builds(lambda y: ReferenceDate(year=y, source="text-year", year_source="story-year"),
              st.sampled_from([1, 1939, 2024, 9999])),
)


def canon(s: str) -> str:
    """The offset rule's comparison form, as the project defines it (a web copy's half-width point
    and quotes are read as 。 and “”, issue 15): text/offsets.py's."""
    return offsets_canon(s)


# --------------------------------------------------------------------------- numbers
@FUZZ
@given(st.text(alphabet="0123456789０１２３４５６７８９〇○零一二两三四五六七八九十百千万亿点.,，．几%", max_size=80))
def test_numbers_raise_only_value_error_and_return_finite_decimals(s):
    try:
        v = parse_number(s)
    except ValueError:
        pass
    else:
        assert isinstance(v, Decimal) and v.is_finite()
    r = parse_numeral_range(s)
    assert r is None or r[0] <= r[1]


# --------------------------------------------------------------------------- claims
@FUZZ
@given(TEXT)
def test_claims(text):
    for c in find_claims(text):
        assert text[c.start:c.end] == c.text
        assert c.value is None or c.value.is_finite()
        if c.lower is not None and c.upper is not None:
            assert c.lower <= c.upper, c


# --------------------------------------------------------------------------- dates
@FUZZ
@given(TEXT, REFS)
def test_dates(text, ref):
    for d in find_dates(text, ref):
        assert text[d.start:d.end] == d.text
        if d.value is not None:
            parts = [int(x) for x in d.value.split("-")]
            dt.date(*(parts + [1] * (3 - len(parts))))  # a real calendar date at its precision


@FUZZ
@given(TEXT, st.one_of(st.none(), st.sampled_from(["2024-04-26 13:11:08", "2024/2/30", "９９９９-12-31", "12345"])),
       st.one_of(st.none(), st.dates()))
def test_datelines_and_reference_dates(text, published, option):
    parse_dateline(text)
    ref = reference_date(text[:30] or None, published, text, text + text, option)
    if None not in (ref.year, ref.month, ref.day):
        dt.date(ref.year, ref.month, ref.day)


# --------------------------------------------------------------------------- officials, organisations, events
@FUZZ
@given(TEXT)
def test_officials(text):
    for o in find_officials(text):
        assert canon(text[o.start:o.end]) == canon(o.text)
        assert o.name and o.name in canon(o.text) or o.is_reporter
        for p in o.positions:
            assert canon(text[p.start:p.end]) == canon(p.text)


@FUZZ
@given(TEXT)
def test_organizations(text):
    for org in find_organizations(text):
        for m in org.mentions:
            assert canon(text[m.start:m.end]) == canon(m.text)


@FUZZ
@given(TEXT, REFS)
def test_events(text, ref):
    dates = find_dates(text, ref)
    names = [o.name for o in find_officials(text)]
    for e in find_events(text, dates, names):
        assert text[e.start:e.end] == e.text


# --------------------------------------------------------------------------- layout and stories
@FUZZ
@given(st.data(), st.lists(TEXT, min_size=1, max_size=8))
def test_layout_and_stories_keep_the_offset_rule(data, paras):
    raw = ocr_noise("\n\n".join(paras), data)
    for rec in extract_doc(RawDoc(path="fuzz", doc_id="fuzz", text=raw), None):
        assert rec.record_type == "story"
        for span in rec.sentences + rec.paragraphs + rec.furniture:
            assert canon(raw[span.start:span.end]) == canon(span.text)


# --------------------------------------------------------------------------- alignment
@FUZZ
@given(st.data(), TEXT)
def test_alignment_blocks_stay_inside_both_texts(data, pivot):
    version = ocr_noise(pivot, data)
    units = [(0, len(version))] + [(i, min(i + 20, len(version))) for i in range(0, len(version), 20)]
    for al in align(pivot, version, units):
        for b in al.blocks:
            assert 0 <= b.p0 <= b.p1 <= len(pivot) and 0 <= b.v0 <= b.v1 <= len(version)


# --------------------------------------------------------------------------- the whole pipeline
PIPELINE_EXAMPLES = max(10, EXAMPLES // 5)


@settings(FUZZ, max_examples=PIPELINE_EXAMPLES)
@given(st.data(), st.lists(TEXT, min_size=1, max_size=6))
def test_whole_pipeline_never_loses_a_story(nlp, data, paras):
    raw = ocr_noise("\n\n".join(paras), data)
    recs = extract_doc(RawDoc(path="fuzz", doc_id="fuzz", text=raw), nlp)
    assert [r for r in recs if r.record_type == "error"] == []
