"""Dated events: a date together with what happened on it.

:func:`find_events` pairs each date found by :mod:`extract.facts.dates` with the first event
trigger verb (``extract/data/event_triggers.txt``: 召开, 举行, 主持, 移交, 接到 …) that follows
it in the same sentence, before the next date. The event is the text from the start of
the clause holding the date to the end of the clause holding the trigger; adjacent
triggers form one trigger (``主持召开``). When nothing follows the date, a trigger earlier in
the date's own clause is taken (``会议召开于3月20日`` style).

* ``location``: the place after 在 in the event text, ending at the trigger or at a clause
  break (``在京召开`` -> ``京``; ``在湖南省长沙市主持召开`` -> ``湖南省长沙市``;
  ``8月26日，在缅甸仰光国际机场，…`` -> ``缅甸仰光国际机场``); at most 15 characters.
* ``officials``: the given names that occur in the sentence, in order of first occurrence.
* A leading source tag (``本报讯``, ``据新华社``, ``新华社北京12月2日电（记者…）``) is not part
  of the event text.
* Dates of kind ``vague`` (日前, 近日 — no value) and ``since`` (今年以来 — a period) do not
  anchor events. Unresolved dates (value null) do, with a lower score.
* Time is linear in the text (issue 9 F14): sentence and clause breaks and trigger verbs are
  found once and looked up by bisection, and a sentence is followed at most
  ``_WINDOW`` characters either side of its date -- in a longer run without 。！？；
  the event text and the officials searched for stay within that window.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from importlib import resources
from typing import Iterable, Optional, Sequence

from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import DateValue, Event

from .dates import lexicon

__all__ = ["find_events", "triggers", "EventsComponent"]

_SENT_END = "。！？；\n"
_CLAUSE_END = "，,：:" + _SENT_END
_MAX_LOCATION = 15
_OPENERS = "“‘《（(「"
_WINDOW = 300  # characters a sentence is followed either side of a date


@cache
def triggers() -> tuple[str, ...]:
    """Trigger verbs, longest first, loaded on first use."""
    path = resources.files("extract") / "data" / "event_triggers.txt"
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            words.append(w)
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def _trigger_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(w) for w in triggers()) + ")+")


@cache
def _source_tag_re() -> re.Pattern:
    """A leading source tag: 据新华社␣, 本报讯, 本报北京3月20日讯, 新华社北京12月2日电（记者…）."""
    marks = "|".join(re.escape(m) for m in lexicon()["source_markers"])
    return re.compile(
        rf"[ \t\u3000]*(?:[^，。\n]{{0,24}}?日[ \t\u3000]*(?:{marks})(?:（[^）]{{0,30}}）)?"
        rf"|[^\s，。]{{0,24}}?(?:{marks})(?:（[^）]{{0,30}}）|(?=[\s\d]|$))"
        rf"|据[^\s，。]{{1,8}}[ \t\u3000]+)[ \t\u3000]*"
    )


class _Text:
    """A text with its sentence breaks, clause breaks and trigger verbs found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sent = [m.start() for m in re.finditer(f"[{re.escape(_SENT_END)}]", text)]
        self.clause = [m.start() for m in re.finditer(f"[{re.escape(_CLAUSE_END)}]", text)]
        self.trig = list(_trigger_re().finditer(text))
        self.trig_ends = [m.end() for m in self.trig]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``, clipped to ``_WINDOW`` characters either side."""
        i = bisect_left(self.sent, pos)
        s = self.sent[i - 1] + 1 if i else 0
        e = self.sent[i] if i < len(self.sent) else len(self.text)
        return max(s, pos - _WINDOW), min(e, pos + _WINDOW)

    def clause_start(self, pos: int, floor: int) -> int:
        i = bisect_left(self.clause, pos)
        return max(floor, self.clause[i - 1] + 1) if i else floor

    def clause_end(self, pos: int, ceil: int) -> int:
        i = bisect_left(self.clause, pos)
        return min(self.clause[i], ceil) if i < len(self.clause) else ceil

    def trigger_before(self, lo: int, hi: int) -> Optional[re.Match]:
        """The last trigger lying wholly inside ``lo..hi``."""
        i = bisect_right(self.trig_ends, hi) - 1
        return self.trig[i] if i >= 0 and self.trig[i].start() >= lo else None


def _location(text: str, start: int, trig_start: int) -> Optional[str]:
    """Place after 在 between ``start`` and the trigger, ending at the trigger or a clause break."""
    lx = lexicon()
    preps = lx["location_preposition"]
    blockers = set(lx["location_not_after"])
    j = start
    for i in range(start, trig_start):
        if not any(text.startswith(p, i) for p in preps):
            continue
        if i > 0 and text[i - 1] in blockers:
            continue
        j = max(j, i + 1)  # a place ends where the previous one did when it starts inside it
        while j < trig_start and text[j] not in _CLAUSE_END and not text[j].isspace():
            j += 1
        place = text[i + 1:j]
        if 1 <= len(place) <= _MAX_LOCATION and (j == trig_start or text[j] in _CLAUSE_END):
            if not re.search(r"[\d“”《》（）]", place):
                return place
    return None


def _is_anchor(text: str, d: DateValue) -> bool:
    """Vague dates and 以来-periods do not anchor events; a bare year does only as an
    adverbial set off by a comma (``2023年，…``), not inside a noun phrase (``2024年年会``)."""
    if d.kind in ("vague", "since"):
        return False
    if d.precision == "year":
        return text[d.end:d.end + 1] in ("，", ",")
    return True


def find_events(text: str, dates: Sequence[DateValue], officials: Iterable[str] = ()) -> list[Event]:
    """Dated events in ``text``: one per date that has a trigger verb after it in its sentence.

    ``dates`` are the dates of ``text`` (offsets into it); ``officials`` are names to look
    for in the event's sentence. Offsets of the events are into ``text``.
    """
    names = _Names(officials)
    ordered = sorted(dates, key=lambda d: d.start)
    tx = _Text(text)
    trig_re = _trigger_re()
    events: list[Event] = []
    for i, d in enumerate(ordered):
        if not _is_anchor(text, d):
            continue
        s_start, s_end = tx.sentence(d.start)
        tag = _source_tag_re().match(text, s_start, s_end)
        if tag and d.end <= tag.end():
            continue  # the dateline's own date: the reference, not an event
        bound = s_end
        if i + 1 < len(ordered) and ordered[i + 1].start < s_end:
            bound = max(d.end, ordered[i + 1].start)
        c_start = tx.clause_start(d.start, s_start)
        mt = trig_re.search(text, d.end, bound)
        same_clause = mt is not None and tx.clause_end(d.end, bound) >= mt.end()
        if mt is None:  # a trigger earlier in the date's own clause
            mt = tx.trigger_before(c_start, d.start)
            same_clause = True
        if mt is None:
            continue
        ev_start = min(c_start, mt.start())
        tag = _source_tag_re().match(text, ev_start, min(d.start, mt.start()))
        if tag and tag.end() > ev_start and tag.end() <= min(d.start, mt.start()):
            ev_start = tag.end()
        while ev_start < min(d.start, mt.start()) and not (text[ev_start].isalnum() or text[ev_start] in _OPENERS):
            ev_start += 1  # ▶, ■, spaces
        ev_end = tx.clause_end(mt.end(), s_end)
        score = (0.85 if same_clause else 0.75) if d.value is not None else 0.5
        events.append(Event(
            start=ev_start, end=ev_end, text=text[ev_start:ev_end],
            rule="date+trigger" + ("" if same_clause else ":next-clause"), score=score,
            date=d, trigger=mt.group(0), location=_location(text, ev_start, mt.start()),
            officials=names.in_order(text, s_start, s_end),
        ))
    return events


class _Names:
    """Official names, indexed by first character, so a sentence is read once for all."""

    def __init__(self, officials: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for n in dict.fromkeys(officials):
            if n:
                self.by_first.setdefault(n[0], []).append(n)
        self.first_re = re.compile("|".join(re.escape(c) for c in self.by_first) or "(?!)")

    def in_order(self, text: str, start: int, end: int) -> list[str]:
        """The names occurring in ``text[start:end]``, by first occurrence (ties: by name)."""
        first: dict[str, int] = {}
        if self.by_first:
            for mt in self.first_re.finditer(text, start, end):
                i = mt.start()
                for n in self.by_first[text[i]]:
                    if n not in first and i + len(n) <= end and text.startswith(n, i):
                        first[n] = i
        return [n for _, n in sorted((i, n) for n, i in first.items())]


# --------------------------------------------------------------------------- spaCy

for _ext in ("dates", "officials", "events"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class EventsComponent:
    """spaCy component: ``doc._.events`` from ``doc._.dates`` and ``doc._.officials``."""

    def __init__(self, nlp: Language, name: str = "events") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        triggers()

    def __call__(self, doc: Doc) -> Doc:
        officials = [o.name for o in (doc._.officials or []) if not getattr(o, "is_reporter", False)]
        doc._.events = find_events(doc_text(doc), doc._.dates or [], officials)
        return doc


@Language.factory("events", default_config={})
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
