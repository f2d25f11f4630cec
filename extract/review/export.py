"""``newsfacts export``: story records rebuilt from the database, with the reviewers' accepted
readings applied to the facts they touch, and a ``corrections`` list on each record for provenance.

A conflict's current decision (``store``) is applied when it is ``accept`` (the consensus) or
``pick`` (one reading); ``not_error`` and ``undo`` change nothing. For every reading that differs
from the chosen text, the facts of that reading's story whose span overlaps the reading's span in
that version's source (an empty reading: a point strictly inside the fact) get the chosen text in
place of the reading's:

* officials: ``name``, ``text`` and the overlapping ``mentions``;
* claims: ``text``, and ``value`` from the chosen reading's parsed value (a ``claim.value`` conflict);
* dates and events' dates: ``text``, and ``value`` from the chosen reading's resolved date (a
  ``date`` or ``dateline`` conflict).

Each change is one ``Correction`` (conflict id, field, path such as ``officials[2].name``, from, to,
reviewer, time, decision). The story's own ``text`` and every offset stay as extracted: offsets still
point into the unchanged source, and the corrections say where a fact's text no longer matches it.
Corrections a loaded record already carries are kept; applying the same decisions again changes
nothing (the reading's text is no longer in the fact).

Not stored by the loader, so not exported: an event's ``location_span``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator, Optional

from pydantic import BaseModel
from sqlalchemy import Engine, func, select

from schemas import (Claim, Correction, DateValue, Event, Furniture, Mention, Official, Organization, Paragraph,
                     Position, ReferenceDate, Sentence, SourceRef, StoryRecord)

from ..load import tables as T
from . import store

CHUNK = 200  # stories rebuilt per round of queries


@dataclass
class Target:
    """One reading to be replaced by a decision's chosen text."""

    conflict_id: str
    field: str  # the conflict's field
    start: int
    end: int
    text: str
    chosen: str
    chosen_value: Optional[str]
    reviewer: str
    decided_at: str
    decision: str


@dataclass
class ExportSummary:
    stories: int = 0
    decisions: int = 0
    corrections: int = 0

    def line(self) -> str:
        return (f"newsfacts: exported {self.stories} stories; {self.decisions} accepted decisions, "
                f"{self.corrections} corrections applied")


# --------------------------------------------------------------------------- rebuilding records

def _fields(model: type[BaseModel], row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**{k: row[k] for k in model.model_fields if k in row}, **extra}


def _children(conn, table, keys: list[str], by: str = "story_key") -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(select(table).where(table.c[by].in_(keys)).order_by(table.c[by], table.c.idx)):
        out[r._mapping[by]].append(dict(r._mapping))
    return out


def _story(s: dict[str, Any], kids: dict[str, dict[str, list[dict[str, Any]]]]) -> StoryRecord:
    k = s["story_key"]
    officials = [Official(**_fields(Official, o,
                                     positions=[Position(**_fields(Position, p)) for p in kids["positions"][o["official_id"]]],
                                     mentions=[Mention(**_fields(Mention, m)) for m in kids["o_mentions"][o["official_id"]]]))
                 for o in kids["officials"][k]]
    orgs = [Organization(**_fields(Organization, g, mentions=[Mention(**_fields(Mention, m))
                                                              for m in kids["g_mentions"][g["organization_id"]]]))
            for g in kids["organizations"][k]]
    events = [Event(**_fields(Event, e, date=DateValue(**{f[5:]: v for f, v in e.items() if f.startswith("date_")}),
                              officials=[x["name"] for x in kids["event_officials"][e["event_id"]]]))
              for e in kids["events"][k]]
    ref = (ReferenceDate(year=s["ref_year"], month=s["ref_month"], day=s["ref_day"], source=s["ref_source"],
                         year_source=s["ref_year_source"]) if s["ref_source"] is not None else None)
    return StoryRecord(
        **_fields(StoryRecord, s, source=SourceRef(path=s["source_path"], doc_id=s["doc_id"], line=s["source_line"]),
                  reference_date=ref),
        paragraphs=[Paragraph(**_fields(Paragraph, x)) for x in kids["paragraphs"][k]],
        sentences=[Sentence(**_fields(Sentence, x)) for x in kids["sentences"][k]],
        furniture=[Furniture(**_fields(Furniture, x)) for x in kids["furniture"][k]],
        officials=officials, organizations=orgs,
        dates=[DateValue(**_fields(DateValue, x)) for x in kids["dates"][k]],
        events=events,
        claims=[Claim(**_fields(Claim, x)) for x in kids["claims"][k]],
        corrections=[Correction(**_fields(Correction, x)) for x in kids["corrections"][k]])


def _rebuild(conn, rows: list[dict[str, Any]]) -> list[StoryRecord]:
    keys = [r["story_key"] for r in rows]
    kids = {t.name: _children(conn, t, keys) for t in (T.paragraphs, T.sentences, T.furniture, T.officials,
                                                        T.organizations, T.dates, T.events, T.claims, T.corrections)}
    oids = [o["official_id"] for os in kids["officials"].values() for o in os]
    gids = [g["organization_id"] for gs in kids["organizations"].values() for g in gs]
    eids = [e["event_id"] for es in kids["events"].values() for e in es]
    kids["positions"] = _children(conn, T.positions, oids, "official_id") if oids else defaultdict(list)
    kids["o_mentions"] = _children(conn, T.mentions, oids, "official_id") if oids else defaultdict(list)
    kids["g_mentions"] = _children(conn, T.mentions, gids, "organization_id") if gids else defaultdict(list)
    kids["event_officials"] = _children(conn, T.event_officials, eids, "event_id") if eids else defaultdict(list)
    return [_story(r, kids) for r in rows]


def iter_stories(engine: Engine) -> Iterator[tuple[str, StoryRecord]]:
    """(story_key, record) for every loaded story, by source path and position in it (the same
    order on SQLite and PostgreSQL: a NULL source line sorts as 0)."""
    S = T.stories
    order = [S.c.source_path, func.coalesce(S.c.source_line, 0), S.c.start, S.c.story_key]
    done = 0
    with engine.connect() as conn:
        while True:
            rows = [dict(r._mapping) for r in conn.execute(select(S).order_by(*order).limit(CHUNK).offset(done))]
            if not rows:
                return
            for r, rec in zip(rows, _rebuild(conn, rows)):
                yield r["story_key"], rec
            done += len(rows)


# --------------------------------------------------------------------------- applying decisions

def targets(engine: Engine) -> tuple[dict[str, list[Target]], int]:
    """story_key -> the readings to replace there; and how many accepted decisions there are."""
    out: dict[str, list[Target]] = defaultdict(list)
    R, C = T.readings, T.conflicts
    n = 0
    with engine.connect() as conn:
        decisions = [dict(d._mapping) for d in store.current_decisions(conn)]
        for i in range(0, len(decisions), 500):
            chunk = decisions[i:i + 500]
            readings: dict[str, list[dict[str, Any]]] = defaultdict(list)
            fields = dict(conn.execute(select(C.c.conflict_id, C.c.field)
                                       .where(C.c.conflict_id.in_([d["conflict_id"] for d in chunk]))).all())
            for r in conn.execute(select(R).where(R.c.conflict_id.in_([d["conflict_id"] for d in chunk]))
                                  .order_by(R.c.conflict_id, R.c.idx)):
                readings[r.conflict_id].append(dict(r._mapping))
            for d in chunk:
                rs = readings.get(d["conflict_id"])
                if not rs or d["conflict_id"] not in fields:
                    continue  # the conflict is no longer loaded
                n += 1
                chosen = next((r for r in rs if r["idx"] == d["reading_idx"]), None) if d["decision"] == "pick" \
                    else next((r for r in rs if r["text"] == d["chosen"]), None)
                for r in rs:
                    if r["text"] != d["chosen"]:
                        out[r["story_key"]].append(Target(
                            conflict_id=d["conflict_id"], field=fields[d["conflict_id"]], start=r["start"],
                            end=r["end"], text=r["text"], chosen=d["chosen"],
                            chosen_value=chosen["value"] if chosen else None, reviewer=d["reviewer"],
                            decided_at=d["decided_at"], decision=d["decision"]))
    return out, n


def _overlaps(start: int, end: int, t: Target) -> bool:
    if t.start == t.end:
        return start < t.start < end
    return t.start < end and start < t.end


def replace(text: str, start: int, t: Target, *, loose: bool = False) -> Optional[str]:
    """``text`` (a span's, starting at raw offset ``start``) with the reading replaced by the chosen
    text, or None when the reading cannot be found in it. ``loose``: ``start`` is uncertain (an
    official's name inside its span), so a reading found once anywhere in ``text`` will do."""
    rel = t.start - start
    if 0 <= rel <= len(text) and text[rel:rel + len(t.text)] == t.text and (t.text or 0 < rel < len(text)):
        return text[:rel] + t.chosen + text[rel + len(t.text):]
    if t.text and text.count(t.text) == 1 and (loose or start <= t.start and t.end <= start + len(text)):
        return text.replace(t.text, t.chosen)
    if t.text and len(t.text) == len(t.chosen):  # a reading reaching past the span: character for character
        chars = list(text)
        lo, hi = max(start, t.start), min(start + len(text), t.end)
        if lo >= hi:
            return None
        for i in range(lo, hi):
            if chars[i - start] != t.text[i - t.start]:
                return None
            chars[i - start] = t.chosen[i - t.start]
        return "".join(chars)
    return None


class _Applier:
    def __init__(self, rec: StoryRecord) -> None:
        self.rec = rec
        self.added: list[Correction] = []

    def note(self, t: Target, field: str, path: str, old: Any, new: Any) -> None:
        self.added.append(Correction(conflict_id=t.conflict_id, field=field, path=path, from_text=str(old),
                                     to_text=str(new), reviewer=t.reviewer, decided_at=t.decided_at,
                                     decision=t.decision))

    def span(self, obj: Any, path: str, field: str, t: Target, attrs: tuple[str, ...] = ("text",)) -> bool:
        """Replace the reading in ``obj``'s text attributes; True when the span's text changed."""
        changed = False
        for attr in attrs:
            old = getattr(obj, attr)
            start = obj.start
            if attr == "name" and old in obj.text:  # an official's span may hold the title before the name
                start += obj.text.rfind(old)
            new = replace(old, start, t, loose=attr == "name")
            if new is not None and new != old:
                setattr(obj, attr, new)
                self.note(t, f"{field}.{attr}", f"{path}.{attr}", old, new)
                changed = True
        return changed

    def value(self, obj: Any, path: str, field: str, t: Target, convert: Any) -> None:
        if t.chosen_value is None:
            return
        try:
            new = convert(t.chosen_value)
        except (InvalidOperation, ValueError):
            return
        if obj.value != new:
            old, obj.value = obj.value, new
            self.note(t, f"{field}.value", f"{path}.value", old, new)

    def apply(self, t: Target) -> None:
        rec = self.rec
        for i, o in enumerate(rec.officials):
            if _overlaps(o.start, o.end, t):
                self.span(o, f"officials[{i}]", "official", t, ("name", "text"))
            for j, m in enumerate(o.mentions):
                if _overlaps(m.start, m.end, t):
                    self.span(m, f"officials[{i}].mentions[{j}]", "official.mention", t)
        for i, c in enumerate(rec.claims):
            if _overlaps(c.start, c.end, t) and self.span(c, f"claims[{i}]", "claim", t) and t.field == "claim.value":
                self.value(c, f"claims[{i}]", "claim", t, Decimal)
        dated = t.field in ("date", "dateline")
        for i, d in enumerate(rec.dates):
            if _overlaps(d.start, d.end, t) and self.span(d, f"dates[{i}]", "date", t) and dated:
                self.value(d, f"dates[{i}]", "date", t, str)
        for i, e in enumerate(rec.events):
            d = e.date
            if _overlaps(d.start, d.end, t) and self.span(d, f"events[{i}].date", "event.date", t) and dated:
                self.value(d, f"events[{i}].date", "event.date", t, str)


def apply(rec: StoryRecord, todo: list[Target]) -> tuple[StoryRecord, int]:
    """A copy of ``rec`` with ``todo`` applied, and how many corrections were added."""
    if not todo:
        return rec, 0
    a = _Applier(rec.model_copy(deep=True))
    for t in sorted(todo, key=lambda t: (t.decided_at, t.conflict_id)):
        a.apply(t)
    a.rec.corrections = [*a.rec.corrections, *a.added]
    return a.rec, len(a.added)


def export_records(engine: Engine, summary: ExportSummary) -> Iterator[StoryRecord]:
    todo, summary.decisions = targets(engine)
    for key, rec in iter_stories(engine):
        rec, n = apply(rec, todo.get(key, []))
        summary.stories += 1
        summary.corrections += n
        yield rec
