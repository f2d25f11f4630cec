"""Parts of years, year ends, weekdays, year ranges and unresolved reasons (issue 15).

Helpers for :mod:`extract.facts.dates`, kept apart so that module stays readable. The words
come from ``extract/data/date_lexicon.json`` (``year_parts``, ``year_end_words``, ``weekdays``,
``week_words``, ``week_offsets``, ``anaphoric_year``).

Conventions (documented choices):

* A quarter or a half is a range of days: ``value`` is its first day, ``end_value`` its last,
  ``precision`` ``quarter`` or ``half`` (``2021年前三季度`` -> 2021-01-01 … 2021-09-30,
  precision ``quarter``; ``上半年`` alone is the reference year's). ``kind`` says where its
  year came from (``absolute`` printed, ``relative`` from the reference), ``since`` with 以来.
* 年底/年末/岁末 are December at month precision (``去年底`` -> ``2023-12``, ``2020年岁末`` ->
  ``2020-12``); 月底/月末 keep their month (``3月底`` -> ``2024-03``); a printed day keeps day
  precision (``12月31日``).
* A weekday (周五, 星期五, 礼拜天) is the day of that name in the reference week, weeks starting
  on Monday as in Chinese usage; 上周五/下周五 move a week. 上周/本周/下周 alone are the week:
  ``value`` its Monday, ``end_value`` its Sunday, precision ``week``. 每周五 recurs: no date.
* A year range ``2014至2016年`` has ``value`` 2014 and ``end_value`` 2016 at year precision; an
  end that is a part of a year (``2018年至2021年上半年``) ends on that part's last day
  (``end_value`` 2021-06-30) while ``value`` keeps the start's precision (``2018``).
* A date whose value is null says why in ``unresolved`` (:func:`unresolved_reason`).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import cache
from typing import Callable, Optional

__all__ = ["NUM_START", "mask_list_markers", "year_pattern", "part_bounds", "part_after", "period_candidates", "unresolved_reason", "year_num", "NEEDS"]

SP = r"[ \t\u3000]*"
_CN_YEAR_DIGITS = "〇○零Ｏ一二三四五六七八九"
NUM_START = r"(?<![0-9.])"   # no digit or decimal point before a number
# A list item's marker glued to a year at a line's start (５.１９９６年向社会发行的…: item 5, then the year
# 1996, not the decimal 5.1996): blanked before the patterns run (:func:`mask_list_markers`)
_LIST_MARKER = re.compile(r"(?:^|(?<=\n))[0-9]{1,2}[.．](?=(?:1[89]|20)[0-9]{2})")


def mask_list_markers(t: str) -> str:
    """``t`` with each list item's marker before a year turned into blanks (same length, same offsets)."""
    return _LIST_MARKER.sub(lambda m: " " * len(m.group()), t) if "." in t or "．" in t else t
_ZERO_LETTER = "O"   # 一九九Ｏ年 after width folding: a Latin O typeset for 〇, only beside a Chinese digit


def year_pattern(name: str = "y") -> str:
    """A printed year: 1800-2099 in Arabic digits, or four Chinese digits, where CTB's ASCII
    0 may stand for 〇 (二00二 after full-width digits are made ASCII)."""
    return (rf"(?P<{name}>{NUM_START}(?:1[89]|20)[0-9]{{2}}"
            rf"|(?<![0-9{_CN_YEAR_DIGITS}{_ZERO_LETTER}十])(?=[0-9{_ZERO_LETTER}]{{0,3}}[{_CN_YEAR_DIGITS}])"
            rf"[0-9{_CN_YEAR_DIGITS}{_ZERO_LETTER}]{{4}})")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pats() -> dict[str, re.Pattern]:
    from ._base import _CN_1_99, _MNUM, lexicon  # loaded on first use, like the rest of the date data

    lx = lexicon()
    parts = _alt(lx["year_parts"])
    conn = _alt(lx["range_connectors"])
    week = _alt(lx["week_words"])
    days = "".join(lx["weekdays"])
    offs = _alt(lx["week_offsets"])
    nouns = _alt(lx["year_nouns"])
    return {
        "x-part": re.compile(rf"{SP}(?P<part>{_alt({**lx['year_parts'], **lx['year_parts_after_year']})})"),
        "part": re.compile(rf"(?P<part>{parts})"),
        "year-end": re.compile(rf"(?<![0-9〇○零一二三四五六七八九十年月今去明前上本当同])(?P<ye>{_alt(lx['year_end_words'])})"),
        "weekday": re.compile(rf"(?<![每逢0-9一二三四五六七八九十个])(?P<off>{offs})?(?:{week})(?P<wd>[{days}])(?![年刊末]|报(?![道导]))"),   # 周四报道 is a day, 周五报 a paper
        "weekday-range": re.compile(rf"(?<![0-9一二三四五六七八九十个])(?P<off>{offs})?(?:{week})(?P<wd>[{days}])"
                                    rf"{SP}(?:{conn}){SP}(?:(?P<off2>{offs})?(?:{week}))?(?P<wd2>[{days}])(?![年刊报末])"),
        "week": re.compile(rf"(?P<off>{offs})(?:{week})(?![{days}年刊报末])"),
        "weekend": re.compile(rf"(?P<off>{offs})(?:{week})末"),
        "year-range": re.compile(
            rf"{year_pattern('y1')}(?:{SP}年)?{SP}(?:{conn}){SP}{year_pattern('y2')}"
            rf"{SP}(?:年(?!{SP}(?:{_MNUM}){SP}月)|{nouns})"),   # 1997—1998财年, 1997至1998生产年度
        # 1995—1996“百千万人才工程”: two Arabic years a dash joins, the second later by ten at most
        "year-range-dash": re.compile(
            rf"{NUM_START}(?P<y1>(?:19|20)[0-9]{{2}})[—－-](?P<y2>(?:19|20)[0-9]{{2}})(?![0-9年月日号./％%万亿元])"),
        # 1989财政年度: a year before a fiscal or crop year's noun, no 年 printed
        "year-noun": re.compile(rf"{NUM_START}(?P<y>(?:19|20)[0-9]{{2}})(?:{nouns})"),
        # 2004-08年: the end's century is the start's (2004..2008; 1998-02年 runs into the next)
        "year-range-short": re.compile(
            rf"{NUM_START}(?P<y1>(?:1[89]|20)[0-9]{{2}}){SP}[-－—~～至到]{SP}(?P<yy>[0-9]{{2}}){SP}年(?!{SP}(?:{_MNUM}){SP}月)"),
        "anaphoric-year": re.compile(  # not 本次年会, 一次年检; 同年十一月, 当年3月5日 carry their month/day
            rf"(?<![本这此每该首多几一二两三四五六七八九十上下的])(?P<ay>{_alt(lx['anaphoric_year'])})"
            rf"(?:{SP}(?P<am>{_MNUM}){SP}月(?:{SP}(?P<ad>[0-9]{{1,2}}|{_CN_1_99}){SP}[日号])?)?"
            rf"(?![0-9０-９一二三四五六七八九十会检薪])"),
    }


def part_after(t: str, pos: int) -> Optional[re.Match]:
    """A part of the year (上半年, 前三季度) right at ``pos``."""
    return _pats()["x-part"].match(t, pos)


def part_entry(part: str):
    """The ``year_parts`` (or, after a year, ``year_parts_after_year``) entry of ``part``."""
    from ._base import lexicon
    lx = lexicon()
    return lx["year_parts"].get(part) or lx["year_parts_after_year"][part]


def part_bounds(y: Optional[int], entry) -> tuple[str, tuple, tuple]:
    """(precision, (y, m1, 1), (y, m2, last day)) of a ``year_parts`` entry in year ``y``."""
    prec, m1, m2 = entry
    last = calendar.monthrange(y, m2)[1] if y is not None and _dt.MINYEAR <= y <= _dt.MAXYEAR else 31
    return prec, (y, m1, 1), (y, m2, last)


def _week_monday(ref, off: int) -> Optional[_dt.date]:
    try:
        day = _dt.date(ref.year, ref.month, ref.day)
        return day - _dt.timedelta(days=day.isoweekday() - 1) + _dt.timedelta(weeks=off)
    except (TypeError, ValueError, OverflowError, AttributeError):
        return None


def period_candidates(t: str, ref, lx: dict, make: Callable, ref_src: Callable) -> list:
    """The issue 15 candidates of ``t``: parts of the year standing alone (上半年), year ends
    standing alone (年底), weekdays and weeks, year ranges and 当年-style anaphoric years.
    ``make`` builds the caller's candidate record; ``ref_src`` names the reference's source."""
    from ._base import _num   # _base imports this module: read at call time
    P = _pats()
    out = []
    ry = ref.year if ref is not None else None
    for mt in P["part"].finditer(t):
        prec, (y, m, d), end = part_bounds(ry, lx["year_parts"][mt["part"]])
        out.append(make(mt.start(), mt.end(), "year-part", kind="relative", y=y, m=m, d=d, prec=prec,
                        end_ymd=(*end, "day"), year_source=ref_src(ref), score=0.8))
    for mt in P["year-end"].finditer(t):
        unit = lx["year_end_words"][mt["ye"]]
        m = 12 if unit == "year" else (ref.month if ref is not None else None)
        y, src = ry, ref_src(ref)
        if ry is not None and ref.month == 1 and mt["ye"] in lx["year_turn_words"]:
            y, src = ry - 1, src + "-1"   # 岁末来临 in a January story: the December just past
        out.append(make(mt.start(), mt.end(), "year-end", kind="relative", y=y, m=m, prec="month",
                        year_source=src, score=0.75))
    out += _weeks(t, ref, lx, make, ref_src, P)
    for mt in P["year-range"].finditer(t):
        out.append(make(mt.start(), mt.end(), "year-range", kind="range", y=year_num(mt["y1"], lx), prec="year",
                        end_ymd=(year_num(mt["y2"], lx), None, None, "year"), score=0.9))
    for mt in P["year-range-dash"].finditer(t):
        y1, y2 = int(mt["y1"]), int(mt["y2"])
        if y1 < y2 <= y1 + 10:
            out.append(make(mt.start(), mt.end(), "year-range", kind="range", y=y1, prec="year",
                            end_ymd=(y2, None, None, "year"), score=0.8))
    for mt in P["year-noun"].finditer(t):
        out.append(make(mt.start(), mt.end(), "year-noun", y=int(mt["y"]), prec="year", score=0.85))
    for mt in P["year-range-short"].finditer(t):
        y1 = int(mt["y1"])
        y2 = y1 // 100 * 100 + int(mt["yy"])
        out.append(make(mt.start(), mt.end(), "year-range", kind="range", y=y1, prec="year",
                        end_ymd=(y2 + 100 if y2 <= y1 else y2, None, None, "year"), score=0.85))
    for mt in P["anaphoric-year"].finditer(t):
        m, d = _num(mt["am"]), _num(mt["ad"])
        out.append(make(mt.start(), mt.end(), "anaphoric-year", kind="relative", m=m, d=d,
                        prec="day" if d else "month" if m else "year", score=0.7,
                        offset=lx["anaphoric_year"][mt["ay"]]))
    return out


def _weeks(t: str, ref, lx: dict, make: Callable, ref_src: Callable, P: dict) -> list:
    """Weekdays (周五, 上星期三) in the reference week or the one it names, ranges of them (本周三至周五:
    Wednesday to Friday of that week; 周五至下周一 across two), weeks (上周, 本周) and weekends (本周末:
    its Saturday to Sunday)."""
    out, ranges = [], []
    for mt in P["weekday-range"].finditer(t):   # 本周三至周五, 周一到周五: a range of days in one week
        if t[mt.start() - 1:mt.start()] in ("每", "逢") and mt.start():
            ranges.append((mt.start(), mt.end()))
            continue   # 每周一至周五: every week, no date (nor is its 周五 one)
        off = lx["week_offsets"].get(mt["off"] or "", 0)
        first, last = _week_monday(ref, off), _week_monday(ref, lx["week_offsets"].get(mt["off2"] or "", off))
        if first is None or last is None:
            continue
        first += _dt.timedelta(days=lx["weekdays"][mt["wd"]] - 1)
        last += _dt.timedelta(days=lx["weekdays"][mt["wd2"]] - 1)
        if first < last:
            ranges.append((mt.start(), mt.end()))
            out.append(make(mt.start(), mt.end(), "weekday", kind="range", y=first.year, m=first.month, d=first.day,
                            prec="day", end_ymd=(last.year, last.month, last.day, "day"), year_source=ref_src(ref),
                            score=0.75))
    for mt in P["weekday"].finditer(t):
        if any(a <= mt.start() < b for a, b in ranges):
            continue   # a day of a range read whole
        after = t[mt.end():mt.end() + 3]
        opens = mt.start() == 0 or not ("\u4e00" <= t[mt.start() - 1] <= "\u9fff")
        if not mt["off"] and opens and any(after.startswith(w) for w in lx["weekday_not_before"]) or \
                after[:1] not in lx["not_given_names"] and any(after[1:].startswith(w) for w in lx["honorifics"]):
            continue  # 周五说 opening a clause, 周一飞先生: a person (not 官员周三表示, 上周五表示: a day)
        if re.search(r"[日号]\s*是$", t[max(0, mt.start() - 3):mt.start()]):
            continue  # 12月5日是星期二: the weekday of a date already given, no date of its own
        off = lx["week_offsets"].get(mt["off"] or "", 0)
        monday = _week_monday(ref, off)
        day = monday + _dt.timedelta(days=lx["weekdays"][mt["wd"]] - 1) if monday else None
        out.append(make(mt.start(), mt.end(), "weekday", kind="relative", y=day and day.year,
                        m=day and day.month, d=day and day.day, prec="day", year_source=ref_src(ref), score=0.75))
    for mt in P["week"].finditer(t):
        monday = _week_monday(ref, lx["week_offsets"][mt["off"]])
        sunday = monday + _dt.timedelta(days=6) if monday else None
        out.append(make(mt.start(), mt.end(), "week", kind="relative", y=monday and monday.year,
                        m=monday and monday.month, d=monday and monday.day, prec="week",
                        end_ymd=(sunday and sunday.year, sunday and sunday.month, sunday and sunday.day, "day"),
                        year_source=ref_src(ref), score=0.7))
    for mt in P["weekend"].finditer(t):   # 本周末, 上周末: Saturday and Sunday of that week
        monday = _week_monday(ref, lx["week_offsets"][mt["off"]])
        sat, sun = (monday + _dt.timedelta(days=5), monday + _dt.timedelta(days=6)) if monday else (None, None)
        out.append(make(mt.start(), mt.end(), "weekend", kind="relative", y=sat and sat.year, m=sat and sat.month,
                        d=sat and sat.day, prec="day", end_ymd=(sun and sun.year, sun and sun.month, sun and sun.day, "day"),
                        year_source=ref_src(ref), score=0.7))
    return out


def year_num(s: Optional[str], lx: dict) -> Optional[int]:
    """A printed year's number: Arabic, Chinese digit by digit, or both mixed (二00二)."""
    if not s:
        return None
    digits = lx["cn_digits"]
    out = 0
    for ch in s:
        if ch.isascii() and ch.isdigit():
            out = out * 10 + int(ch)
        elif ch in digits and digits[ch] < 10:
            out = out * 10 + digits[ch]
        else:
            return None
    return out


#: What a candidate needs from the reference date when nothing printed gives it.
NEEDS = {
    "relative-year": "year", "month-range": "year", "month-day": "year", "year-part": "year",
    "year-end": "year", "relative-month": "month", "day-of-month": "month",
    "relative-day": "day", "weekday": "day", "week": "day", "weekend": "day",
    "named-day": "year", "years-from-reference": "year",
}


def unresolved_reason(rule: str, kind: str, ref, printed_year: bool, why: Optional[str]) -> str:
    """Why a date's value is null: ``vague``, ``no reference date``, ``no reference year``
    (``…month``, ``…day``), ``no antecedent`` (当日, 当年 with nothing before), ``event day``
    (在拿到合同当天), ``no calendar`` (春节 in a year the lunar table lacks), ``impossible date`` (2月30日, 13月) or ``out of range``."""
    if why:
        return why
    if kind == "vague":
        return "vague"
    base = rule.split("+", 1)[0]
    need = None if printed_year else NEEDS.get(base)
    if need:
        if ref is None or getattr(ref, "source", None) == "none" and ref.year is None:
            return "no reference date"
        if ref.year is None:
            return "no reference year"
        if need in ("month", "day") and ref.month is None:
            return "no reference month"
        if need == "day" and ref.day is None:
            return "no reference day"
    return "impossible date"
