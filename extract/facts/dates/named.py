"""Named days (元旦, 春节, 国庆节 …) and years counted from the reference (10年前, 5年后).

The words come from ``extract/data/date_lexicon.json`` (``named_days``, ``lunar_new_year``,
``years_from_reference``).

Conventions (documented choices):

* A named day is a day: 元旦 is 1 January, 国庆节 1 October; 春节 is the lunar new year's day
  and 除夕 the day before it, read from the ``lunar_new_year`` table; 中秋节, 端午节, 元宵节, 七夕,
  重阳节 and 清明节 are read from the ``festival_days`` table (a year outside a table leaves the
  value null, ``unresolved`` "no calendar"). The short names of fixed holidays (``short_holidays``:
  五一, 六一, 十一 …) are days only before ``short_holiday_after`` (六一前夕, “十一”期间): alone,
  五一 is a number or a name (五一广场). Its year is the one printed or given
  relatively before it (``2001年的元旦``, ``明年春节``, ``一九九九年元旦``); with none, the
  occurrence nearest the reference date (元旦 in a story of 30 December is the coming one; in a
  story of 3 January the one just past), or the reference year when it has no month.
* ``N年前`` / ``N年后`` move the reference year by N (precision year), and a month and day after
  them (``10年前的1月4日``) are in that year. Not when the count is vague (多年前, 十多年前).
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from typing import Callable, Optional

from . import periods as _periods
from ._base import SP, _CN_1_99, _DAY, _M_DIGITS, _alt, _num, _prec, lexicon

__all__ = ["named_candidates", "named_day"]


@cache
def _pats() -> dict[str, re.Pattern]:
    lx = lexicon()
    rel_y = _alt(lx["relative_year"])
    return {
        "named": re.compile(
            rf"(?:{_periods.year_pattern('y')}{SP}年(?:的)?|(?P<ry>{rel_y})(?:的)?“?)?(?:(?P<nd>{_alt(lx['named_days'])})"
            rf"|(?P<sh>(?<![0-9〇○零一二两三四五六七八九十百千第])(?:{_alt(lx['short_holidays'])}))(?=”?(?:{_alt(lx['short_holiday_after'])})))"),
        # a date with its year right before a bracket: a named day inside restates it (2023年1月22日（大年初一）)
        "restated": re.compile(rf"{_periods.year_pattern('y')}{SP}年{SP}(?P<m>{_M_DIGITS}|{_CN_1_99}){SP}月{SP}{_DAY}{SP}[日号]{SP}[（(]$"),
        "years-from": re.compile(
            rf"(?<![0-9.多几数近约〇○零一二两三四五六七八九十])(?P<n>[0-9]{{1,3}}|{_CN_1_99}|两)年(?P<dir>{_alt(lx['years_from_reference'])})"
            rf"(?![0-9夕])(?:(?:的)?{SP}(?P<m>{_M_DIGITS}|{_CN_1_99}){SP}月(?:{SP}{_DAY}{SP}[日号])?)?"),
    }


def named_day(name: str, year: Optional[int]) -> Optional[_dt.date]:
    """The date of the named day ``name`` in ``year``; None when unknown (a lunar day outside
    the table, no year)."""
    lx = lexicon()
    entry = lx["named_days"].get(name) or lx["short_holidays"].get(name)
    if entry is None or year is None:
        return None
    try:
        if entry[0] in ("festival", "lunar"):   # 中秋节 (festival_days), 春节 ± days (lunar_new_year)
            table = lx["festival_days"][entry[1]] if entry[0] == "festival" else lx["lunar_new_year"]
            md = table.get(str(year))
            if md is None:
                return None
            day = _dt.date(year, *(int(x) for x in md.split("-")))
            return day if entry[0] == "festival" else day + _dt.timedelta(days=entry[1])
        return _dt.date(year, entry[0], entry[1])
    except (ValueError, OverflowError):
        return None


def _nearest(name: str, ref) -> tuple[Optional[_dt.date], str]:
    """The occurrence of ``name`` nearest the reference day (the reference year without one)."""
    if ref is None or ref.year is None:
        return None, "none"
    if ref.month is None:
        return named_day(name, ref.year), "reference"
    here = _dt.date(ref.year, ref.month, ref.day or 15)
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := named_day(name, y))]
    return (min(days, key=lambda d: abs((d - here).days)) if days else None), "reference"


class _Day:
    """A day standing in for the reference: the printed date a bracketed named day restates."""

    def __init__(self, year: Optional[int], month: int, day: int) -> None:
        self.year, self.month, self.day = year, month, day


#: a surname this common (per the surname table's corpus count) before a day's name makes it a given name
_COMMON_SURNAME = 100


def _after_surname(t: str, i: int) -> bool:
    from ..lexicon import surnames
    return i > 0 and surnames().get(t[i - 1], 0) >= _COMMON_SURNAME


def named_candidates(t: str, ref, lx: dict, make: Callable, ref_src: Callable) -> list:
    """Named days and N年前/N年后 in ``t``, as the caller's candidate records."""
    P = _pats()
    out = []
    for mt in P["named"].finditer(t):
        name = mt["nd"] or mt["sh"]
        if mt["nd"] in lx["given_name_days"] and mt.start("nd") == mt.start() and _after_surname(t, mt.start()):
            continue   # 梁国庆, 李国庆: a given name after a surname, no National Day
        if mt["y"]:
            day, kind, src = named_day(name, _periods.year_num(mt["y"], lx)), "absolute", None
        elif mt["ry"]:
            y = ref.year + lx["relative_year"][mt["ry"]] if ref is not None and ref.year is not None else None
            day, kind, src = named_day(name, y), "relative", ref_src(ref)
        elif (said := P["restated"].search(t, max(0, mt.start() - 20), mt.start())) is not None \
                and (m := _num(said["m"])) and (d := _num(said["d"])):
            day = _nearest(name, _Day(_periods.year_num(said["y"], lx), m, d))[0]   # （大年初一）: the date before it
            kind, src = "absolute", None
        else:
            day, src = _nearest(name, ref)
            kind, src = "relative", ref_src(ref)
        c = make(mt.start(), mt.end(), "named-day", kind=kind, y=day and day.year, m=day and day.month,
                 d=day and day.day, prec="day", year_source=src, score=0.8)
        if day is None and (mt["y"] or (ref is not None and ref.year is not None)):
            c.why = "no calendar"
        out.append(c)
    for mt in P["years-from"].finditer(t):
        n = _num(mt["n"])
        clause = re.split(r"[，。；！？\n]", t[max(0, mt.start() - 30):mt.start()])[-1]
        if n is None or n == 0 or any(w in clause for w in lx["anaphoric_event_frame"]):
            continue  # 在对公众开放一年后: counted from an event, not from the reference
        y = ref.year + lx["years_from_reference"][mt["dir"]] * n if ref is not None and ref.year is not None else None
        m, d = _num(mt["m"]), _num(mt["d"])
        out.append(make(mt.start(), mt.end(), "years-from-reference", kind="relative", y=y, m=m, d=d,
                        prec=_prec(m, d), year_source=ref_src(ref), score=0.75))
    return out
