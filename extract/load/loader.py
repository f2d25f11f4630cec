"""Load newsfacts JSONL (story, group, conflict and error records) into SQLite or PostgreSQL.

The loader streams: it reads one line at a time, keeps at most one batch of
pending records (about ``batch_rows`` table rows) and writes each batch in one
transaction. The same code runs on both databases (SQLAlchemy Core; every value
is a bound parameter); only the "insert or update" of a group row goes through
the dialect's own ``INSERT ... ON CONFLICT`` (see ``_upsert``).

Replacement rules, all applied inside the batch's transaction before its inserts:

* a story replaces the row with the same ``story_key`` (children cascade);
* the first time a file mentions a source path (in a story or an error record),
  every story and error record loaded earlier for that path is deleted, so a
  newer extract run of an input replaces that input's rows even when its story
  ids differ;
* a group record updates its row and replaces its members;
* the first time a file mentions a group in a conflict, the conflicts loaded
  earlier for that group are deleted (a newer ``check`` run replaces them);
* the ``load_errors`` rows of a file are deleted when that file is loaded again.

A line that is not JSON (NF005), has no known ``record_type`` (NF011) or fails
validation (NF010) becomes a ``load_errors`` row; the rest of the file loads.
"""
from __future__ import annotations

import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import orjson
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, Engine, Table, create_engine, delete, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from ..errors import NewsfactsError
from . import tables as T

DEFAULT_DB = "sqlite:///out/facts.db"
MODELS: dict[str, type[BaseModel]] = {"story": StoryRecord, "group": Group, "conflict": Conflict,
                                      "error": ErrorRecord}
log = logging.getLogger(__name__)
_IN_CHUNK = 500  # keys per IN (...) list; well under SQLite's bound-parameter limit
# What a database (or its driver) raises for a value it cannot store; SQLite's driver raises a bare
# OverflowError for integers beyond 64 bits.
_REFUSED = (SQLAlchemyError, OverflowError, ValueError)


@dataclass
class LoadSummary:
    """What a load did. ``failed`` counts lines (and unreadable files) that became load_errors rows."""

    files: int = 0
    lines: int = 0
    stories: int = 0
    groups: int = 0
    conflicts: int = 0
    error_records: int = 0
    failed: int = 0
    batches: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every line loaded, 1 when some failed."""
        return 1 if self.failed else 0

    def line(self) -> str:
        return (f"newsfacts: {self.files} files, {self.lines} lines: {self.stories} stories, "
                f"{self.groups} groups, {self.conflicts} conflicts, {self.error_records} error records; "
                f"{self.failed} failed lines; {sum(self.rows.values())} rows in {self.batches} transactions, "
                f"{self.seconds:.1f} s")


def normalize_url(db_url: str) -> str:
    """``postgresql://`` and ``postgres://`` use the psycopg 3 driver; SQLite paths are left alone."""
    url = make_url(db_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def make_engine(db_url: str) -> Engine:
    """An engine for ``db_url``; for SQLite the parent folder is created and foreign keys are enforced."""
    url = make_url(normalize_url(db_url))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _fk_on(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
    return engine


def create_schema(engine: Engine) -> None:
    """Create the tables and indexes that do not exist yet."""
    T.metadata.create_all(engine)


# --------------------------------------------------------------------------- records → rows

def _scalars(obj: BaseModel, *skip: str, **extra: Any) -> dict[str, Any]:
    """The record's own fields as column values: nested records and lists of records are left out
    (they have tables of their own), lists of strings go to JSON columns, Decimals become exact text.

    A field the tables lack makes the insert fail loudly, so schema drift shows up in the tests.
    """
    out: dict[str, Any] = {}
    for name in type(obj).model_fields:
        if name in skip or name == "record_type":
            continue
        v = getattr(obj, name)
        if isinstance(v, BaseModel) or (isinstance(v, list) and v and isinstance(v[0], BaseModel)):
            continue
        if isinstance(v, list) and name in _CHILD_LISTS.get(type(obj).__name__, ()):
            continue
        out[name] = str(v) if isinstance(v, Decimal) else v
    out.update(extra)
    return out


# Lists that are rows of their own tables even when empty (so never a JSON column).
_CHILD_LISTS = {"StoryRecord": ("paragraphs", "sentences", "furniture", "officials", "organizations", "dates", "events", "claims"),
                "Official": ("positions", "mentions"), "Organization": ("mentions",), "Event": ("officials",),
                "Group": ("members",), "Conflict": ("readings",)}


def story_rows(rec: StoryRecord, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The rows of every table for one story record."""
    key = T.story_key(rec.story_id, rec.source.path)
    ref = rec.reference_date
    out: dict[Table, list[dict[str, Any]]] = {t: [] for t in (
        T.stories, T.paragraphs, T.sentences, T.furniture, T.officials, T.positions, T.organizations, T.mentions,
        T.dates, T.events, T.event_officials, T.claims)}
    out[T.stories].append(_scalars(
        rec, story_key=key, source_path=rec.source.path, doc_id=rec.source.doc_id,
        ref_year=ref.year if ref else None, ref_month=ref.month if ref else None, ref_day=ref.day if ref else None,
        ref_source=ref.source if ref else None, ref_year_source=ref.year_source if ref else None,
        loaded_from=loaded_from))
    for i, s in enumerate(rec.paragraphs):
        out[T.paragraphs].append(_scalars(s, paragraph_id=f"{key}:para{i}", story_key=key, idx=i))
    for i, s in enumerate(rec.sentences):
        out[T.sentences].append(_scalars(s, sentence_id=f"{key}:s{i}", story_key=key, idx=i))
    for i, f in enumerate(rec.furniture):
        out[T.furniture].append(_scalars(f, furniture_id=f"{key}:f{i}", story_key=key, idx=i))
    for i, o in enumerate(rec.officials):
        oid = f"{key}:o{i}"
        out[T.officials].append(_scalars(o, official_id=oid, story_key=key, idx=i))
        for j, p in enumerate(o.positions):
            out[T.positions].append(_scalars(p, position_id=f"{oid}:p{j}", official_id=oid, idx=j))
        for j, m in enumerate(o.mentions):
            out[T.mentions].append(_scalars(m, mention_id=f"{oid}:m{j}", story_key=key, official_id=oid,
                                            organization_id=None, idx=j))
    for i, g in enumerate(rec.organizations):
        gid = f"{key}:g{i}"
        out[T.organizations].append(_scalars(g, organization_id=gid, story_key=key, idx=i))
        for j, m in enumerate(g.mentions):
            out[T.mentions].append(_scalars(m, mention_id=f"{gid}:m{j}", story_key=key, official_id=None,
                                            organization_id=gid, idx=j))
    for i, d in enumerate(rec.dates):
        out[T.dates].append(_scalars(d, date_id=f"{key}:d{i}", story_key=key, idx=i))
    for i, e in enumerate(rec.events):
        eid = f"{key}:e{i}"
        date = {f"date_{k}": v for k, v in _scalars(e.date).items()}
        out[T.events].append(_scalars(e, event_id=eid, story_key=key, idx=i, **date))
        for j, name in enumerate(e.officials):
            out[T.event_officials].append({"event_id": eid, "idx": j, "name": name})
    for i, c in enumerate(rec.claims):
        out[T.claims].append(_scalars(c, claim_id=f"{key}:c{i}", story_key=key, idx=i))
    return out


def group_rows(rec: Group, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The groups row and its members."""
    return {
        T.groups: [_scalars(rec, loaded_from=loaded_from)],
        T.group_members: [_scalars(
            m, member_id=f"{rec.group_id}:{i}", group_id=rec.group_id, idx=i,
            story_key=T.story_key(m.story_id, m.source.path), source_path=m.source.path, doc_id=m.source.doc_id)
            for i, m in enumerate(rec.members)]}


def conflict_rows(rec: Conflict, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    """The conflicts row and its readings."""
    return {
        T.conflicts: [_scalars(rec, loaded_from=loaded_from)],
        T.readings: [_scalars(
            r, reading_id=f"{rec.conflict_id}:{i}", conflict_id=rec.conflict_id, idx=i,
            story_key=T.story_key(r.story_id, r.source.path), source_path=r.source.path, doc_id=r.source.doc_id)
            for i, r in enumerate(rec.readings)]}


def error_record_id(rec: ErrorRecord) -> str:
    raw = f"{rec.path}\x00{rec.line}\x00{rec.code}\x00{rec.message}".encode("utf-8")
    return "e_" + hashlib.sha1(raw).hexdigest()[:16]


def error_record_rows(rec: ErrorRecord, loaded_from: str) -> dict[Table, list[dict[str, Any]]]:
    return {T.extract_errors: [_scalars(rec, "path", error_id=error_record_id(rec), source_path=rec.path,
                                        loaded_from=loaded_from)]}


# --------------------------------------------------------------------------- parsing lines

def _has_nul(data: Any) -> bool:
    if isinstance(data, str):
        return "\x00" in data
    if isinstance(data, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in data.items())
    if isinstance(data, list):
        return any(_has_nul(v) for v in data)
    return False


def parse_line(raw: bytes, file: str, lineno: int) -> BaseModel:
    """One JSONL line as a validated record, or a ``NewsfactsError`` (NF005, NF010, NF011) raised."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise NewsfactsError("NF005", file, lineno, reason=str(exc)) from None
    if b"\\u0000" in raw and _has_nul(data):
        raise NewsfactsError("NF010", file, lineno, reason="text contains a NUL character (\\u0000), "
                                                           "which PostgreSQL cannot store")
    if not isinstance(data, dict):
        raise NewsfactsError("NF005", file, lineno, reason=f"a JSON {type(data).__name__}, not an object")
    rtype = data.get("record_type")
    model = MODELS.get(rtype) if isinstance(rtype, str) else None
    if model is None:
        raise NewsfactsError("NF011", file, lineno, reason=repr(rtype)[:200])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        reason = f"{exc.error_count()} errors; first at {where or '(record)'}: {first.get('msg', '')}"
        raise NewsfactsError("NF010", file, lineno, reason=reason) from None


def _iter_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(1-based line number, bytes) for every non-blank line; ``-`` reads standard input."""
    fh: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        for n, raw in enumerate(fh, 1):
            if raw.strip():
                yield n, raw
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


# --------------------------------------------------------------------------- writing batches

def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], *, update: bool) -> None:
    """Insert ``rows``; on a primary-key clash update the row (``update``) or leave it (not ``update``)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table)
    keys = [c.name for c in table.primary_key.columns]
    if update:
        stmt = stmt.on_conflict_do_update(index_elements=keys,
                                          set_={c.name: stmt.excluded[c.name] for c in table.columns
                                                if c.name not in keys})
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    conn.execute(stmt, rows)


def _delete_in(conn: Connection, column: Any, values: Iterable[Any]) -> None:
    vals = sorted(set(values))
    for i in range(0, len(vals), _IN_CHUNK):
        conn.execute(delete(column.table).where(column.in_(vals[i:i + _IN_CHUNK])))


class _Batch:
    """Pending records of one file, keyed so that a later duplicate replaces an earlier one."""

    def __init__(self) -> None:
        self.stories: dict[str, tuple[int, StoryRecord]] = {}
        self.groups: dict[str, tuple[int, Group]] = {}
        self.conflicts: dict[str, tuple[int, Conflict]] = {}
        self.errors: dict[str, tuple[int, ErrorRecord]] = {}
        self.load_errors: dict[int, NewsfactsError] = {}
        self.rows = 0

    def add(self, lineno: int, rec: BaseModel) -> None:
        if isinstance(rec, StoryRecord):
            self.stories[T.story_key(rec.story_id, rec.source.path)] = (lineno, rec)
            self.rows += 1 + len(rec.paragraphs) + len(rec.sentences) + len(rec.furniture) + len(rec.claims) + len(rec.dates) + sum(
                1 + len(e.officials) for e in rec.events) + sum(
                1 + len(o.positions) + len(o.mentions) for o in rec.officials) + sum(
                1 + len(g.mentions) for g in rec.organizations)
        elif isinstance(rec, Group):
            self.groups[rec.group_id] = (lineno, rec)
            self.rows += 1 + len(rec.members)
        elif isinstance(rec, Conflict):
            self.conflicts[rec.conflict_id] = (lineno, rec)
            self.rows += 2 + len(rec.readings)
        elif isinstance(rec, ErrorRecord):
            self.errors[error_record_id(rec)] = (lineno, rec)
            self.rows += 1

    def fail(self, err: NewsfactsError) -> None:
        self.load_errors[err.line or 0] = err
        self.rows += 1

    def records(self) -> list[tuple[int, BaseModel]]:
        """The pending records in line order."""
        return sorted([*self.stories.values(), *self.groups.values(), *self.conflicts.values(),
                       *self.errors.values()], key=lambda x: x[0])

    def __len__(self) -> int:
        return len(self.stories) + len(self.groups) + len(self.conflicts) + len(self.errors) + len(self.load_errors)


class _Writer:
    """Writes batches of one file; remembers which source paths and groups this file has replaced."""

    def __init__(self, engine: Engine, file: str, summary: LoadSummary) -> None:
        self.engine, self.file, self.summary = engine, file, summary
        self.seen_paths: set[str] = set()
        self.seen_conflict_groups: set[str] = set()

    def flush(self, b: _Batch) -> None:
        """Write a batch in one transaction. Should the database refuse it, write its records one by
        one instead, so that only the refused records are lost (each becomes an NF010 load error)."""
        if not len(b):
            return
        try:
            self._write(b)
        except _REFUSED as exc:
            log.warning("%s: batch refused (%s); retrying record by record", self.file, type(exc).__name__)
            for lineno, rec in b.records():
                one = _Batch()
                one.add(lineno, rec)
                try:
                    self._write(one)
                except _REFUSED as exc1:
                    reason = f"the database refused it: {str(getattr(exc1, 'orig', exc1)).splitlines()[0][:300]}"
                    b.load_errors[lineno] = NewsfactsError("NF010", self.file, lineno, reason=reason)
            errs = _Batch()
            errs.load_errors = b.load_errors
            self._write(errs)

    def _write(self, b: _Batch) -> None:
        rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in T.INSERT_ORDER}
        for make, pending in ((story_rows, b.stories), (group_rows, b.groups), (conflict_rows, b.conflicts),
                              (error_record_rows, b.errors)):
            for _, rec in pending.values():
                for t, rs in make(rec, self.file).items():  # type: ignore[operator]
                    rows[t].extend(rs)
        rows[T.load_errors] = [{"file": self.file, "line": n, "code": e.code, "message": e.message}
                               for n, e in b.load_errors.items()]
        stories = [r for _, r in b.stories.values()]
        conflicts = [c for _, c in b.conflicts.values()]
        new_paths = ({r.source.path for r in stories} | {e.path for _, e in b.errors.values()}) - self.seen_paths
        new_groups = {c.group_id for c in conflicts} - self.seen_conflict_groups
        stubs = [{"group_id": g, "schema_version": None, "loaded_from": None}
                 for g in sorted({c.group_id for c in conflicts} - set(b.groups))]
        with self.engine.begin() as conn:
            _delete_in(conn, T.stories.c.source_path, new_paths)
            _delete_in(conn, T.extract_errors.c.source_path, new_paths)
            _delete_in(conn, T.stories.c.story_key, b.stories)
            _delete_in(conn, T.extract_errors.c.error_id, b.errors)
            _delete_in(conn, T.group_members.c.group_id, b.groups)
            _delete_in(conn, T.conflicts.c.group_id, new_groups)
            _delete_in(conn, T.conflicts.c.conflict_id, b.conflicts)
            for table in T.INSERT_ORDER:
                if table is T.groups:
                    _upsert(conn, table, rows[table], update=True)
                    _upsert(conn, table, stubs, update=False)
                elif table is T.load_errors:
                    _upsert(conn, table, rows[table], update=True)
                elif rows[table]:
                    conn.execute(table.insert(), rows[table])
        self.seen_paths |= new_paths
        self.seen_conflict_groups |= new_groups
        s = self.summary
        s.batches += 1
        s.stories += len(b.stories)
        s.groups += len(b.groups)
        s.conflicts += len(b.conflicts)
        s.error_records += len(b.errors)
        s.failed += len(b.load_errors)
        for t, rs in rows.items():
            if rs:
                s.rows[t.name] = s.rows.get(t.name, 0) + len(rs)


def load_file(engine: Engine, path: str, summary: LoadSummary, *, batch_rows: int = 1000) -> None:
    """Stream one JSONL file into the database, one transaction per ``batch_rows`` rows or so."""
    with engine.begin() as conn:
        conn.execute(delete(T.load_errors).where(T.load_errors.c.file == path))
    writer = _Writer(engine, path, summary)
    batch = _Batch()
    summary.files += 1
    try:
        for lineno, raw in _iter_lines(path):
            summary.lines += 1
            try:
                batch.add(lineno, parse_line(raw, path, lineno))
            except NewsfactsError as err:
                batch.fail(err)
            if batch.rows >= batch_rows:
                writer.flush(batch)
                batch = _Batch()
    except FileNotFoundError:
        batch.fail(NewsfactsError("NF007", path))
    except OSError as exc:
        batch.fail(NewsfactsError("NF001", path, reason=exc.strerror or str(exc)))
    writer.flush(batch)


def load_paths(paths: list[str], db_url: str = DEFAULT_DB, *, batch_rows: int = 1000) -> LoadSummary:
    """Load JSONL files of story, group, conflict and error records into ``db_url``.

    ``db_url`` is an SQLAlchemy URL: ``sqlite:///out/facts.db`` (the default) or
    ``postgresql://user@host:port/db`` (run with psycopg 3). Tables are created
    when missing. Returns a ``LoadSummary``; ``summary.exit_code`` is 1 when some
    lines failed (they are in ``load_errors``) and 0 otherwise.
    """
    t0 = time.perf_counter()
    engine = make_engine(db_url)
    summary = LoadSummary()
    try:
        create_schema(engine)
        for path in paths:
            load_file(engine, path, summary, batch_rows=max(1, batch_rows))
    finally:
        engine.dispose()
    summary.seconds = time.perf_counter() - t0
    return summary
