"""The review desk's database side: the queue, one conflict, and the decisions history.

Every query is SQLAlchemy Core with bound parameters (filter values, ids, reviewer names and notes
never reach SQL text). The ``decisions`` table (``extract.load.tables``) is append-only: a
conflict's current decision is its row with the highest ``decision_id``; an ``undo`` row takes the
conflict back to undecided. A decision is written in the loader's write transaction
(``db.write_transaction``: ``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL), so two
reviewers deciding one conflict at once take turns: both rows are kept, and the second learns that
the conflict was decided meanwhile (the form carries the decision id its reviewer saw).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, exists, func, inspect, literal_column, select, tuple_
from sqlalchemy.schema import CreateIndex

from schemas import ConflictField, ConflictKind

from ..load import tables as T
from ..load.db import create_schema, write_transaction

C, R, D, S = T.conflicts, T.readings, T.decisions, T.stories
SEVERITIES = ("high", "medium", "low")
FIELDS: tuple[str, ...] = get_args(ConflictField)
KINDS: tuple[str, ...] = get_args(ConflictKind)
STATUSES = ("all", "undecided", "decided")
PAGE_SIZE = 50
RANK = literal_column(f"({T.SEVERITY_RANK_SQL})")  # constant SQL text: matches the queue index
MAX_NOTE = 2000
MAX_REVIEWER = 64


class NoConflictsTable(LookupError):
    """The database has no ``conflicts`` table (NF109)."""


class Filters(BaseModel):
    """The queue's filters, as the query string gives them; anything else is refused (HTTP 400)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Optional[Literal["high", "medium", "low"]] = None
    field: Optional[ConflictField] = None
    kind: Optional[ConflictKind] = None
    source: Optional[str] = Field(None, min_length=1, max_length=4096, description="a reading's source path")
    status: Literal["all", "undecided", "decided"] = "all"

    def params(self) -> dict[str, str]:
        """The non-default filters, for links that keep them."""
        return {k: v for k, v in self.model_dump().items() if v is not None and not (k == "status" and v == "all")}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def open_database(engine: Engine) -> None:
    """``NoConflictsTable`` unless the loader made this database; then create what the review needs
    (the ``decisions`` table; ``create_schema`` also adds columns an older loader lacked)."""
    if not inspect(engine).has_table(C.name):
        raise NoConflictsTable(engine.url.render_as_string(hide_password=True))
    create_schema(engine)
    with write_transaction(engine) as conn:
        for index in T.REVIEW_INDEXES:  # (reflection cannot see an expression index: IF NOT EXISTS)
            conn.execute(CreateIndex(index, if_not_exists=True))


def count_conflicts(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(C)).scalar_one()


# --------------------------------------------------------------------------- the current decision

def _latest_ids():
    """The id of every conflict's current (latest) decision row."""
    return select(func.max(D.c.decision_id)).group_by(D.c.conflict_id)


def _decided_ids():
    """Conflicts whose current decision is not an undo."""
    return select(D.c.conflict_id).where(D.c.decision_id.in_(_latest_ids()), D.c.decision != "undo")


def _where(f: Filters) -> list[Any]:
    cond: list[Any] = []
    if f.severity:
        cond.append(C.c.severity == f.severity)
    if f.field:
        cond.append(C.c.field == f.field)
    if f.kind:
        cond.append(C.c.kind == f.kind)
    if f.source:
        cond.append(exists().where(R.c.conflict_id == C.c.conflict_id, R.c.source_path == f.source))
    if f.status == "decided":
        cond.append(C.c.conflict_id.in_(_decided_ids()))
    elif f.status == "undecided":
        cond.append(C.c.conflict_id.not_in(_decided_ids()))
    return cond


# --------------------------------------------------------------------------- the queue

@dataclass
class QueuePage:
    rows: list[dict[str, Any]]
    total: int  # conflicts the filters keep
    decided: int  # of those, decided
    all_total: int
    all_decided: int
    page: int
    pages: int
    sources: list[str] = field(default_factory=list)


def queue(engine: Engine, f: Filters, page: int = 1, page_size: int = PAGE_SIZE) -> QueuePage:
    """One page of the queue (most severe first, then by group), with its readings and current
    decisions, and the counts."""
    cond = _where(f)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(C).where(*cond)).scalar_one()
        decided = (total if f.status == "decided" else 0 if f.status == "undecided" else
                   conn.execute(select(func.count()).select_from(C).where(
                       *cond, C.c.conflict_id.in_(_decided_ids()))).scalar_one())
        if cond:
            all_total = conn.execute(select(func.count()).select_from(C)).scalar_one()
            all_decided = conn.execute(select(func.count()).select_from(C).where(
                C.c.conflict_id.in_(_decided_ids()))).scalar_one()
        else:
            all_total, all_decided = total, decided
        pages = max(1, math.ceil(total / page_size))
        page = min(max(1, page), pages)
        rows = [dict(r._mapping) for r in conn.execute(
            select(C.c.conflict_id, C.c.group_id, C.c.severity, C.c.field, C.c.kind, C.c.consensus, C.c.context)
            .where(*cond).order_by(RANK, C.c.group_id, C.c.conflict_id)
            .limit(page_size).offset((page - 1) * page_size))]
        ids = [r["conflict_id"] for r in rows]
        readings: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        current: dict[str, dict[str, Any]] = {}
        if ids:
            for r in conn.execute(select(R.c.conflict_id, R.c.idx, R.c.text, R.c.votes, R.c.doc_id)
                                  .where(R.c.conflict_id.in_(ids)).order_by(R.c.conflict_id, R.c.idx)):
                readings[r.conflict_id].append(dict(r._mapping))
            latest = select(func.max(D.c.decision_id)).where(D.c.conflict_id.in_(ids)).group_by(D.c.conflict_id)
            for d in conn.execute(select(D).where(D.c.decision_id.in_(latest))):
                if d.decision != "undo":
                    current[d.conflict_id] = dict(d._mapping)
        sources = source_paths(conn)
    for r in rows:
        r["readings"] = readings[r["conflict_id"]]
        r["current"] = current.get(r["conflict_id"])
    return QueuePage(rows=rows, total=total, decided=decided, all_total=all_total, all_decided=all_decided,
                     page=page, pages=pages, sources=sources)


def source_paths(conn) -> list[str]:
    """The sources a reading can come from: the version groups' members (a few rows a story), or,
    when no group is loaded, the readings themselves (through their index)."""
    M = T.group_members
    found = list(conn.execute(select(M.c.source_path).distinct().order_by(M.c.source_path)).scalars())
    return found or list(conn.execute(select(R.c.source_path).distinct().order_by(R.c.source_path)).scalars())


def neighbours(engine: Engine, conflict_id: str, f: Filters) -> tuple[Optional[str], Optional[str]]:
    """The previous and the next conflict in queue order under the filters (the conflict itself
    need not pass them)."""
    with engine.connect() as conn:
        me = conn.execute(select(RANK.label("rank"), C.c.group_id).where(C.c.conflict_id == conflict_id)).first()
        if me is None:
            return None, None
        here = tuple_(me.rank, me.group_id, conflict_id)
        row = tuple_(RANK, C.c.group_id, C.c.conflict_id)
        after, before = row > here, row < here
        cond = _where(f)
        nxt = conn.execute(select(C.c.conflict_id).where(*cond, after)
                           .order_by(RANK, C.c.group_id, C.c.conflict_id).limit(1)).scalar()
        prev = conn.execute(select(C.c.conflict_id).where(*cond, before)
                            .order_by(RANK.desc(), C.c.group_id.desc(), C.c.conflict_id.desc()).limit(1)).scalar()
    return prev, nxt


# --------------------------------------------------------------------------- one conflict

@dataclass
class ConflictView:
    conflict: dict[str, Any]
    readings: list[dict[str, Any]]
    stories: dict[str, dict[str, Any]]  # story_key -> the loaded story (absent when not loaded)
    history: list[dict[str, Any]]  # oldest first; each with "meanwhile" set
    current: Optional[dict[str, Any]]  # the current decision, None when undecided

    @property
    def latest_id(self) -> int:
        return self.history[-1]["decision_id"] if self.history else 0


def history(conn, conflict_id: str) -> list[dict[str, Any]]:
    rows = [dict(r._mapping) for r in conn.execute(
        select(D).where(D.c.conflict_id == conflict_id).order_by(D.c.decision_id))]
    prev = 0
    for r in rows:  # made without seeing the row before it: decided meanwhile
        r["meanwhile"] = r["seen_decision_id"] is not None and r["seen_decision_id"] != prev
        prev = r["decision_id"]
    return rows


def conflict(engine: Engine, conflict_id: str) -> Optional[ConflictView]:
    with engine.connect() as conn:
        c = conn.execute(select(C).where(C.c.conflict_id == conflict_id)).first()
        if c is None:
            return None
        readings = [dict(r._mapping) for r in conn.execute(
            select(R).where(R.c.conflict_id == conflict_id).order_by(R.c.idx))]
        keys = sorted({r["story_key"] for r in readings})
        stories = {s.story_key: dict(s._mapping) for s in conn.execute(
            select(S.c.story_key, S.c.story_id, S.c.source_path, S.c.doc_id, S.c.start, S.c.end, S.c.headline,
                   S.c.text).where(S.c.story_key.in_(keys)))} if keys else {}
        hist = history(conn, conflict_id)
    current = hist[-1] if hist and hist[-1]["decision"] != "undo" else None
    return ConflictView(conflict=dict(c._mapping), readings=readings, stories=stories, history=hist,
                        current=current)


# --------------------------------------------------------------------------- deciding

class DecisionError(ValueError):
    """A decision that cannot be made (no consensus to accept, no such reading, nothing to undo)."""


@dataclass
class Decided:
    decision_id: int
    conflict_id: str
    meanwhile: list[dict[str, Any]]  # decisions by others made after the one the reviewer saw


def decide(engine: Engine, conflict_id: str, decision: str, reviewer: str, *, seen: Optional[int],
           reading: Optional[int] = None, note: Optional[str] = None) -> Decided:
    """Append a decision (accept, pick, not_error, undo). ``seen`` is the conflict's decision id the
    reviewer's page showed (0 for none; None when unknown)."""
    if decision not in T.DECISIONS:
        raise DecisionError(f"unknown decision {decision!r}")
    reviewer = clean_reviewer(reviewer)
    note = (note or "").strip()[:MAX_NOTE] or None
    with write_transaction(engine) as conn:
        c = conn.execute(select(C.c.consensus).where(C.c.conflict_id == conflict_id)).first()
        if c is None:
            raise DecisionError(f"no conflict {conflict_id!r}")
        hist = conn.execute(select(D.c.decision_id, D.c.decision).where(D.c.conflict_id == conflict_id)
                            .order_by(D.c.decision_id.desc()).limit(1)).first()
        chosen, idx, undoes = None, None, None
        if decision == "accept":
            if c.consensus is None:
                raise DecisionError("no consensus to accept: pick a reading (1-9)")
            chosen = c.consensus
        elif decision == "pick":
            text = conn.execute(select(R.c.text).where(R.c.conflict_id == conflict_id, R.c.idx == reading)).first() \
                if reading is not None else None
            if text is None:
                raise DecisionError(f"no reading {reading!r} in {conflict_id}")
            chosen, idx = text.text, reading
        elif decision == "undo":
            if hist is None or hist.decision == "undo":
                raise DecisionError("nothing to undo: the conflict is undecided")
            undoes = hist.decision_id
        meanwhile = []
        if seen is not None:
            meanwhile = [dict(r._mapping) for r in conn.execute(
                select(D).where(D.c.conflict_id == conflict_id, D.c.decision_id > seen).order_by(D.c.decision_id))]
        new_id = conn.execute(D.insert().values(
            conflict_id=conflict_id, decision=decision, chosen=chosen, reading_idx=idx, reviewer=reviewer,
            decided_at=now(), note=note, seen_decision_id=seen, undoes=undoes)
            .returning(D.c.decision_id)).scalar_one()
    return Decided(decision_id=new_id, conflict_id=conflict_id, meanwhile=meanwhile)


def decision_info(engine: Engine, decision_id: int) -> Optional[dict[str, Any]]:
    """A decision row, with ``meanwhile``: the decisions of its conflict made after the one its
    reviewer saw and before it (others deciding at the same time)."""
    with engine.connect() as conn:
        row = conn.execute(select(D).where(D.c.decision_id == decision_id)).first()
        if row is None:
            return None
        out = dict(row._mapping)
        out["meanwhile"] = [] if row.seen_decision_id is None else [dict(r._mapping) for r in conn.execute(
            select(D).where(D.c.conflict_id == row.conflict_id, D.c.decision_id > row.seen_decision_id,
                            D.c.decision_id < decision_id).order_by(D.c.decision_id))]
    return out


def last_current_by(engine: Engine, reviewer: str) -> Optional[str]:
    """The conflict of ``reviewer``'s most recent decision that is still its conflict's current one
    (what ``u`` takes back from the next page), or None."""
    with engine.connect() as conn:
        return conn.execute(
            select(D.c.conflict_id).where(D.c.reviewer == reviewer, D.c.decision != "undo",
                                          D.c.decision_id.in_(_latest_ids()))
            .order_by(D.c.decision_id.desc()).limit(1)).scalar()


def clean_reviewer(name: str) -> str:
    """A reviewer's name: trimmed, 1-64 printable characters."""
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_REVIEWER or not name.isprintable():
        raise DecisionError(f"a reviewer's name is 1 to {MAX_REVIEWER} printable characters")
    return name


def current_decisions(conn) -> Any:
    """Every conflict's current decision row, when it is accept or pick (for export)."""
    return conn.execute(select(D).where(D.c.decision_id.in_(_latest_ids()), D.c.decision.in_(("accept", "pick")))
                        .order_by(D.c.decision_id))
