"""Growing a selected date over what follows it (period words, range tails, 以来, time of day)
and resolving anaphoric days (当日, 次日) against the day before."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from schemas import ReferenceDate

from . import periods as _periods
from ._base import _D, _add_days, _hour, _iso, _num, _patterns, _prec, _ref_src, _shift_month, lexicon

def _extend(t: str, c: _D, ref: Optional[ReferenceDate], limit: int) -> None:
    """Grow a selected date over what follows it: period, range tail, 以来, time of day."""
    if c.kind == "vague":
        return
    if c.rule == "month-range":
        _extend_since(t, c, limit)
        return
    if c.rule == "year-range":
        _extend_year_range(t, c, limit)
        return
    if _extend_period_word(t, c, limit):
        if _patterns()["x-conn"].match(t, c.end):
            _extend_range_tail(t, c, ref, limit)   # 1937年底至1938年初: a range of months
        return
    if _extend_part(t, c, limit) or _extend_since(t, c, limit):
        return
    if _extend_range_tail(t, c, ref, limit):
        return
    _extend_time(t, c, limit)
    if c.prec == "day" and c.kind != "range" and _patterns()["x-conn"].match(t, c.end):
        _extend_range_tail(t, c, ref, limit)   # 31日晚8时到1月1日中午12时, 12月31日晚上到次日凌晨


def _extend_year_range(t: str, c: _D, limit: int) -> None:
    """2018年至2021年上半年: the end is the part's last day."""
    if (mp := _periods.part_after(t, c.end)) and mp.end() <= limit:
        y2 = c.end_ymd[0] if c.end_ymd else None
        _, _, end = _periods.part_bounds(y2, _periods.part_entry(mp["part"]))
        c.end_ymd, c.end = (*end, "day"), mp.end()
    _extend_since(t, c, limit)


def _extend_part(t: str, c: _D, limit: int) -> bool:
    """一季度/上半年/前三季度 after a year: a range of days at quarter/half precision."""
    if not (c.prec == "year" and c.m is None and c.kind != "range"):
        return False
    mp = _periods.part_after(t, c.end)
    if not mp or mp.end() > limit:
        return False
    c.prec, (c.y, c.m, c.d), end = _periods.part_bounds(c.y, _periods.part_entry(mp["part"]))
    c.end_ymd, c.end = (*end, "month" if c.prec == "month" else "day"), mp.end()   # 前11个月: January to November
    _extend_since(t, c, limit)
    return True


def _extend_period_word(t: str, c: _D, limit: int) -> bool:
    """初/底/末 and 上旬/中旬/下旬 (年底 -> December, 年初 -> January; 3月上旬 -> March): a part of the
    year is told as its first or last month, and a part of the month at the month's precision, as
    月初 and 月底 are (the devset's convention)."""
    mt = _patterns()["x-period"].match(t, c.end)
    if not (mt and mt.end() <= limit and c.prec in ("year", "month") and c.d is None):
        return False
    span = lexicon()["period"][mt["p"]]
    ok = (c.prec == "year" and span in ("start", "end")) or (c.prec == "month" and not mt["yy"])
    if not ok or t[mt.end():mt.end() + 1] in ("线", "部", "层", "期", "尾"):
        return False
    c.end = mt.end()
    if c.prec == "year":  # 去年底, 2020年岁末: December; 1996年初, 去年初: January; month precision
        c.m, c.prec = (12 if span == "end" else 1), "month"
    return True


def _extend_range_tail(t: str, c: _D, ref: Optional[ReferenceDate], limit: int) -> bool:
    """至/到/- and an end of the same precision (12月31日至1月2日 crosses the new year, 1月31日至2日
    the month; an end before the start is none), with the end's time of day. Also after a day
    with its time of day (31日晚8时到1月1日中午12时, 1日上午至3日)."""
    P = _patterns()
    mc = P["x-conn"].match(t, c.end)
    if not (mc and c.prec in ("day", "month", "year")):
        return False
    if c.prec == "day" and _extend_to_next_day(t, c, mc.end(), limit):
        return True
    me = P["x-end"].match(t, mc.end())
    if not (me and me.end() > mc.end() and me.end() <= limit and me.group(0).strip()):
        return False
    ey = _num(me["y"])
    if me["ry"]:
        ey = ref.year + lexicon()["relative_year"][me["ry"]] if ref and ref.year else None
    em, ed = _num(me["m"]), _num(me["d"])
    eprec = _prec(em, ed)
    em, eprec, end_at = _end_period_word(t, c, me.end(), em, eprec, limit)
    if not ((eprec == c.prec) and (me["y"] or me["ry"] or c.prec != "year")):
        return False
    if eprec == "year" and (mp := _periods.part_after(t, me.end())) and mp.end() <= limit:
        _, _, end = _periods.part_bounds(ey, _periods.part_entry(mp["part"]))
        c.end, c.kind, c.end_ymd = mp.end(), "range", (*end, "day")
        _extend_since(t, c, limit)
        return True
    ey, em = _range_end_ym(c, ey, em, ed, eprec, bool(me["ry"]))
    start, stop = _add_days(c.y, c.m, c.d or 1, 0), _add_days(ey, em, ed or 1, 0)
    if start is not None and stop is not None and stop < start:
        return False   # an end before the start is no range
    c.end, c.kind, c.end_ymd = end_at, "range", (ey, em, ed, eprec)
    if eprec == "day" and (mt := P["x-tod"].match(t, c.end)) and mt.group(0).strip() and mt.end() <= limit:
        c.end = mt.end()   # …到1月1日中午12时: the end's time of day
    _extend_since(t, c, limit)
    return True


def _end_period_word(t: str, c: _D, pos: int, em: Optional[int], eprec: str, limit: int):
    """初/底 after a month range's end: 1937年底至1938年初 ends in January 1938 (a year's 初 or 底 is
    its first or last month); 3月底至4月初 ends in April (a month's part at the start's precision).
    Returns the end's month, precision and end offset."""
    mt = _patterns()["x-period"].match(t, pos)
    if c.prec != "month" or not mt or mt.end() > limit or t[mt.end():mt.end() + 1] in ("线", "部", "层", "期", "尾"):
        return em, eprec, pos
    span = lexicon()["period"][mt["p"]]
    if eprec == "year" and span in ("start", "end"):
        return (1 if span == "start" else 12), "month", mt.end()
    if eprec == "month" and not mt["yy"]:
        return em, eprec, mt.end()
    return em, eprec, pos


def _range_end_ym(c: _D, ey: Optional[int], em: Optional[int], ed: Optional[int], eprec: str,
                  relative: bool) -> tuple[Optional[int], Optional[int]]:
    """The year and month of a range's end that prints neither, from its start: 12月31日至1月2日
    crosses the new year, 1月31日至2日 the month."""
    if ey is None and not relative:
        ey = c.y
        if ey is not None and em is not None and c.m is not None and em < c.m:
            ey += 1
    if em is None and eprec == "day":
        em = c.m
        if c.m is not None and ed is not None and c.d is not None and ed < c.d:
            ey, em = _shift_month(ey, c.m, 1) if ey is not None else (None, c.m % 12 + 1)
    return ey, em


def _extend_to_next_day(t: str, c: _D, pos: int, limit: int) -> bool:
    """12月31日晚上到次日凌晨: an anaphoric day (次日, 翌日) ends the range, counted from its start."""
    lx = lexicon()
    word = next((w for w in sorted(lx["anaphoric_day"], key=len, reverse=True)
                 if t.startswith(w, pos) and lx["anaphoric_day"][w] > 0), None)
    if word is None or pos + len(word) > limit:
        return False
    end = _add_days(c.y, c.m, c.d, lx["anaphoric_day"][word])
    c.end, c.kind = pos + len(word), "range"
    c.end_ymd = (end.year, end.month, end.day, "day") if end else (None, None, None, "day")
    if (mt := _patterns()["x-tod"].match(t, c.end)) and mt["tod"] and mt.end() <= limit:
        c.end = mt.end()
    return True


def _extend_time(t: str, c: _D, limit: int) -> None:
    """A clock time (2024-04-26 13:11, 下午6时, 零点) or a part of day (下午) after a day."""
    if not (c.prec == "day" and c.kind != "range"):
        return
    P = _patterns()
    mx = P["x-clock"].match(t, c.end) if c.iso else None
    if mx and mx.end() <= limit:
        c.end, c.tod, c.clock = mx.end(), f"{_num(mx['h']):02d}:{mx['mi']}", True
        return
    mt = P["x-tod"].match(t, c.end)
    if not (mt and mt.end() <= limit and (mt["tod"] or (mt["h"] and (mt["unit"] == "时" or mt["h"] == "零")))):
        return
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
    if any(w in clause[:-len(w)] for w in lexicon()["anaphoric_event_frame"]):  # 发生在当天: no frame
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
