"""find_dates: candidates selected, extended and resolved into :class:`schemas.DateValue`."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from schemas import DateValue, ReferenceDate

from . import periods as _periods
from ._base import _FULLWIDTH, _D, _iso
from .candidates import _candidates, _select
from .extend import _extend, _resolve_anaphor

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
