"""Shared pieces of the date extractor: the lexicon, its patterns, numbers, the candidate
record and calendar arithmetic (see :mod:`extract.facts.dates` for the conventions)."""
from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Optional

from schemas import ReferenceDate

from . import periods as _periods

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


_alt = _periods._alt   # one alternation builder for every date pattern (longest words first)


@cache
def _patterns() -> dict[str, re.Pattern]:
    """Every date pattern by name: the candidates found with ``finditer`` (:func:`_date_patterns`),
    then the extensions matched at a position and the dateline (:func:`_extension_patterns`)."""
    lx = lexicon()
    return {**_date_patterns(lx), **_extension_patterns(lx)}


def _date_patterns(lx: dict) -> dict[str, re.Pattern]:
    """The patterns a date candidate starts with."""
    rel_y = _alt(lx["relative_year"])
    conn = _alt(lx["range_connectors"])
    year = rf"{_periods.year_pattern('y')}{SP}年"
    # a day printed without 日 when a range's end follows (7月14-17日, 七月十四至十七日)
    range_follows = rf"(?={SP}(?:{conn}){SP}(?:[0-9]+|{_CN_1_99}){SP}日)"
    day_end = rf"(?:[日号]|{range_follows})"
    range_day_end = rf"(?:日|{range_follows})"   # a bare day: 号 alone is a number (3号线)
    md_tail = rf"(?:{SP}{_MONTH}{SP}月(?:{SP}{_DAY}{SP}{day_end})?)?"
    de = r"(?:的(?=[0-9〇一二三四五六七八九十]{1,3}月))?"   # a year and 的 before its month: one date
    return {
        "ymd": re.compile(rf"{year}{de}{md_tail}"),   # 2011年的6月7日
        "rel-year": re.compile(rf"(?P<ry>{rel_y}){de}{md_tail}"),   # 明年的3月2日
        "latin-year": re.compile(r"(?<=[A-Za-z])(?P<y>199[0-9]|20[0-2][0-9]|2030)(?![0-9年./%万亿元人个次件台号])"),
        # 2009ief国际数字娱乐嘉年华, 莫斯科2009航展, “2001中国体育健身游”: a year glued to a name
        # (not before a unit or another year_bare_stop word, nor a range's 至/到: 2000人, 2010亿, 2000至2500公里)
        "name-year": re.compile(rf"(?<![0-9A-Za-z.．])(?P<y>199[0-9]|20[0-2][0-9]|2030)"
                               rf"(?=[A-Za-z]|(?![{re.escape(lx['year_bare_stop'])}至到])[\u4e00-\u9fff])"),
        "iso": re.compile(  # numeric forms must be well formed: 2024-13-05 is a code, not a date
            _periods.NUM_START + r"(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
            r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        ),
        "month-range": re.compile(  # no leading optional blank: a run of blanks is not rescanned
            rf"(?:(?:{_periods.year_pattern('y')}{SP}年|(?P<ry>{rel_y})){SP})?(?<![0-9.{_CN_NUM}])"
            rf"(?P<m1>{_M_DIGITS}|{_CN_1_99}){SP}(?:{conn}){SP}(?P<m2>{_M_DIGITS}|{_CN_1_99}){SP}月"
        ),
        "md": re.compile(rf"(?<![0-9.])(?P<m>{_M_DIGITS}){SP}月(?:{SP}{_DAY}{SP}{day_end})?"),
        # 比热拉２．５月１９日，美国总统宣布: a list number, then a month and a day (2.5月 is no month)
        "md-listed": re.compile(rf"(?:(?<=[^0-9.][0-9]\.)|(?<=[^0-9.][0-9]{{2}}\.))(?P<m>{_M_DIGITS}){SP}月{SP}{_DAY}{SP}[日号]"),
        # 十二月八日; a month alone only with 份 (十月份) or a part of the month (六月底, 七月中旬):
        # 十月 alone may be a name (十月革命)
        "md-cn": re.compile(rf"(?<![{_CN_NUM}])(?P<m>{_CN_1_99})月(?:{_DAY}{day_end}|(?=份|{_alt(lx['period'])})(?!初[{_CN_NUM}]))"),
        # 预定四月上市, 将于三月举行: a Chinese month alone after 于/在/定/计 (not 十月革命)
        "md-cn-bare": re.compile(rf"(?<=[于在定计])(?P<m>{_CN_1_99})月(?P<d>(?!)x)?(?!份|初|中旬|上旬|下旬|底|末|[{_CN_NUM}])"),
        # 五月，…会议曾在攀枝花召开: a Chinese month alone opening a sentence or clause, set off by a comma
        "md-cn-lead": re.compile(r"(?<![^\n，。；！？：])(?P<m>十[一二]?|[一二三四五六七八九])月(?P<d>(?!)x)?(?=[，,])"),
        "rel-month": re.compile(rf"(?P<rm>{_alt(lx['relative_month'])})(?:{SP}{_DAY}{SP}[日号])?"),
        # 发展的今天 is the present age; 三个半月后的今天 (a span counted to it) stays a day
        "rel-day": re.compile(rf"(?<![^前后]的)(?P<rd>{_alt(lx['relative_day'])})(?!的(?:{_alt(lx['present_nouns'])}))"),
        "anaphoric-day": re.compile(rf"(?P<ad>{_alt(lx['anaphoric_day'])})"),
        # a bare day, or the start of a range of days printed without 日 (19—22日, 十九至二十二日)
        "day": re.compile(rf"(?<![0-9.月号])(?P<d>3[01]|[12][0-9]|0?[1-9]){SP}{range_day_end}"
                          rf"|(?<![{_CN_NUM}月号第初])(?P<dc>[二三]?十[一二三四五六七八九]?){range_day_end}"
                          rf"|(?<![{_CN_NUM}月号第初几每数某这那同半前后当昨今明单双逐])(?P<d1>[一二三四五六七八九])日"
                          rf"(?=(?:{_alt(lx['one_digit_day_before'])}))"),
        "vague": re.compile(rf"(?:{_alt(lx['vague'])})"),
        # the end of a range of days before a bare day (连续3-5日: 5日 ends a range whose start was no date)
        "range-end-before": re.compile(rf"[0-9一二三四五六七八九十](?:{conn})$"),
    }


def _extension_patterns(lx: dict) -> dict[str, re.Pattern]:
    """Extensions, matched at a position with .match(), and the dateline (reference evidence)."""
    rel_y = _alt(lx["relative_year"])
    conn = _alt(lx["range_connectors"])
    tod = _alt(lx["time_of_day"])
    return {
        "x-period": re.compile(rf"{SP}(?P<yy>年)?(?P<p>{_alt(lx['period'])})"),
        "x-since": re.compile(rf"{SP}(?P<s>{_alt(lx['since'])})"),
        "x-until-now": re.compile(rf"{SP}(?:{_alt(lx['until_now'])})(?![年天日晚早])"),  # not 至今年七月底
        "x-conn": re.compile(rf"{SP}(?:{conn}){SP}"),
        "x-end": re.compile(
            rf"(?:{_periods.year_pattern('y')}{SP}年|(?P<ry>{rel_y}))?{SP}"
            rf"(?:(?P<m>{_M_DIGITS}|{_CN_1_99}){SP}月)?{SP}(?:(?P<d>[0-9]+|{_CN_1_99}){SP}日)?"
        ),
        # a part of day after a day (3日晚); not 晚 opening a word (春节晚会, 北京晚报, 晚辈, 晚些时候)
        "x-tod": re.compile(
            rf"{SP}(?:(?P<tod>{tod})(?![会报辈些]))?{SP}(?:(?P<h>[01]?[0-9]|2[0-4]|零|[一二三四五六七八九十]{{1,3}}){SP}"
            rf"(?P<unit>[时点])(?:{SP}(?P<mi>[0-5]?[0-9]){SP}分|(?P<half>半))?)?(?:许|左右)?"
        ),
        "tod-clock": re.compile(
            rf"(?P<tod>{tod}){SP}(?P<h>[01]?[0-9]|2[0-4]|零|[一二三四五六七八九十]{{1,3}}){SP}(?P<unit>[时点])"
            rf"(?:{SP}(?P<mi>[0-5]?[0-9]){SP}分|(?P<half>半))?(?:许|左右)?"
        ),
        # a clock time with its minutes opening a clause (7时36分，火炬…; not 2时10分30秒, a race time)
        "bare-clock": re.compile(
            rf"(?:(?<=[，,。；;：:！？\n])|^)(?P<tod>(?!)x)?(?P<h>[01]?[0-9]|2[0-4]|[一二三四五六七八九十]{{1,3}}){SP}(?P<unit>时)"
            rf"{SP}(?P<mi>[0-5]?[0-9]){SP}分(?:许|左右)?(?=[，,])"
        ),
        # a part of the day opening a clause on its own (…来到华盛顿，下午，他即宣布): the day before it
        "tod-alone": re.compile(rf"(?:(?<=[，,。；;：:！？\n])|^)(?P<tod>{_alt([w for w in lx['time_of_day'] if len(w) > 1])})(?=[，,])"),
        "x-clock": re.compile(rf"{SP}(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::[0-5][0-9])?"),
        "dateline": re.compile(
            rf"(?:(?P<y>{_periods.NUM_START}(?:19|20)[0-9]{{2}}){SP}年{SP})?{_MONTH}{SP}月{SP}"
            rf"{_DAY}{SP}日{SP}(?:{_alt(lx['source_markers'])})"
        ),
        # a web outlet's lead: 新浪财经讯2月21日上午消息 (no year is printed; y never matches)
        "web-dateline": re.compile(
            rf"讯{SP}(?P<y>(?!)x)?{_MONTH}{SP}月{SP}{_DAY}{SP}日{SP}(?:上午|下午|晚间|早间|凌晨)?{SP}消息"),
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
