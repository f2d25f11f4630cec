"""Date expressions in Chinese news text, and the reference date they resolve against.

Public API (pure functions):

* :func:`find_dates` -- every date expression in a text, as :class:`schemas.DateValue`.
* :func:`reference_date` -- the date a story's relative expressions resolve against.
* :func:`parse_dateline`, :func:`parse_published` -- small parsers used by the above.

plus the spaCy component ``"dates"`` (sets ``doc._.dates`` from ``doc._.reference_date``).

Conventions (documented choices):

* ``value`` is an ISO string truncated to ``precision`` (``2023``, ``2023-10``, ``2023-12-25``);
  ``null`` whenever the year (or month) cannot be resolved -- nothing is invented.
* A clock time after a date (``2023年12月6日下午6时``) keeps the date as ``value``, puts
  ``"18:00"`` in ``time_of_day`` and sets ``precision="time"``; a bare part of day
  (``3月20日下午``) keeps ``precision="day"`` and ``time_of_day="下午"``.
* ``kind``: ``absolute`` when month/day (or year) are printed (``3月20日`` -- its year may
  come from the reference, see ``year_source``); ``relative`` for 今年/去年/上月/昨天/当日/
  bare ``2日``; ``vague`` for 日前/近日… (value null); ``range`` (``value`` = start,
  ``end_value`` = end); ``since`` for ``…以来``/``…至今``: ``value`` is the start at its own
  precision (``今年以来`` -> ``"2023"``), ``end_value`` is left null (the implicit end is the
  reference date, which is not printed).
* 初/底/末 keep the precision of what they modify (``去年初`` -> ``"2022"``, ``3月底`` ->
  ``"2024-03"``); 上旬/中旬/下旬 are ranges of days by definition (``3月上旬`` ->
  2024-03-01…2024-03-10).
* Not dates: durations (``3个月``, ``5年来``, ``24小时``, ``连续3日``, ``3日内``), ordinals,
  years of fewer than four digits. A bare ``N日`` is a day of month unless a quantity word
  precedes it (连续/近/每/共…) or a duration word follows it (内/来/后/左右…).
* 当日/当天/次日 are anaphoric: they resolve against the closest preceding day-precision
  date in the same or the previous paragraph, else against the reference date; inside an
  event frame (``在拿到合同当天``) they stay unresolved. 今天/昨天 are deictic (reference date).
* A month/day without a printed year takes the reference year; when the month lies more
  than six months after the reference month and no future cue (将于…) precedes it, the
  previous year is taken (``year_source`` ends in ``-1``).
* Impossible dates (issue 9 F13). A printed month or day is the whole number before 月/日,
  never a piece of it: ``13月5日`` is not 3月5日, ``8月37日`` neither 8月3日 nor 8月7日.
  When that number is out of range (13月, 37日, 2月30日, 二○二三年二月二十九日) the
  expression *is* a date -- span and precision as printed -- whose ``value`` is null
  (score <= 0.5), like any date that cannot be resolved; a range with an impossible end
  keeps its start and a null ``end_value`` (score <= 0.5). Not dates at all: a bare
  ``N日`` with N > 31 (a count of days), a month of three digits, and numeric forms
  (``2024-13-05`` reads as a code). In a dateline the impossible part is dropped from the
  reference date (:func:`reference_date`, point 6).
* Date arithmetic never raises: a result outside 0001-01-01..9999-12-31 (明天 after
  9999-12-31) or from an impossible reference is an unresolved value.

Reference-date year inference is described in :func:`reference_date`.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from bisect import bisect_left
from functools import cache, lru_cache
from importlib import resources
from typing import Optional, Sequence

from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import DateValue, ReferenceDate

from . import date_periods as _periods

__all__ = [
    "find_dates",
    "reference_date",
    "parse_dateline",
    "parse_published",
    "DatesComponent",
]

SP = r"[ \t\u3000]*"
_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)}
_CN_NUM = "〇○零Ｏ一二两三四五六七八九十"
_CN_1_99 = "[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]"
# A month or day is the whole number printed before 月/日, never a piece of it (issue 9 F13):
# no digit or numeral may precede it, and a printed day takes every digit up to 日/号. A lone
# 0 is no month (the tail of a number split by a line break: 1⏎0月).
_M_DIGITS = "0?[1-9]|[1-9][0-9]"
_MNUM = rf"(?<![0-9.])(?:{_M_DIGITS})|(?<![{_CN_NUM}])(?:{_CN_1_99})"
_MONTH = rf"(?P<m>{_MNUM})"
_DAY = rf"(?P<d>[0-9]+|{_CN_1_99})"


# --------------------------------------------------------------------------- data
@cache
def lexicon() -> dict:
    """The date lexicon (``extract/data/date_lexicon.json``), loaded on first use."""
    path = resources.files("extract") / "data" / "date_lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern]:
    lx = lexicon()
    rel_y = _alt(lx["relative_year"])
    conn = _alt(lx["range_connectors"])
    year = rf"{_periods.year_pattern('y')}{SP}年"
    md_tail = rf"(?:{SP}{_MONTH}{SP}月(?:{SP}{_DAY}{SP}[日号])?)?"
    tod = _alt(lx["time_of_day"])
    return {
        "ymd": re.compile(rf"{year}{md_tail}"),
        "rel-year": re.compile(rf"(?P<ry>{rel_y}){md_tail}"),
        "iso": re.compile(  # numeric forms must be well formed: 2024-13-05 is a code, not a date
            r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
            r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        ),
        "month-range": re.compile(  # no leading optional blank: a run of blanks is not rescanned
            rf"(?:(?:(?P<y>(?:1[89]|20)[0-9]{{2}}){SP}年|(?P<ry>{rel_y})){SP})?(?<![0-9.])"
            rf"(?P<m1>{_M_DIGITS}){SP}(?:{conn}){SP}(?P<m2>{_M_DIGITS}){SP}月"
        ),
        "md": re.compile(rf"(?<![0-9.])(?P<m>{_M_DIGITS}){SP}月(?:{SP}{_DAY}{SP}[日号])?"),
        "md-cn": re.compile(rf"(?<![{_CN_NUM}])(?P<m>{_CN_1_99})月{_DAY}[日号]"),
        "rel-month": re.compile(rf"(?P<rm>{_alt(lx['relative_month'])})(?:{SP}{_DAY}{SP}[日号])?"),
        "rel-day": re.compile(rf"(?P<rd>{_alt(lx['relative_day'])})"),
        "anaphoric-day": re.compile(rf"(?P<ad>{_alt(lx['anaphoric_day'])})"),
        "day": re.compile(rf"(?<![0-9.月号])(?P<d>3[01]|[12][0-9]|0?[1-9]){SP}日"),
        "vague": re.compile(rf"(?:{_alt(lx['vague'])})"),
        # extensions, matched at a position with .match()
        "x-period": re.compile(rf"{SP}(?P<yy>年)?(?P<p>{_alt(lx['period'])})"),
        "x-since": re.compile(rf"{SP}(?P<s>{_alt(lx['since'])})"),
        "x-until-now": re.compile(rf"{SP}(?:{_alt(lx['until_now'])})"),
        "x-conn": re.compile(rf"{SP}(?:{conn}){SP}"),
        "x-end": re.compile(
            rf"(?:(?P<y>(?:1[89]|20)[0-9]{{2}}){SP}年|(?P<ry>{rel_y}))?{SP}"
            rf"(?:(?P<m>{_M_DIGITS}|{_CN_1_99}){SP}月)?{SP}(?:(?P<d>[0-9]+|{_CN_1_99}){SP}日)?"
        ),
        "x-tod": re.compile(
            rf"{SP}(?P<tod>{tod})?{SP}(?:(?P<h>[01]?[0-9]|2[0-4]|[一二三四五六七八九十]{{1,3}}){SP}"
            rf"(?P<unit>[时点])(?:{SP}(?P<mi>[0-5]?[0-9]){SP}分|(?P<half>半))?)?(?:许|左右)?"
        ),
        "tod-clock": re.compile(
            rf"(?P<tod>{tod}){SP}(?P<h>[01]?[0-9]|2[0-4]|[一二三四五六七八九十]{{1,3}}){SP}(?P<unit>[时点])"
            rf"(?:{SP}(?P<mi>[0-5]?[0-9]){SP}分|(?P<half>半))?(?:许|左右)?"
        ),
        "x-clock": re.compile(rf"{SP}(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::[0-5][0-9])?"),
        "dateline": re.compile(
            rf"(?:(?P<y>(?<![0-9.])(?:19|20)[0-9]{{2}}){SP}年{SP})?{_MONTH}{SP}月{SP}"
            rf"{_DAY}{SP}日{SP}(?:{_alt(lx['source_markers'])})"
        ),
        # a printed full date after a year (reference-year evidence), matched at a position
        "x-md": re.compile(rf"{SP}(?P<m>1[0-2]|0?[1-9]){SP}月{SP}(?P<d>3[01]|[12][0-9]|0?[1-9]){SP}日"),
    }


# --------------------------------------------------------------------------- numbers
def _num(s: Optional[str]) -> Optional[int]:
    """'12', '１２', '十二', '三十一', '二○○○' -> int; None for anything else. Never raises:
    every number read from a regex group goes through here (issue 9 F1)."""
    if not s:
        return None
    s = s.translate(_FULLWIDTH).strip()
    if s.isascii() and s.isdigit():
        return int(s)
    if len(s) == 4 and any(c.isascii() for c in s):
        return _periods.year_num(s, lexicon())  # 二00二: CTB's 0 for 〇 in a year
    digits = lexicon()["cn_digits"]
    if not s or any(c not in digits for c in s):
        return None
    if "十" in s:
        head, _, tail = s.partition("十")
        if len(head) > 1 or len(tail) > 1 or "十" in head + tail:
            return None
        return (digits[head] if head else 1) * 10 + (digits[tail] if tail else 0)
    return int("".join(str(digits[c]) for c in s))


# --------------------------------------------------------------------------- internal record
@dataclass(slots=True)  # one per candidate: no __dict__ for the collector to walk
class _D:
    start: int
    end: int
    rule: str
    kind: str = "absolute"
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    prec: Optional[str] = None
    year_source: Optional[str] = None
    score: float = 0.9
    tod: Optional[str] = None
    clock: bool = False
    end_ymd: Optional[tuple] = None  # (y, m, d, prec)
    iso: bool = False  # printed 2024-04-26: a clock time may follow
    offset: Optional[int] = None  # days after the antecedent (当日 0, 次日 1)
    why: Optional[str] = None  # why the value is null, when a rule knows better than the default


def _iso(y: Optional[int], m: Optional[int], d: Optional[int], prec: Optional[str]) -> Optional[str]:
    """ISO value at ``prec``; None when any part needed is missing or impossible."""
    if y is None or prec is None or not _dt.MINYEAR <= y <= _dt.MAXYEAR:
        return None
    if prec == "year":
        return f"{y:04d}"
    if prec in ("quarter", "half", "week"):  # a range of days: the first (or last) day
        prec = "day"
    if m is None or not 1 <= m <= 12:
        return None
    if prec == "month":
        return f"{y:04d}-{m:02d}"
    if d is None or not 1 <= d <= _days_in(y, m):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _days_in(y: Optional[int], m: Optional[int]) -> int:
    """Days in month ``m`` (0 for an impossible month); an unknown year counts as a leap year."""
    if m is None or not 1 <= m <= 12:
        return 0
    leap = y is None or not _dt.MINYEAR <= y <= _dt.MAXYEAR or calendar.isleap(y)
    return 29 if m == 2 and leap else calendar.monthrange(2001, m)[1]


def _add_days(y: Optional[int], m: Optional[int], d: Optional[int], k: int) -> Optional[_dt.date]:
    """y-m-d plus ``k`` days; None when the date is impossible or the result leaves
    date.min..date.max (issue 9 F2, F5)."""
    try:
        return _dt.date(y, m, d) + _dt.timedelta(days=k)
    except (TypeError, ValueError, OverflowError):
        return None


def _prec(m: Optional[int], d: Optional[int]) -> str:
    return "day" if d is not None else "month" if m is not None else "year"


def _hour(mt: re.Match) -> Optional[int]:
    """The 24-hour clock hour of a ``下午6时``-style match; None when not an hour."""
    h = _num(mt["h"])
    if h is None:
        return None
    band = lexicon()["time_of_day"].get(mt["tod"] or "", "")
    if band == "pm" and h < 12 or band == "noon" and h < 11:
        h += 12
    return h if h <= 24 else None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _ref_src(ref: Optional[ReferenceDate]) -> str:
    if ref is None:
        return "none"
    return "reference:" + (ref.year_source or ref.source)


def _year_for_md(t: str, start: int, m: int, ref: Optional[ReferenceDate]) -> tuple[Optional[int], str]:
    """Year for a printed month without a year: the reference year, rolled back one year when
    the month is > 6 months after the reference month and no future cue precedes."""
    if ref is None or ref.year is None:
        return None, "none"
    src = _ref_src(ref)
    if ref.month is not None and m is not None and m - ref.month > 6:
        before = re.sub(r"\s", "", t[max(0, start - 6):start])
        if not any(before.endswith(c) for c in lexicon()["future_cues"]):
            return ref.year - 1, src + "-1"
    return ref.year, src


# --------------------------------------------------------------------------- candidates
def _candidates(t: str, ref: Optional[ReferenceDate]) -> list[_D]:
    P = _patterns()
    lx = lexicon()
    out: list[_D] = []
    ry_ref = ref.year if ref else None

    for mt in P["ymd"].finditer(t):
        y, m, d = _num(mt["y"]), _num(mt["m"]), _num(mt["d"])
        prec = _prec(m, d)
        out.append(_D(mt.start(), mt.end(), "ymd", y=y, m=m, d=d, prec=prec, score=0.95))
    for mt in P["iso"].finditer(t):
        out.append(_D(mt.start(), mt.end(), "iso", y=_num(mt["y"]), m=_num(mt["m"]), d=_num(mt["d"]),
                      prec="day", score=0.95, iso=True))
    for mt in P["rel-year"].finditer(t):
        off = lx["relative_year"][mt["ry"]]
        m, d = _num(mt["m"]), _num(mt["d"])
        y = ry_ref + off if ry_ref is not None else None
        prec = _prec(m, d)
        out.append(_D(mt.start(), mt.end(), "relative-year", kind="relative", y=y, m=m, d=d, prec=prec,
                      year_source=_ref_src(ref), score=0.85))
    for mt in P["month-range"].finditer(t):
        m1, m2 = _num(mt["m1"]), _num(mt["m2"])
        if mt["y"]:
            y, ys = _num(mt["y"]), None
        elif mt["ry"]:
            y = ry_ref + lx["relative_year"][mt["ry"]] if ry_ref is not None else None
            ys = _ref_src(ref)
        else:
            y, ys = _year_for_md(t, mt.start(), m1, ref)
        out.append(_D(mt.start(), mt.end(), "month-range", kind="range", y=y, m=m1, prec="month",
                      year_source=ys, end_ymd=(y, m2, None, "month"), score=0.85))
    for name in ("md", "md-cn"):
        for mt in P[name].finditer(t):
            m, d = _num(mt["m"]), _num(mt["d"])
            y, ys = _year_for_md(t, mt.start(), m, ref)
            out.append(_D(mt.start(), mt.end(), "month-day", y=y, m=m, d=d, prec=_prec(m, d),
                          year_source=ys, score=0.85 if d is not None else 0.75))
    for mt in P["rel-month"].finditer(t):
        d = _num(mt["d"])
        y = m = None
        if ref and ref.year is not None and ref.month is not None:
            y, m = _shift_month(ref.year, ref.month, lx["relative_month"][mt["rm"]])
        out.append(_D(mt.start(), mt.end(), "relative-month", kind="relative", y=y, m=m, d=d,
                      prec="day" if d is not None else "month", year_source=_ref_src(ref), score=0.8))
    for mt in P["rel-day"].finditer(t):
        y = m = d = None
        if ref and (day := _add_days(ref.year, ref.month, ref.day, lx["relative_day"][mt["rd"]])):
            y, m, d = day.year, day.month, day.day
        out.append(_D(mt.start(), mt.end(), "relative-day", kind="relative", y=y, m=m, d=d, prec="day",
                      year_source=_ref_src(ref), score=0.8))
    for mt in P["anaphoric-day"].finditer(t):
        out.append(_D(mt.start(), mt.end(), "anaphoric-day", kind="relative", prec="day", score=0.75,
                      offset=lx["anaphoric_day"][mt["ad"]]))
    for mt in P["day"].finditer(t):
        before = re.sub(r"\s", "", t[max(0, mt.start() - 4):mt.start()])
        after = t[mt.end():mt.end() + 2]
        if any(before.endswith(w) for w in lx["day_not_after"]):
            continue
        if any(after.startswith(w) for w in lx["day_not_before"]):
            continue
        d = _num(mt["d"])
        y = m = None
        if ref and ref.year is not None and ref.month is not None:
            y, m = ref.year, ref.month
        out.append(_D(mt.start(), mt.end(), "day-of-month", kind="relative", y=y, m=m, d=d, prec="day",
                      year_source=_ref_src(ref), score=0.7))
    for mt in P["tod-clock"].finditer(t):  # 下午6时 on its own: the day in context
        h = _hour(mt)
        if h is None:
            continue
        mi = _num(mt["mi"]) if mt["mi"] else 30 if mt["half"] else 0
        c = _D(mt.start(), mt.end(), "time-of-day", kind="relative", prec="day", score=0.7,
               offset=0)
        c.tod, c.clock = f"{h % 24:02d}:{mi:02d}", True
        out.append(c)
    for mt in P["vague"].finditer(t):
        out.append(_D(mt.start(), mt.end(), "vague", kind="vague", prec=None, score=0.6))
    out += _periods.period_candidates(t, ref, lx, _D, _ref_src)
    return out


def _select(cands: list[_D]) -> list[_D]:
    """Leftmost-longest non-overlapping selection."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_D] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


# --------------------------------------------------------------------------- extensions
def _extend(t: str, c: _D, ref: Optional[ReferenceDate], limit: int) -> None:
    """Grow a selected date over what follows it: period, range tail, 以来, time of day."""
    P = _patterns()
    if c.kind == "vague" or c.rule == "month-range":
        if c.rule == "month-range":
            _extend_since(t, c, limit)
        return
    if c.rule == "year-range":  # 2018年至2021年上半年: the end is the part's last day
        if (mp := _periods.part_after(t, c.end)) and mp.end() <= limit:
            y2 = c.end_ymd[0] if c.end_ymd else None
            _, _, end = _periods.part_bounds(y2, lexicon()["year_parts"][mp["part"]])
            c.end_ymd, c.end = (*end, "day"), mp.end()
        _extend_since(t, c, limit)
        return
    pos = c.end
    # 一季度/上半年/前三季度 after a year: a range of days at quarter/half precision
    if c.prec == "year" and c.m is None and c.kind != "range" and (mp := _periods.part_after(t, pos)) \
            and mp.end() <= limit:
        c.prec, (c.y, c.m, c.d), end = _periods.part_bounds(c.y, lexicon()["year_parts"][mp["part"]])
        c.end_ymd, c.end = (*end, "day"), mp.end()
        if _extend_since(t, c, limit):
            return
        return
    # 初/底/末/上旬…
    mt = P["x-period"].match(t, pos)
    if mt and mt.end() <= limit and c.prec in ("year", "month") and c.d is None:
        p = mt["p"]
        ok = (c.prec == "year" and lexicon()["period"][p] in ("start", "end")) or (c.prec == "month" and not mt["yy"])
        if ok and t[mt.end():mt.end() + 1] not in ("线", "部", "层", "期", "尾"):
            c.end = mt.end()
            span = lexicon()["period"][p]
            if span == "end" and c.prec == "year":  # 去年底, 2020年岁末: December, month precision
                c.m, c.prec = 12, "month"
            if "-" in span and c.prec == "month":  # 上旬/中旬/下旬: a range of days
                lo, _, hi = span.partition("-")
                c.kind = "range"
                c.prec = "day"
                c.d = int(lo)
                last = _days_in(c.y, c.m) if c.y is not None else 31
                c.end_ymd = (c.y, c.m, int(hi) if hi else last, "day")
            return
    if _extend_since(t, c, limit):
        return
    # range tail
    mc = P["x-conn"].match(t, c.end)
    if mc and c.prec in ("day", "month", "year"):
        me = P["x-end"].match(t, mc.end())
        if me and me.end() > mc.end() and me.end() <= limit and me.group(0).strip():
            ey = _num(me["y"])
            if me["ry"]:
                ey = ref.year + lexicon()["relative_year"][me["ry"]] if ref and ref.year else None
            em, ed = _num(me["m"]), _num(me["d"])
            eprec = _prec(em, ed)
            compatible = (eprec == c.prec) and (me["y"] or me["ry"] or c.prec != "year")
            if compatible and eprec == "year" and (mp := _periods.part_after(t, me.end())) and mp.end() <= limit:
                _, _, end = _periods.part_bounds(ey, lexicon()["year_parts"][mp["part"]])
                c.end, c.kind, c.end_ymd = mp.end(), "range", (*end, "day")
                _extend_since(t, c, limit)
                return
            if compatible:
                if ey is None and not me["ry"]:
                    ey = c.y
                    if ey is not None and em is not None and c.m is not None and em < c.m:
                        ey += 1  # 12月31日至1月2日: the range crosses the new year
                if em is None and eprec == "day":
                    em = c.m
                c.end = me.end()
                c.kind = "range"
                c.end_ymd = (ey, em, ed, eprec)
                _extend_since(t, c, limit)
                return
    # time of day
    if c.prec == "day" and c.kind != "range":
        mx = P["x-clock"].match(t, c.end) if c.iso else None
        if mx and mx.end() <= limit:
            c.end, c.tod, c.clock = mx.end(), f"{_num(mx['h']):02d}:{mx['mi']}", True
            return
        mt = P["x-tod"].match(t, c.end)
        if mt and mt.end() <= limit and (mt["tod"] or (mt["h"] and mt["unit"] == "时")):
            if mt["h"]:
                h = _hour(mt)
                mi = _num(mt["mi"]) if mt["mi"] else 30 if mt["half"] else 0
                if h is not None:
                    c.tod, c.clock = f"{h % 24:02d}:{mi:02d}", True
                    c.end = mt.end()
            else:
                c.tod = mt["tod"]
                c.end = mt.end("tod")


def _extend_since(t: str, c: _D, limit: int) -> bool:
    P = _patterns()
    ms = P["x-since"].match(t, c.end) or P["x-until-now"].match(t, c.end)
    if ms and ms.end() <= limit:
        c.end = ms.end()
        c.kind = "since"
        c.end_ymd = None
        return True
    return False


def _resolve_anaphor(t: str, c: _D, prev_day: Optional[_D], ref: Optional[ReferenceDate],
                     newlines: list[int]) -> None:
    """当日/次日 and a bare 下午6时: the closest preceding day in this or the previous
    paragraph (``newlines``: positions of line breaks, counted by bisection), else ``ref``."""
    day, src = None, None
    clause = re.split(r"[，。；！？\n]", t[max(0, c.start - 30):c.start])[-1]
    if any(w in clause for w in lexicon()["anaphoric_event_frame"]):
        c.why = "event day"  # 在拿到合同当天: the day of an event, not of a date
    elif (prev_day is not None and _iso(prev_day.y, prev_day.m, prev_day.d, "day")
            and bisect_left(newlines, c.start) - bisect_left(newlines, prev_day.end) <= 1):
        day, src = _add_days(prev_day.y, prev_day.m, prev_day.d, c.offset), "antecedent"
    elif ref:
        day, src = _add_days(ref.year, ref.month, ref.day, c.offset), _ref_src(ref)
    if day is not None:
        c.y, c.m, c.d, c.year_source = day.year, day.month, day.day, src
    else:
        c.year_source = "none"
        if c.why is None:
            c.why = "no reference day" if ref is not None and ref.year is not None else "no antecedent"


# --------------------------------------------------------------------------- public
def find_dates(text: str, ref: Optional[ReferenceDate]) -> list[DateValue]:
    """All date expressions in ``text``, in order, resolved against ``ref`` where needed.

    Offsets are into ``text``; ``text[d.start:d.end] == d.text`` holds for every result.
    """
    t = text.translate(_FULLWIDTH)
    chosen = _select(_candidates(t, ref))
    newlines = [mt.start() for mt in re.finditer("\n", t)]
    out: list[DateValue] = []
    prev_day: Optional[_D] = None
    prev_year: Optional[_D] = None
    covered = -1
    for c in chosen:
        if c.start < covered:  # swallowed by the previous date's extension (range tail, time)
            continue
        limit = len(t)
        if c.rule in ("anaphoric-day", "time-of-day"):
            _resolve_anaphor(t, c, prev_day, ref, newlines)
        if c.rule == "anaphoric-year":  # 当年, 次年: from the year of the closest date before
            if prev_year is not None and bisect_left(newlines, c.start) - bisect_left(newlines, prev_year.end) <= 1:
                c.y, c.year_source = prev_year.y + c.offset, "antecedent"
            else:
                c.why, c.year_source = "no antecedent", "none"
        if c.rule != "time-of-day":
            _extend(t, c, ref, limit)
        covered = c.end
        if c.prec == "day" and c.kind != "range" and c.d is not None:
            prev_day = c
        if c.y is not None and c.kind != "vague":
            prev_year = c
        value = _iso(c.y, c.m, c.d, c.prec)
        end_value = _iso(*c.end_ymd) if c.end_ymd else None
        prec = "time" if c.clock else c.prec
        rule = c.rule + ("+" + c.kind if c.kind in ("range", "since") and c.kind not in c.rule else "")
        resolved = value is not None and (c.kind != "range" or end_value is not None)
        score = c.score if resolved or c.kind == "vague" else min(c.score, 0.5)
        unresolved = None
        if value is None:
            printed = c.rule in ("ymd", "iso", "year-range") or (c.rule == "month-range" and c.year_source is None)
            unresolved = _periods.unresolved_reason(c.rule, c.kind, ref, printed, c.why)
        out.append(DateValue(
            start=c.start, end=c.end, text=text[c.start:c.end], rule=rule, score=score,
            value=value, end_value=end_value, precision=prec, kind=c.kind,
            time_of_day=c.tod, year_source=c.year_source, unresolved=unresolved,
        ))
    return out


# --------------------------------------------------------------------------- reference date
def parse_dateline(dateline: Optional[str]) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(month, day) of a dateline such as ``新华社北京12月25日电``, ``(新华社北京 12月 25 日电)``
    or ``新华社北京十二月二十五日电``; None for 据新华社 / 本报讯 / 央视网消息.

    An impossible part is None: ``2月30日`` -> (2, None); ``13月5日`` -> (None, None), a day
    meaning nothing without its month. A day is checked against the longest month (2月29日
    stands until a year is known)."""
    if not dateline:
        return None
    mt = _patterns()["dateline"].search(dateline.translate(_FULLWIDTH))
    return _checked_md(_num(mt["m"]), _num(mt["d"])) if mt else None


def _checked_md(m: Optional[int], d: Optional[int], y: Optional[int] = None) -> tuple[Optional[int], Optional[int]]:
    """(month, day) with what is impossible in year ``y`` (any year if None) set to None."""
    if m is None or not 1 <= m <= 12:
        return None, None
    return m, d if d is not None and 1 <= d <= _days_in(y, m) else None


def parse_published(published: Optional[str]) -> Optional[_dt.date]:
    """The date of a 发布时间 header or a JSONL ``published`` field (``2024-04-26 13:11:08``,
    ``2024/4/26``, ``2024年4月26日``, ISO 8601); None when unparsable."""
    if not published:
        return None
    mt = re.search(r"((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})",
                   published.translate(_FULLWIDTH))
    if not mt:
        return None
    try:
        return _dt.date(_num(mt[1]), _num(mt[2]), _num(mt[3]))
    except (TypeError, ValueError):
        return None


@dataclass
class _Years:
    plain: set[int] = field(default_factory=set)
    near_forward: set[int] = field(default_factory=set)
    full_dates: list[_dt.date] = field(default_factory=list)


@cache
def _years_re() -> re.Pattern:
    return re.compile(rf"(?<![0-9.])((?:19|20)[0-9]{{2}})(?![0-9.%])\s*(年)?|{_periods.year_pattern('cy')}\s*年")


@lru_cache(maxsize=16)  # a page is read once, not once per story on it (issue 9 F14)
def _years(text: str) -> _Years:
    """Classify the years printed in ``text``. A year is *near-forward* when any mention of it
    is cued as the coming year (定调2024年…, 2024年新年即将来临), *far-forward* (到2035年,
    2026年…将达到) or *past* (自2013年…以来) -- those are not evidence for "now"; the others
    are *plain*. Bare years glued to a name (``2024专精特新…大会``) count as mentions."""
    lx = lexicon()
    t = text.translate(_FULLWIDTH)
    res = _Years()
    flags: dict[int, set[str]] = {}
    stop = lx["year_bare_stop"]
    x_md = _patterns()["x-md"]
    for mt in _years_re().finditer(t):  # Arabic years, and Chinese ones with 年 (一九九七年, CTB)
        y = _num(mt[1]) if mt[1] else _periods.year_num(mt["cy"], lx)
        nian = bool(mt[2] or mt["cy"])
        if y is None:
            continue
        nxt = t[mt.end():mt.end() + 1]
        if not nian and (not nxt or not ("\u4e00" <= nxt <= "\u9fff") or nxt in stop):
            continue
        before = re.sub(r"\s", "", t[max(0, mt.start() - 12):mt.start()])
        after = re.sub(r"\s", "", t[mt.end():mt.end() + 16])
        clause = re.split(r"[，。；！？,;\n]", t[mt.end():mt.end() + 40])[0]
        f = flags.setdefault(y, set())
        if any(before.endswith(w) for w in lx["near_forward_before"]) or any(
                w in after[:10] for w in lx["near_forward_after"]):
            f.add("near")
        elif any(before.endswith(w) for w in lx["far_forward_before"]) or any(
                w in after[:8] for w in lx["far_forward_after"]):
            f.add("far")
        elif any(before.endswith(w) for w in lx["past_before"]) or any(
                w in clause for w in lx["past_after_clause"]):
            f.add("past")
        else:
            f.add("plain")
        md = x_md.match(t, mt.end()) if nian else None  # at a position: no copy of the rest of t
        if md and (day := _add_days(y, _num(md["m"]), _num(md["d"]), 0)):
            res.full_dates.append(day)
    for y, f in flags.items():
        if "near" in f:
            res.near_forward.add(y)
        elif f == {"plain"} or ("plain" in f and not f & {"far"}):
            res.plain.add(y)
    return res


def _infer_year(md: Optional[tuple[int, int]], story: str, page: Optional[str]) -> tuple[Optional[int], str]:
    """Year for a story whose dateline gives ``md`` = (month, day), or None. See
    :func:`reference_date` for the order of evidence."""
    sy = _years(story)
    py = _years(page) if page else _Years()
    if md:
        for yrs, src in ((sy, "printed-date"), (py, "page-printed-date")):
            for d in yrs.full_dates:
                if (d.month, d.day) == md:
                    return d.year, src

    def near(dates: list[_dt.date]) -> Optional[int]:
        if not md or md[1] is None:
            return None
        best = None
        for d in dates:
            try:
                target = _dt.date(d.year, *md)
            except ValueError:
                continue
            if 0 <= (target - d).days <= 62:
                best = max(best or 0, d.year)
        return best

    if (y := near(sy.full_dates)) is not None:
        return y, "story-date"
    if sy.plain:
        return max(sy.plain), "story-year"
    if (y := near(py.full_dates)) is not None:
        return y, "page-date"
    if md and sy.near_forward:
        return min(sy.near_forward) - (1 if md[0] >= 10 else 0), "story-forward-year"
    if py.plain:
        return max(py.plain), "page-year"
    if md and py.near_forward:
        return min(py.near_forward) - (1 if md[0] >= 10 else 0), "page-forward-year"
    return None, "none"


@lru_cache(maxsize=16)  # once per page, not once per story (issue 9 F14)
def _page_dateline(page: Optional[str]) -> Optional[tuple[int, int]]:
    """The most common complete, possible dateline date on the page (Chinese numerals too)."""
    if not page:
        return None
    found = Counter(md for mt in _patterns()["dateline"].finditer(page.translate(_FULLWIDTH))
                    if None not in (md := _checked_md(_num(mt["m"]), _num(mt["d"]))))
    return found.most_common(1)[0][0] if found else None


def reference_date(dateline: Optional[str], published: Optional[str], story_text: str,
                   page_text: Optional[str] = None, option: Optional[_dt.date] = None) -> ReferenceDate:
    """The reference date of a story.

    1. ``option`` (``--reference-date``) is the fallback for what the story and its page do
       not give: the whole date when they give none (source/year_source ``option``), or the
       year of a dateline whose year nothing printed gives (year_source ``option``, one year
       back when the dateline month is later than the option's month, as with ``published``).
    2. Month/day come from the dateline (``新华社北京12月25日电``; when ``dateline`` is None a
       dateline at the start of the story, or a bracketed one at its end, is used).
    3. With a dateline and ``published``: the publication year, minus one when the dateline
       month is later than the publication month (``dateline+published``). Without a
       dateline, ``published`` itself is the reference (source ``published``).
    4. Otherwise the year is inferred, first match wins (``year_source``): a printed
       ``Y年M月D日`` equal to the dateline day in the story (``printed-date``) or on the page
       (``page-printed-date``); a printed full date in the story within 62 days before the
       dateline (``story-date``); the latest *plain* year printed in the story
       (``story-year``; years cued as coming, far future or past are skipped, see
       :func:`_years`); a full date on the page within 62 days before the dateline
       (``page-date``); a year the story treats as the coming one (定调/做好/即将来临…) --
       minus one in a story dated October-December (``story-forward-year``); the latest plain
       year on the page (``page-year``); the page's coming year likewise
       (``page-forward-year``); else year None (``none``).
    5. A story without a dated dateline but with ``Y年M月D日`` in its first 40 characters
       (``本报讯 2024年3月20日，…``) takes that date (source ``lead-date``). Otherwise the year
       is inferred as in 4 (source ``text-year``), and month/day are borrowed from the page's
       most common dateline when the page's year agrees (source ``page-dateline``).
    6. An impossible dateline date keeps what is possible (issue 9 F2, F13): ``2月30日`` gives
       month 2 and no day; ``13月5日`` gives neither, and the story then borrows no other
       day from its page. Relative expressions needing the lost part stay unresolved.
    """
    ref = _printed_reference(dateline, published, story_text, page_text)
    if option is None or ref.year is not None:
        return ref
    if ref.month is None:
        return ReferenceDate(year=option.year, month=option.month, day=option.day,
                             source="option", year_source="option")
    year = option.year - (1 if ref.month > option.month else 0)
    return ref.model_copy(update={"year": year, "day": _checked_md(ref.month, ref.day, year)[1],
                                  "year_source": "option"})


def _printed_reference(dateline: Optional[str], published: Optional[str], story_text: str,
                       page_text: Optional[str]) -> ReferenceDate:
    """The reference date from what the story and its page print (steps 2-6 above)."""
    md = parse_dateline(dateline)
    if md is None and dateline is None and story_text:
        lead = parse_dateline(story_text[:60])
        tail = re.search(r"[（(][^（）()]{0,24}日\s*电[）)]\s*$", story_text.strip())
        md = lead or (parse_dateline(tail.group(0)) if tail else None)
    month, day = md or (None, None)
    pub = parse_published(published)
    if month is not None:
        if pub:
            year, ys = pub.year - (1 if month > pub.month else 0), "dateline+published"
        else:
            year, ys = _infer_year((month, day), story_text, page_text)
        return ReferenceDate(year=year, month=month, day=_checked_md(month, day, year)[1],
                             source="dateline", year_source=ys)
    if pub:
        return ReferenceDate(year=pub.year, month=pub.month, day=pub.day, source="published",
                             year_source="published")
    lead = _years(story_text[:40]).full_dates
    if lead:
        d = lead[0]
        return ReferenceDate(year=d.year, month=d.month, day=d.day, source="lead-date",
                             year_source="printed-date")
    year, ys = _infer_year(None, story_text, page_text)
    pmd = _page_dateline(page_text) if md is None else None
    if pmd:
        pyear, pys = _infer_year(pmd, page_text or "", None)
        if pyear is not None and (year is None or year == pyear):
            return ReferenceDate(year=pyear, month=pmd[0], day=pmd[1], source="page-dateline",
                                 year_source=ys if year is not None else "page-dateline:" + pys)
    if year is not None:
        return ReferenceDate(year=year, source="text-year", year_source=ys)
    return ReferenceDate(source="none", year_source="none")


# --------------------------------------------------------------------------- spaCy

for _ext in ("dates", "reference_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class DatesComponent:
    """spaCy component: ``doc._.dates = find_dates(doc_text(doc), doc._.reference_date)``."""

    def __init__(self, nlp: Language, name: str = "dates") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc_text(doc), doc._.reference_date)
        return doc


@Language.factory("dates", default_config={})
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
