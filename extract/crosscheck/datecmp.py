"""Dates across the versions of a story: one reference date for the group (issue 12).

Each page infers its own reference date, so one version may resolve 今天 or １５日 against
another year or day than the rest: a narrow OCR column with no publication header, a year
mentioned in an unrelated story on the same page (even 1939), a line break inside a year.
Comparing every version's own resolution would report the same printed words as different
dates. The group therefore takes the best-evidenced reference date among its members, and
every date in every version is resolved against it (``find_dates``, read-only) for
comparison. A ``date`` conflict exists only where the printed text differs; each record from
``extract`` keeps its own resolution.

Evidence, best first (see ``StoryRecord.reference_date`` source/year_source):

1. ``--reference-date`` (``option``);
2. a dateline with a publication date (``dateline+published``), or else a member's dateline
   read with another member's publication date (a paper's dateline, a web copy's header);
3. a dateline alone whose year comes from the story itself (a printed date or year), then one
   whose year comes from the page (other stories: the weakest evidence for a year);
4. a publication date alone, a date printed in the lead;
5. an inferred date (page dateline, a year in the text).

Ties go to the date most members share, then the earliest.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

from extract.facts.dates import find_dates, parse_dateline, parse_published
from extract.facts.dates import reference_date as _reference_date
from extract.facts.dates.reference import TEXT_YEAR_SOURCES
from schemas import ReferenceDate, StoryRecord

from .canon import Version



def _rank(ref: Optional[ReferenceDate]) -> int:
    if ref is None or ref.year is None:
        return 99
    if ref.source == "option":
        return 0
    if ref.source == "dateline":
        if ref.year_source == "dateline+published":
            return 1
        return 2 if ref.year_source in TEXT_YEAR_SOURCES else 3
    return {"published": 5, "lead-date": 6, "page-dateline": 7, "text-year": 8}.get(ref.source, 9)


def _combined(records: Sequence[StoryRecord]) -> Optional[ReferenceDate]:
    """A member's dateline read with another member's publication date (the earliest)."""
    pubs = sorted(d for r in records if (d := parse_published(r.published)) is not None)
    lines = [r.dateline for r in records if r.dateline and (md := parse_dateline(r.dateline)) and None not in md]
    if not pubs or not lines:
        return None
    line = Counter(lines).most_common(1)[0][0]
    return _reference_date(line, pubs[0].isoformat(), "")


def group_reference(records: Sequence[StoryRecord]) -> Optional[ReferenceDate]:
    """The best-evidenced reference date among the records of a version group."""
    cands = [(_rank(r.reference_date), r.reference_date) for r in records]
    best = min((k for k, _ in cands), default=99)
    if best > 1 and (comb := _combined(records)) is not None and _rank(comb) <= 1:
        return comb.model_copy(update={"year_source": "dateline+published:group"})
    if best == 99:
        return None
    top = [ref for k, ref in cands if k == best]
    counts = Counter((r.year, r.month or 0, r.day or 0) for r in top)
    key = min(counts, key=lambda k: (-counts[k], k))
    return next(r for r in top if (r.year, r.month or 0, r.day or 0) == key)


@dataclass
class DateSpan:
    a: int  # canonical coordinates of the version
    b: int
    value: Optional[str]
    end_value: Optional[str]
    kind: str = "absolute"

    @property
    def shown(self) -> Optional[str]:
        if self.value is None:
            return None
        return f"{self.value}/{self.end_value}" if self.end_value else self.value


def _date_text(v: Version) -> tuple[str, list[int]]:
    """The version's comparison text with a line break between paragraphs (so a date's
    anaphora stay inside their paragraph, as in extraction); index → canonical index."""
    starts = sorted(p.start for r in v.records for p in r.paragraphs)
    out: list[str] = []
    where: list[int] = []
    para = None
    for i, ch in enumerate(v.chars):
        k = bisect.bisect_right(starts, v.raw_pos[i])
        if para is not None and k != para:
            out.append("\n")
            where.append(i)
        para = k
        out.append(ch)
        where.append(i)
    return "".join(out), where


def version_dates(v: Version, ref: Optional[ReferenceDate]) -> list[DateSpan]:
    """Every date expression of the version resolved against ``ref`` (the group's)."""
    text, where = _date_text(v)
    where.append(len(v.chars))
    return [DateSpan(where[d.start], where[d.end - 1] + 1, d.value, d.end_value, d.kind)
            for d in find_dates(text, ref) if d.end > d.start]


def text_dates(text: str, ref: Optional[ReferenceDate]) -> list[DateSpan]:
    """Dates in a short text (a dateline) resolved against ``ref``."""
    return [DateSpan(d.start, d.end, d.value, d.end_value, d.kind) for d in find_dates(text, ref) if d.end > d.start]


def value_at(spans: Sequence[DateSpan], a: int, b: int) -> Optional[str]:
    """The resolved value(s) of the dates overlapping canonical [a, b), comma-separated;
    None when a date there does not resolve (８月３７日) or there is none."""
    hit = [s for s in spans if s.a < max(b, a + 1) and s.b > a]
    if not hit or any(s.shown is None for s in hit):
        return None
    return ",".join(s.shown for s in hit)
