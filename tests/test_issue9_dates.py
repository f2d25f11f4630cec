"""Issue 9 ("Nothing lost on real text"), the dates and events items F1, F2, F5, F13, F14.

Each case says why it is hard; the F-number names the failure it pins.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest

from extract.facts import dates as D
from extract.facts import events as E
from extract.facts.dates import find_dates, parse_dateline, reference_date
from extract.facts.events import find_events
from schemas import ReferenceDate

REF = ReferenceDate(year=2023, month=12, day=25, source="dateline", year_source="dateline+published")


# --------------------------------------------------------------------------- F1: numerals
NUMBERS = [
    # (printed, value, why it is hard)
    ("12", 12, "ASCII digits"),
    ("１２", 12, "full-width digits: int() took them, _num must too"),
    ("十二", 12, "issue 9 F1: _page_dateline called int('十二'); it reads through _num now"),
    ("十", 10, "a bare ten"),
    ("三十一", 31, "tens and units"),
    ("二○○○", 2000, "○ (a circle, not a zero) as a digit of a year"),
    ("〇五", 5, "a leading Chinese zero"),
    ("十十", None, "two tens: not a number, and no exception"),
    ("九十九九", None, "digits after the units: not a number"),
    ("٣", None, "an Arabic-Indic digit: str.isdigit() says yes, int() would take it; not ours"),
    ("²", None, "a superscript: str.isdigit() says yes and int() raises"),
    ("年", None, "not a numeral"),
    ("", None, "empty group"),
]


@pytest.mark.parametrize("printed,value,why", NUMBERS, ids=[n[2] for n in NUMBERS])
def test_issue9_f1_numbers_never_raise(printed: str, value, why: str) -> None:
    assert D._num(printed) == value


PAGE_CN = "（新华社北京十二月三十一日电）今天，2024年年会召开。\n（新华社北京十二月三十一日电）另一条消息。"


def test_issue9_f1_page_dateline_in_chinese_numerals() -> None:
    # issue 9 F1: a 本报讯 story on a page whose datelines are written 十二月三十一日 borrowed
    # the page's dateline through int() and crashed; now it borrows 12-31
    r = reference_date("本报讯", None, "今天，会议召开。", PAGE_CN)
    assert (r.month, r.day, r.source) == (12, 31, "page-dateline")


@pytest.mark.parametrize("text,span,value", [
    # issue 9 F1: every int() on a regex group became _num; these guard that each pattern
    # still reads Chinese and full-width numbers as before
    ("二〇二四年十二月三十一日", "二〇二四年十二月三十一日", "2024-12-31"),  # Chinese year, month and day
    ("２０２４-１２-３１", "２０２４-１２-３１", "2024-12-31"),  # full-width digits in ISO form
    ("１２月２５日至２８日", "１２月２５日至２８日", "2023-12-25"),  # full-width range tail
    ("下午十一时", "下午十一时", "2023-12-25"),  # Chinese hour with a pm shift (23:00)
])
def test_issue9_f1_numerals_in_every_pattern(text: str, span: str, value) -> None:
    found = [d for d in find_dates(text, REF) if d.text == span]
    assert found and found[0].value == value, find_dates(text, REF)


# --------------------------------------------------------------------------- F2, F5: arithmetic
IMPOSSIBLE_REFS = [
    # (reference, why it is hard)
    (ReferenceDate(year=2024, month=2, day=30, source="dateline"), "issue 9 F2: 2月30日 built by a caller"),
    (ReferenceDate(year=2023, month=2, day=29, source="dateline"), "issue 9 F2: 2月29日 in a common year"),
    (ReferenceDate(year=2024, month=13, day=5, source="dateline"), "issue 9 F13: month 13"),
    (ReferenceDate(year=9999, month=12, day=31, source="option"), "issue 9 F5: the last day there is"),
    (ReferenceDate(year=1, month=1, day=1, source="option"), "issue 9 F5: the first day there is"),
]
RELATIVE_TEXT = "前天、昨天、今天、明天、后天、去年、明年、上月、下月、本月3日，当日、次日，下午6时，5日，12月31日至1月2日。"


@pytest.mark.parametrize("ref,why", IMPOSSIBLE_REFS, ids=[r[1] for r in IMPOSSIBLE_REFS])
def test_issue9_f2_f5_relative_dates_never_raise(ref: ReferenceDate, why: str) -> None:
    found = find_dates(RELATIVE_TEXT, ref)
    assert len(found) >= 14
    for d in found:  # whatever resolves is a real date, whatever cannot is null with a low score
        if d.value is None:
            assert d.score <= 0.5, d
        else:
            assert 1 <= int(d.value[:4]) <= 9999
            dt.date.fromisoformat(d.value) if len(d.value) == 10 else None
    events = find_events("今天，大会召开。明天，大会闭幕。", find_dates("今天，大会召开。明天，大会闭幕。", ref))
    assert len(events) == 2


@pytest.mark.parametrize("option,text,value", [
    # issue 9 F5: arithmetic past date.max / date.min is unresolved, not an OverflowError
    (dt.date(9999, 12, 31), "明天", None),
    (dt.date(9999, 12, 31), "次日", None),  # anaphoric, from the reference
    (dt.date(9999, 12, 31), "明年", None),  # year 10000
    (dt.date(9999, 12, 31), "下月", None),
    (dt.date(9999, 12, 31), "今天", "9999-12-31"),  # the reference itself is fine
    (dt.date(9999, 12, 31), "昨天", "9999-12-30"),
    (dt.date(1, 1, 1), "昨天", None),
    (dt.date(1, 1, 1), "去年", None),  # year 0
    (dt.date(1, 1, 1), "12月", None),  # more than six months after January: year 0
    (dt.date(1, 1, 1), "上月", None),
])
def test_issue9_f5_arithmetic_at_the_ends_of_time(option: dt.date, text: str, value) -> None:
    ref = reference_date(None, None, text, None, option)
    (d,) = find_dates(text, ref)
    assert d.value == value and (value is not None or d.score <= 0.5)


def test_issue9_f5_range_crossing_year_9999() -> None:
    # the start resolves, the end (10000-01-02) cannot: end null, score lowered
    ref = ReferenceDate(year=9999, month=12, day=31, source="option")
    (d,) = find_dates("12月31日至1月2日", ref)
    assert (d.value, d.end_value, d.kind) == ("9999-12-31", None, "range") and d.score <= 0.5


def test_issue9_f5_antecedent_day_at_date_max() -> None:
    # 次日 after a printed 9999年12月31日 resolves against it (antecedent) and overflows
    (a, b) = find_dates("9999年12月31日，会议召开。次日，会议闭幕。", None)
    assert a.value is None  # years are 18xx-20xx only: not even read as 9999
    ref = ReferenceDate(year=9999, month=12, day=31, source="option")
    (a, b) = find_dates("12月31日，会议召开。次日，会议闭幕。", ref)
    assert (a.value, b.value, b.year_source) == ("9999-12-31", None, "none")


# --------------------------------------------------------------------------- F2, F13: datelines
DATELINES = [
    # (dateline, parse_dateline, why it is hard)
    ("新华社北京13月5日电", (None, None), "issue 9 F13: 13月 read as 3月 before"),
    ("新华社北京十三月五日电", (None, None), "issue 9 F13: the same in Chinese numerals"),
    ("新华社北京2月30日电", (2, None), "issue 9 F2: the month stands, the day cannot"),
    ("新华社北京8月37日电", (8, None), "issue 9 F13: 37日 read as 7日 before"),
    ("新华社北京8月０日电", (8, None), "day 0"),
    ("新华社北京2月29日电", (2, 29), "possible until the year is known"),
    ("新华社北京123月5日电", None, "three digits are no month: not a dateline date at all"),
    ("新华社北京十二月三十一日电", (12, 31), "issue 9 F1: Chinese numerals"),
]


@pytest.mark.parametrize("dateline,md,why", DATELINES, ids=[d[2] for d in DATELINES])
def test_issue9_f13_parse_dateline(dateline: str, md, why: str) -> None:
    assert parse_dateline(dateline) == md


REFERENCES = [
    # (dateline, published, page, (year, month, day, source), why it is hard)
    ("新华社北京2月30日电", None, None, (2024, 2, None, "dateline"), "issue 9 F2: keeps month 2"),
    ("新华社北京2月29日电", "2023-03-01", None, (2023, 2, None, "dateline"), "issue 9 F2: no 29th in 2023"),
    ("新华社北京2月29日电", "2024-03-01", None, (2024, 2, 29, "dateline"), "a leap year keeps it"),
    ("新华社北京13月5日电", None, None, (2024, None, None, "text-year"), "issue 9 F13: neither part"),
    # issue 9 F13: a story whose own dateline is impossible borrows no day from the page
    ("新华社北京13月5日电", None, "新华社北京3月5日电 2024年会议", (2024, None, None, "text-year"),
     "issue 9 F13: no page-dateline for a story with its own, impossible one"),
]


@pytest.mark.parametrize("dateline,published,page,expected,why", REFERENCES, ids=[r[4] for r in REFERENCES])
def test_issue9_f2_f13_reference_keeps_what_is_possible(dateline, published, page, expected, why) -> None:
    story = "今天，大会在京召开。2024年度会议同期举行。"
    r = reference_date(dateline, published, story, page)
    assert (r.year, r.month, r.day, r.source) == expected
    today = [d for d in find_dates(story, r) if d.text == "今天"][0]
    assert (today.value is None) == (r.day is None)
    if r.day is None:
        assert today.score <= 0.5
        (ev,) = find_events(story, find_dates(story, r))
        assert ev.score <= 0.5


def test_issue9_f13_dateline_in_the_story_text() -> None:
    # issue 9 F13 as reported: 新华社北京13月5日电 今天 resolved 今天 to 2024-03-05
    story = "新华社北京13月5日电 今天，2024年度会议在京召开。"
    r = reference_date(None, None, story, story)
    assert (r.month, r.day) == (None, None)
    assert [d.value for d in find_dates(story, r) if d.text == "今天"] == [None]


# --------------------------------------------------------------------------- F13: body text
BODY = [
    # (text, [(span, value, precision)], why it is hard)
    ("13月5日", [("13月5日", None, "day")], "issue 9 F13: not 3月5日"),
    ("十三月五日", [("十三月五日", None, "day")], "issue 9 F13: Chinese numerals, not 三月五日"),
    ("8月37日", [("8月37日", None, "day")], "issue 9 F13: neither 8月3日 nor 8月7日, nor 8月"),
    ("八月三十七日", [("八月三十七日", None, "day")], "issue 9 F13: Chinese day 37"),
    ("8月370日", [("8月370日", None, "day")], "issue 9 F13: every digit before 日 is the day"),
    ("今年8月37日", [("今年8月37日", None, "day")], "issue 9 F13: after a relative year"),
    ("本月37日", [("本月37日", None, "day")], "issue 9 F13: after a relative month, not 本月"),
    ("2024年13月", [("2024年13月", None, "month")], "issue 9 F13: not the bare year 2024"),
    ("2023年2月29日", [("2023年2月29日", None, "day")], "no 29th in a common year"),
    ("12月25日至37日", [("12月25日至37日", "2023-12-25", "day")], "issue 9 F13: impossible range end"),
    ("1至13月", [("1至13月", "2023-01", "month")], "issue 9 F13: impossible month range end"),
    ("8月12家企业", [("8月", "2023-08", "month")], "digits not followed by 日 are no day"),
    ("37日", [], "a bare N日 over 31 is a count of days, not 7日"),
    ("2024-13-05", [], "a numeric form with month 13 is a code"),
    ("1\n0月", [], "a lone 0 is no month (a number split by a column break)"),
    ("一二月份", [("一二月", "2023-01", "month")], "一二 is not twelve: two months in a row, January to February (issue 15)"),
    ("100月", [], "three digits are no month"),
]


@pytest.mark.parametrize("text,expected,why", BODY, ids=[b[2] for b in BODY])
def test_issue9_f13_impossible_dates_in_the_body(text: str, expected, why: str) -> None:
    found = find_dates(text, REF)
    assert [(d.text, d.value, d.precision) for d in found] == expected
    for d in found:
        if d.value is None or (d.kind == "range" and d.end_value is None):
            assert d.score <= 0.5, d


# --------------------------------------------------------------------------- F14: linear time
def _naive_sentence(text: str, pos: int) -> tuple[int, int]:
    # rescans: the shared splitter's sentence holding pos (issue 11), cut at a ； or line break
    from extract.text.sentences import split_sentences

    spans = split_sentences(text) or [(0, len(text))]
    s, e = ([sp for sp in spans if sp[0] <= pos] or spans)[-1 if any(sp[0] <= pos for sp in spans) else 0]
    s = max([s] + [text.rfind(c, s, pos) + 1 for c in E._HARD_BREAK if text.rfind(c, s, pos) >= 0])
    ends = [i for i in (text.find(c, pos, e) for c in E._HARD_BREAK) if i >= 0]
    return s, min(ends) if ends else e


def _naive_clause_start(text: str, pos: int, floor: int) -> int:
    return max([floor] + [text.rfind(c, floor, pos) + 1 for c in E._CLAUSE_END if text.rfind(c, floor, pos) >= 0])


def _naive_clause_end(text: str, pos: int, ceil: int) -> int:
    ends = [i for i in (text.find(c, pos, ceil) for c in E._CLAUSE_END) if i >= 0]
    return min(ends) if ends else ceil


def test_issue9_f14_bisected_breaks_equal_the_rescans() -> None:
    # issue 9 F14: the precomputed breaks answer exactly what the quadratic rescans did
    # (within the window); random text over the break characters and a few others
    rng = random.Random(9)
    alphabet = "。！？；\n，,：:会议召开在京1月日 "
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))
        tx = E._Text(text)
        for pos in range(len(text) + 1):
            s, e = _naive_sentence(text, pos)
            assert tx.sentence(pos) == (max(s, pos - E._WINDOW), min(e, pos + E._WINDOW))
            for floor in (0, max(0, pos - 5)):
                assert tx.clause_start(pos, floor) == _naive_clause_start(text, pos, floor)
            for ceil in (len(text), min(len(text), pos + 5)):
                assert tx.clause_end(pos, ceil) == _naive_clause_end(text, pos, ceil)


def test_issue9_f14_events_stay_in_a_window() -> None:
    # issue 9 F14: 80k characters without a sentence break made every event span the whole
    # run (quadratic output); each event now lies within the window around its date
    text = "1月1日习近平召开会议" * 400
    ds = find_dates(text, REF)
    evs = find_events(text, ds, ["习近平"])
    assert len(evs) == 400
    for e in evs:
        assert e.start >= e.date.start - E._WINDOW and e.end <= e.date.end + E._WINDOW
        assert e.officials == ["习近平"] and e.trigger == "召开"


def test_issue9_f14_page_years_read_once_per_page() -> None:
    # issue 9 F14: every story on a page re-read the whole page for its year (stories x page)
    page = "新华社北京12月2日电 2024年会议召开。\n" * 50
    D._years.cache_clear()
    for i in range(30):
        reference_date("本报讯", None, f"第{i}条消息，今天会议召开。", page)
    assert D._years.cache_info().hits >= 29
