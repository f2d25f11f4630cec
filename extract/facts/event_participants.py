"""Who takes part in an event: the officials its clause names, and those a later clause joins to it.

``Names`` finds the officials mentioned in a span of text (by the offsets of their mentions when the
officials component's records carry them, else by name). ``joined`` reads the clauses after the
event's own: one holding an attendance verb (``attendance_verbs`` in date_lexicon.json: 出席, 参加,
陪同, 讲话…) names people who took part in it (研讨会将于四月十九日在上海召开，世界贸易组织总干事鲁杰罗将
出席; 全国政协在北京举行新年茶话会。江泽民、李鹏…出席茶话会。), up to the next date, and into the next
sentence only when that sentence has no date of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING, Iterable

from .dates import lexicon

if TYPE_CHECKING:
    from .events import _Text


class Names:
    """Officials, by the offsets of their mentions when the records carry them, else by name
    (indexed by first character, so a clause is read once for all)."""

    def __init__(self, officials: Iterable) -> None:
        self.by_first: dict[str, list[str]] = {}
        self.spans: list[tuple[int, int, str]] = []
        for o in officials:
            if isinstance(o, str):
                if o:
                    self.by_first.setdefault(o[0], [])
                    if o not in self.by_first[o[0]]:
                        self.by_first[o[0]].append(o)
                continue
            if getattr(o, "is_reporter", False) or not o.name:
                continue
            marks = [(m.start, m.end) for m in (o.mentions or [])] or [(o.start, o.end)]
            self.spans += [(a, b, o.name) for a, b in marks if b > a]
        self.spans.sort()
        self.first_re = re.compile("|".join(re.escape(c) for c in self.by_first) or "(?!)")

    def in_order(self, text: str, start: int, end: int) -> list[str]:
        """The officials mentioned in ``text[start:end]``, by first mention (ties: by name)."""
        first: dict[str, int] = {}
        for a, b, n in self.spans[bisect_left(self.spans, (start,)):]:
            if a >= end:
                break
            if b <= end and n not in first:
                first[n] = a
        if self.by_first:
            for mt in self.first_re.finditer(text, start, end):
                i = mt.start()
                for n in self.by_first[text[i]]:
                    if n not in first and i + len(n) <= end and text.startswith(n, i):
                        first[n] = i
        return [n for _, n in sorted((i, n) for n, i in first.items())]


@cache
def _verbs() -> tuple[str, ...]:
    return tuple(lexicon()["attendance_verbs"])


def joined(text: str, tx: "_Text", names: Names, ev_end: int, s_end: int, next_date: int) -> list[str]:
    """The officials named after the event's clause (which ends at ``ev_end``) in a clause with an
    attendance verb and no place of its own (在/于: 王毅在沪出席论坛 is another event): in the rest of
    its sentence (ending at ``s_end``) and, when no date comes before its end, in the next sentence;
    never past ``next_date``, where the next event begins."""
    nxt = tx.next_sentence(s_end)
    end = min(nxt[1] if nxt is not None and next_date >= nxt[1] else s_end, next_date)
    out: list[str] = []
    pos = ev_end + 1
    while pos < end:
        ce = tx.clause_end(pos, end)
        clause = text[pos:ce]
        if any(v in clause for v in _verbs()) and "在" not in clause and "于" not in clause:   # 王毅在沪出席论坛: his own event
            out += [n for n in names.in_order(text, pos, ce) if n not in out]
        pos = ce + 1
    return out
