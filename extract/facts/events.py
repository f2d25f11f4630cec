"""Dated events: a date together with what happened on it.

:func:`find_events` pairs each date found by :mod:`extract.facts.dates` with the first event
trigger verb (``extract/data/event_triggers.txt``: 召开, 举行, 主持, 移交, 接到 …) that follows
it in the same sentence, before the next date. The event is the text from the start of
the clause holding the date to the end of the clause holding the trigger; adjacent
triggers form one trigger (``主持召开``). When nothing follows the date, a trigger earlier in
the date's own clause is taken (``会议召开于3月20日`` style).

* ``location``: the full place after 在 or 于 (:meth:`_Places.place_at`): up to the last place
  suffix (市, 中心, 机场, 寺 …) that no stop word comes before, a trigger verb inside the name
  included (``在西昌卫星发射中心发射`` -> ``西昌卫星发射中心``, and the trigger is the second
  发射); without a suffix, up to the first stop word or trigger, less a postposition
  (``在京召开`` -> ``京``; ``在记者招待会上宣布`` -> ``记者招待会``). ``location_span`` gives
  its offsets. 于 before a date or after 位/用/由/对… introduces no place.
* ``officials`` (the participants): the officials mentioned inside the event's text, read from
  the offsets of their mentions on the Doc (``doc._.officials``), in order of first mention;
  bare names given instead of records are looked for in the event's text.
* A source tag is never part of the event text, wherever it stands (a headline glued before
  ``本报北京1月1日讯…报道：`` is cut off with it), and a date inside one anchors nothing.
* A trigger before the date counts only in the date's own clause and not across a 的
  (``因举行集会而被捕的15名分子2日…``: 举行 is inside a relative clause).
* Dates of kind ``vague`` (日前, 近日 — no value) and ``since`` (今年以来 — a period), quarters,
  halves and weeks (periods too) and "as of" dates (截至去年11月) do not anchor events.
  Unresolved dates (value null) do, with a lower score. An event's date is resolved by the
  dates component against the story's reference date, whose year may come from the story
  (see ``extract.facts.dates.reference_date``).
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

from schemas import DateValue, Event, Mention

from extract.text.sentences import split_sentences

from .dates import lexicon

__all__ = ["find_events", "triggers", "EventsComponent"]

_HARD_BREAK = "；;\n"  # inside a sentence: coordinate clauses no date reaches across
_CLAUSE_END = "，,：:。！？!?" + _HARD_BREAK
_HERE = ("这里", "此间", "这儿")  # the place is the one named before, else the dateline's
_MAX_LOCATION = 15
_MAX_PLACE = 24  # characters after 在/于 searched for the place
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
    """A text with its sentences (:func:`extract.text.sentences.split_sentences`, the splitter the
    records use), hard breaks (；), clause breaks and trigger verbs found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sents = split_sentences(text) or [(0, len(text))]
        self.sent_starts = [a for a, _ in self.sents]
        self.hard = [m.start() for m in re.finditer(f"[{re.escape(_HARD_BREAK)}]", text)]
        self.clause = [m.start() for m in re.finditer(f"[{re.escape(_CLAUSE_END)}]", text)]
        self.trig = list(_trigger_re().finditer(text))
        self.trig_ends = [m.end() for m in self.trig]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence (less what lies beyond a ；) holding ``pos``, clipped to ``_WINDOW``
        characters either side."""
        i = max(0, bisect_right(self.sent_starts, pos) - 1)
        s, e = self.sents[i]
        j = bisect_left(self.hard, pos)
        if j and self.hard[j - 1] >= s:
            s = self.hard[j - 1] + 1
        if j < len(self.hard) and self.hard[j] < e:
            e = self.hard[j]
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


@cache
def _tag_anywhere_re() -> re.Pattern:
    """A dateline or source tag wherever it stands (a headline may be glued before it): 本报北京
    1月1日讯, 新华社金边12月31日电（记者…）, 据新华社电, 本报讯, then 记者…报道：."""
    marks = "|".join(re.escape(m) for m in lexicon()["source_markers"])
    num = r"(?:[0-9]{1,4}|[一二三四五六七八九十〇○]{1,4})"
    return re.compile(
        rf"(?:(?:据)?(?:新华社|本报|中新社)?[^，。：\n（）]{{0,12}}?(?:{num}年)?{num}月{num}日[ \t\u3000]*(?:{marks})"
        rf"|本报讯|据新华社电|新华社电)(?:（[^）]{{0,30}}）)?"
        rf"(?:[^，。：\n]{{0,30}}?报道[：:])?")


class _Places:
    """Where things happen: the place after 在 or 于, by one rule (see :func:`place_at`)."""

    def __init__(self) -> None:
        lx = lexicon()
        self.preps = tuple(lx["location_preposition"])
        self.not_after = {"在": set(lx["location_not_after"]), "于": set(lx["location_not_after_yu"])}
        self.suffixes = tuple(sorted(lx["place_suffixes"], key=len, reverse=True))
        self.stops = re.compile("|".join(re.escape(w) for w in sorted(
            set(lx["location_stops"]) | set(triggers()), key=len, reverse=True)))
        self.posts = tuple(sorted(lx["location_postpositions"], key=len, reverse=True))
        self.not_start = re.compile(r"[0-9０-９一二三四五六七八九十〇○“”《》（）]|" + "|".join(
            re.escape(w) for w in lx["location_not_start"]))

    def place_at(self, text: str, i: int, hi: int) -> Optional[tuple[int, int]]:
        """The place introduced by the preposition at ``i`` (before ``hi``), or None.

        1. The place runs from after 在/于 to a clause break, at most ``_MAX_PLACE`` characters.
        2. Its end is the last place suffix (市, 中心, 机场, 寺 … ``place_suffixes``) in that run
           that no stop word or trigger verb comes before, except a trigger that only a place
           suffix follows (西昌卫星发射中心: 发射 is part of the name): the full place span.
        3. With no suffix, it ends before the first stop word or trigger (在北京出席 -> 北京),
           without a trailing postposition (在记者招待会上宣布 -> 记者招待会).
        """
        prep = next((p for p in self.preps if text.startswith(p, i)), None)
        if prep is None or (i > 0 and text[i - 1] in self.not_after.get(prep, ())):
            return None
        j = i + len(prep)
        if j >= hi or self.not_start.match(text, j) or not ("\u4e00" <= text[j] <= "\u9fff"):
            return None
        k = j
        while k < min(hi, j + _MAX_PLACE) and text[k] not in _CLAUSE_END and not text[k].isspace():
            k += 1
        run = text[j:k]
        first_stop = len(run)
        for m in self.stops.finditer(run):
            rest = run[m.end():]
            suffix = next((x for x in self.suffixes if rest.startswith(x)), None)
            if m.start() > 0 and suffix and m.group() not in lexicon()["location_stops"]:
                continue  # 发射中心: a verb inside the place's name
            first_stop = m.start()
            break
        best = 0
        for e in range(first_stop, 0, -1):
            if run[:e].endswith(self.suffixes):
                best = e
                break
        if not best:
            best = first_stop if first_stop < len(run) or k < hi and text[k] in _CLAUSE_END else 0
            if best == 0 and k >= hi and run:
                best = len(run)  # the place runs up to the trigger
            for p in self.posts:  # …会上 -> …会; 这里 stays (a pronoun of two characters)
                if best - len(p) >= 2 and run[:best].endswith(p):
                    best -= len(p)
                    break
        if not 1 <= best <= _MAX_LOCATION + 5 or re.search(r"[\d“”《》（）]", run[:best]):
            return None
        return j, j + best

    def _leading(self, text: str, a: int, hi: int) -> int:
        """End of a place name starting at ``a`` (up to its last suffix, no stop word or trigger
        inside, at most ``_MAX_LOCATION`` characters), or ``a`` when none starts there."""
        run = text[a:min(hi, a + _MAX_LOCATION)]
        if not run or self.not_start.match(run) or not ("\u4e00" <= run[0] <= "\u9fff"):
            return a
        if (m := self.stops.search(run)) is not None:
            run = run[:m.start()]
        for e in range(len(run), 1, -1):
            if run[:e].endswith(self.suffixes):
                return a + e
        return a

    def clause_initial(self, text: str, tx: "_Text", lo: int, hi: int) -> Optional[tuple[int, int]]:
        """The last place that begins a clause between ``lo`` and ``hi`` (the antecedent of 这里)."""
        starts = [lo] + [c + 1 for c in tx.clause[bisect_left(tx.clause, lo):bisect_left(tx.clause, hi)]]
        for a in reversed(starts):
            if (e := self._leading(text, a, hi)) > a:
                return a, e
        return None

    def scene(self, text: str, tx: "_Text", lo: int, hi: int) -> Optional[tuple[int, int]]:
        """A clause before ``hi`` that is only a place, with a postposition or none
        (``长沙市贺龙体育馆内，``): the scene of what follows."""
        starts = [lo] + [c + 1 for c in tx.clause[bisect_left(tx.clause, lo):bisect_left(tx.clause, hi)]]
        for a in starts:
            e = self._leading(text, a, hi)
            rest_end = tx.clause_end(a, hi)
            if e > a and rest_end < hi and text[e:rest_end] in ("",) + self.posts:
                return a, e
        return None

    def spans(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        out = []
        for i in range(lo, hi):
            if text[i] in "在于" and (sp := self.place_at(text, i, hi)) and (not out or sp[0] >= out[-1][1]):
                out.append(sp)
        return out


@cache
def _places() -> _Places:
    return _Places()


def _is_anchor(text: str, d: DateValue) -> bool:
    """Vague dates, 以来-periods, parts of a year and weeks do not anchor events, nor does an
    "as of" date (截至去年11月); a bare year does only as an adverbial, set off by a comma
    (``2023年，…``) or after 于/在 (``计划于2002年建成``), not inside a noun phrase
    (``2024年年会``)."""
    if d.kind in ("vague", "since") or d.precision in ("quarter", "half", "week"):
        return False
    before = text[max(0, d.start - 2):d.start]
    if any(before.endswith(w) for w in lexicon()["anchor_not_after"]):
        return False
    if d.precision == "year":  # 2023年，… and 于2002年建成 (an adverbial), not 2024年年会
        return text[d.end:d.end + 1] in ("，", ",") or text[max(0, d.start - 1):d.start] in ("于", "在")
    return True


def find_events(text: str, dates: Sequence[DateValue], officials: Iterable = ()) -> list[Event]:
    """Dated events in ``text``: one per date that has a trigger verb after it in its sentence.

    ``dates`` are the dates of ``text`` (offsets into it); ``officials`` are the officials
    component's records (or bare names): the participants are those mentioned in the event's
    clause. Offsets of the events are into ``text``.
    """
    names = _Names(officials)
    ordered = sorted(dates, key=lambda d: d.start)
    tx = _Text(text)
    events: list[Event] = []
    for i, d in enumerate(ordered):
        if not _is_anchor(text, d) or (window := _window(text, tx, d)) is None:
            continue
        floor, s_start, s_end = window
        bound = s_end
        if i + 1 < len(ordered) and ordered[i + 1].start < s_end:
            bound = max(d.end, ordered[i + 1].start)
        found = _trigger(text, tx, d, tx.clause_start(d.start, floor), bound)
        if found is None:
            continue
        mt, same_clause, c_start, spans = found
        ev_start = min(c_start, mt.start())
        while ev_start < min(d.start, mt.start()) and not (text[ev_start].isalnum() or text[ev_start] in _OPENERS):
            ev_start += 1  # ▶, ■, spaces
        ev_end = tx.clause_end(mt.end(), s_end)
        place = _place(text, tx, spans, ev_start, mt, d, s_start)
        score = (0.85 if same_clause else 0.75) if d.value is not None else 0.5
        location = text[place[0]:place[1]] if place else None
        events.append(Event(
            start=ev_start, end=ev_end, text=text[ev_start:ev_end],
            rule="date+trigger" + ("" if same_clause else ":next-clause"), score=score,
            date=d, trigger=mt.group(0), location=location,
            location_span=Mention(start=place[0], end=place[1], text=text[place[0]:place[1]]) if place else None,
            officials=names.in_order(text, ev_start, ev_end),
        ))
    return events


def _window(text: str, tx: _Text, d: DateValue) -> Optional[tuple[int, int, int]]:
    """(floor, sentence start, sentence end) for the date ``d``: the floor is after any source
    tag before it; None when the date is inside a tag (the dateline's own date)."""
    s_start, s_end = tx.sentence(d.start)
    tags = [m for m in _tag_anywhere_re().finditer(text, s_start, s_end) if m.end() > m.start()]
    if any(m.start() <= d.start and d.end <= m.end() for m in tags):
        return None  # the dateline's own date: the reference, not an event
    floor = max([m.end() for m in tags if m.end() <= d.start] + [s_start])
    lead = _source_tag_re().match(text, floor, s_end)  # 据新华社␣, 本报讯 at the start
    if lead and lead.end() > floor:
        if d.end <= lead.end():
            return None
        if lead.end() <= d.start:
            floor = lead.end()
    return floor, s_start, s_end


def _trigger(text: str, tx: _Text, d: DateValue, c_start: int, bound: int):
    """(trigger match, same clause?, clause start, place spans) for the date ``d``: the first
    trigger after it before ``bound`` not inside a place, else one earlier in its own clause
    not across a 的 (因举行集会而被捕的15名分子2日…); None without one."""
    spans = _places().spans(text, c_start, bound)
    mt = next((m for m in _trigger_re().finditer(text, d.end, bound)
               if not any(a <= m.start() < b for a, b in spans)), None)
    same_clause = mt is not None and tx.clause_end(d.end, bound) >= mt.end()
    if mt is None:
        mt = tx.trigger_before(c_start, d.start)
        if mt is not None and "的" in text[mt.end():d.start]:
            mt = None
        same_clause = True
    return None if mt is None else (mt, same_clause, c_start, spans)


def _place(text: str, tx: _Text, spans, ev_start: int, mt: re.Match, d: DateValue, s_start: int):
    """The event's place: the last 在/于 place before the trigger in the event's text; 在这里/
    在此间 is the place named at the start of an earlier clause of the sentence, else the
    dateline's place (the span is then the antecedent's); with no 在/于
    place, a clause that is only a place (长沙市贺龙体育馆内，…) sets the scene. None else."""
    places = _places()
    cands = spans if mt.start() > d.start else places.spans(text, ev_start, mt.start())
    where = [sp for sp in cands if ev_start <= sp[0] and sp[1] <= mt.start()]
    if where:
        a, b = where[-1]
        if text[a:b] in _HERE:
            return places.clause_initial(text, tx, s_start, a) or _dateline_place_span(text) or (a, b)
        return a, b
    return places.scene(text, tx, ev_start, mt.start())


@cache
def _dateline_re() -> re.Pattern:
    num = r"[0-9０-９一二三四五六七八九十〇○]"
    return re.compile(rf"(?:新华社|本报|中新社)(?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:{num}{{2,4}}年)?{num}{{1,2}}月{num}{{1,3}}日")


def _dateline_place_span(text: str) -> Optional[tuple[int, int]]:
    """The place of the first dateline in ``text`` (新华社北京十二月十六日电 -> 北京), or None."""
    m = _dateline_re().search(text)
    return m.span("place") if m else None


class _Names:
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
        officials = [o for o in (doc._.officials or []) if not getattr(o, "is_reporter", False)]
        doc._.events = find_events(doc_text(doc), doc._.dates or [], officials)
        return doc


@Language.factory("events", default_config={})
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
