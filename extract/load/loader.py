"""Load newsfacts JSONL (story, group, conflict and error records) into SQLite or PostgreSQL.

The loader streams: it reads one line at a time, keeps at most one batch of pending records
(about ``batch_rows`` table rows) and writes each full batch into the open transaction. The
same code runs on both databases (SQLAlchemy Core; every value is a bound parameter); only the
"insert or update" of a group row goes through the dialect's own ``INSERT ... ON CONFLICT``
(see ``_upsert``).

Replacement rules, applied inside the transaction that writes the records:

* a story replaces the row with the same ``story_key`` (children cascade);
* the first time a file mentions a source path (in a story or an error record),
  every story and error record loaded earlier for that path is deleted, so a
  newer extract run of an input replaces that input's rows even when its story
  ids differ;
* a group record updates its row and replaces its members;
* the first time a file mentions a group in a conflict, the conflicts loaded
  earlier for that group are deleted (a newer ``check`` run replaces them);
* the ``load_errors`` rows of a file are deleted when that file is loaded again.

Transactions: a replacement is atomic. A transaction commits only after a line past which no
source path (or conflict group) it has touched occurs again in the file, so the delete of a
source's old rows and the inserts of all of its new rows commit together; a load killed at any
moment leaves each source with its old stories or its new ones, never a mix, and running it
again completes it. ``records.last_lines`` reads the file once ahead to know where each source
ends. After a full batch is written the transaction commits at the first such line; a source
whose records run through the whole file makes the file one transaction (standard input, which
cannot be read ahead, is always one). Every write transaction holds the database's write lock
(``db``), so loads started at once take turns.

A line that is not JSON (NF005), has no known ``record_type`` (NF011) or fails validation (NF010)
becomes a ``load_errors`` row; so does a record the database refuses (NF010; the batch is
retried record by record inside savepoints). The rest of the file loads.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, Table, delete
from sqlalchemy.exc import SQLAlchemyError

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from ..errors import NewsfactsError
from ..facts.registry import FACT_KINDS
from . import tables as T
from .db import SchemaError, begin_write, create_schema, make_engine, normalize_url
from .records import MODELS, REPLACEMENT, iter_lines, last_lines, parse_line, record_keys
from .rows import _CHILD_LISTS, check_columns, conflict_rows, error_record_id, error_record_rows, group_rows, story_rows

__all__ = ["DEFAULT_DB", "MODELS", "LoadSummary", "SchemaError", "create_schema", "load_file", "load_paths",
           "make_engine", "normalize_url", "parse_line"]

DEFAULT_DB = "sqlite:///out/facts.db"
log = logging.getLogger(__name__)
_IN_CHUNK = 500  # keys per IN (...) list; well under SQLite's bound-parameter limit
# What a database (or its driver) raises for a value it cannot store; SQLite's driver raises a bare
# OverflowError for integers beyond 64 bits.
_REFUSED = (SQLAlchemyError, OverflowError, ValueError)
_TO_THE_END = float("inf")


@dataclass
class LoadSummary:
    """What a load did. ``failed`` counts lines (and unreadable files) that became load_errors rows;
    ``batches`` counts writes of pending records, ``transactions`` commits."""

    files: int = 0
    lines: int = 0
    stories: int = 0
    groups: int = 0
    conflicts: int = 0
    error_records: int = 0
    failed: int = 0
    batches: int = 0
    transactions: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every line loaded, 1 when some failed."""
        return 1 if self.failed else 0

    def line(self) -> str:
        return (f"newsfacts: {self.files} files, {self.lines} lines: {self.stories} stories, "
                f"{self.groups} groups, {self.conflicts} conflicts, {self.error_records} error records; "
                f"{self.failed} failed lines; {sum(self.rows.values())} rows in {self.batches} batches, "
                f"{self.transactions} transactions, {self.seconds:.1f} s")


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


def _story_rows(rec: StoryRecord) -> int:
    """How many table rows a story record makes: its own, one per paragraph, sentence, furniture
    item and correction, and one per fact of every kind plus the rows of the fact's child lists
    (an official's positions and mentions, an event's officials)."""
    n = 1 + len(rec.paragraphs) + len(rec.sentences) + len(rec.furniture) + len(rec.corrections)
    for kind in FACT_KINDS:
        for fact in getattr(rec, kind):
            n += 1 + sum(len(getattr(fact, c)) for c in _CHILD_LISTS.get(type(fact).__name__, ()))
    return n


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
            self.rows += _story_rows(rec)
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
    """Writes the batches of one file into its current transaction and commits it when no source the
    transaction touched continues further down the file; remembers which source paths and groups this
    file has replaced."""

    def __init__(self, engine: Engine, file: str, summary: LoadSummary, last: dict[str, int] | None) -> None:
        self.engine, self.file, self.summary, self.last = engine, file, summary, last
        self.conn: Connection | None = None
        self.open_until: float = 0  # the last line of any key touched since the last commit
        self.cleared = False  # this file's old load_errors rows deleted (in its first transaction)
        self.seen_paths: set[str] = set()
        self.seen_conflict_groups: set[str] = set()

    def touch(self, lineno: int, rec: BaseModel) -> None:
        """``rec`` is part of the current transaction: it may not commit before its keys' last lines
        (nor before the end of the file when a key was not read ahead, or the file grew since)."""
        for key in record_keys(rec):
            end = self.last.get(key) if self.last is not None else None
            self.open_until = max(self.open_until, _TO_THE_END if end is None or end < lineno else end)

    def can_commit(self, lineno: int) -> bool:
        return self.open_until <= lineno

    def _connection(self) -> Connection:
        if self.conn is None:
            self.conn = begin_write(self.engine)
            if not self.cleared:
                self.conn.execute(delete(T.load_errors).where(T.load_errors.c.file == self.file))
                self.cleared = True
        return self.conn

    def commit(self) -> None:
        if self.conn is None and self.cleared:
            return  # nothing written since the last commit
        conn = self._connection()  # a file with nothing to write still clears its old load_errors
        conn.commit()
        conn.close()
        self.conn, self.open_until = None, 0
        self.summary.transactions += 1

    def close(self) -> None:
        """Roll back what was not committed (after an error)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def flush(self, b: _Batch) -> None:
        """Write a batch (inside a savepoint). Should the database refuse it, write its records one by
        one instead, so that only the refused records are lost (each becomes an NF010 load error)."""
        if not len(b):
            return
        conn = self._connection()
        try:
            with conn.begin_nested():
                self._write(conn, b)
        except _REFUSED as exc:
            log.warning("%s: batch refused (%s); retrying record by record", self.file, type(exc).__name__)
            for lineno, rec in b.records():
                one = _Batch()
                one.add(lineno, rec)
                try:
                    with conn.begin_nested():
                        self._write(conn, one)
                except _REFUSED as exc1:
                    reason = f"the database refused it: {str(getattr(exc1, 'orig', exc1)).splitlines()[0][:300]}"
                    b.load_errors[lineno] = NewsfactsError("NF010", self.file, lineno, reason=reason)
            errs = _Batch()
            errs.load_errors = b.load_errors
            self._write(conn, errs)

    def _write(self, conn: Connection, b: _Batch) -> None:
        rows = self._rows(b)
        stories = [r for _, r in b.stories.values()]
        conflicts = [c for _, c in b.conflicts.values()]
        new_paths = ({r.source.path for r in stories} | {e.path for _, e in b.errors.values()}) - self.seen_paths
        new_groups = {c.group_id for c in conflicts} - self.seen_conflict_groups
        stubs = [{"group_id": g, "schema_version": None, "loaded_from": None}
                 for g in sorted({c.group_id for c in conflicts} - set(b.groups))]
        _delete_replaced(conn, b, new_paths, new_groups)
        _insert_rows(conn, rows, stubs)
        self.seen_paths |= new_paths
        self.seen_conflict_groups |= new_groups
        self._count(b, rows)

    def _rows(self, b: _Batch) -> dict[Table, list[dict[str, Any]]]:
        """The rows of every table (in insert order, empty lists included) for a batch."""
        rows: dict[Table, list[dict[str, Any]]] = {t: [] for t in T.INSERT_ORDER}
        for make, pending in ((story_rows, b.stories), (group_rows, b.groups), (conflict_rows, b.conflicts),
                              (error_record_rows, b.errors)):
            for _, rec in pending.values():
                for t, rs in make(rec, self.file).items():  # type: ignore[operator]
                    rows[t].extend(rs)
        rows[T.load_errors] = [{"file": self.file, "line": n, "code": e.code,
                                "message": e.message.replace("\x00", REPLACEMENT)}
                               for n, e in b.load_errors.items()]
        return rows

    def _count(self, b: _Batch, rows: dict[Table, list[dict[str, Any]]]) -> None:
        """Add a written batch to the summary."""
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


def _delete_replaced(conn: Connection, b: _Batch, new_paths: set[str], new_groups: set[str]) -> None:
    """Delete what a batch replaces: everything loaded earlier for a source path or conflict group this
    file mentions for the first time, and the rows of the batch's own keys (see the module docstring)."""
    _delete_in(conn, T.stories.c.source_path, new_paths)
    _delete_in(conn, T.extract_errors.c.source_path, new_paths)
    _delete_in(conn, T.stories.c.story_key, b.stories)
    _delete_in(conn, T.extract_errors.c.error_id, b.errors)
    _delete_in(conn, T.group_members.c.group_id, b.groups)
    _delete_in(conn, T.conflicts.c.group_id, new_groups)
    _delete_in(conn, T.conflicts.c.conflict_id, b.conflicts)


def _insert_rows(conn: Connection, rows: dict[Table, list[dict[str, Any]]], stubs: list[dict[str, Any]]) -> None:
    """Insert a batch's rows table by table in ``INSERT_ORDER``: group rows (then a stub for each group
    a conflict names without a group record, unless it exists) and load_errors as upserts."""
    for table in T.INSERT_ORDER:
        if table is T.groups:
            _upsert(conn, table, rows[table], update=True)
            _upsert(conn, table, stubs, update=False)
        elif table is T.load_errors:
            _upsert(conn, table, rows[table], update=True)
        elif rows[table]:
            check_columns(table, rows[table][0])
            conn.execute(table.insert(), rows[table])


def load_file(engine: Engine, path: str, summary: LoadSummary, *, batch_rows: int = 1000) -> None:
    """Stream one JSONL file into the database: a batch written every ``batch_rows`` rows or so, a
    commit at the first line after that where no source touched since the last commit goes on."""
    writer = _Writer(engine, path, summary, last_lines(path))
    batch = _Batch()
    summary.files += 1
    due = False  # a full batch was written: commit as soon as the transaction may
    try:
        try:
            for lineno, raw in iter_lines(path):
                summary.lines += 1
                try:
                    rec = parse_line(raw, path, lineno)
                    writer.touch(lineno, rec)
                    batch.add(lineno, rec)
                except NewsfactsError as err:
                    batch.fail(err)
                if batch.rows >= batch_rows:
                    writer.flush(batch)
                    batch, due = _Batch(), True
                if due and writer.can_commit(lineno):
                    writer.flush(batch)
                    writer.commit()
                    batch, due = _Batch(), False
        except FileNotFoundError:
            batch.fail(NewsfactsError("NF007", path))
        except OSError as exc:
            batch.fail(NewsfactsError("NF001", path, reason=exc.strerror or str(exc)))
        writer.flush(batch)
        writer.commit()
    finally:
        writer.close()


def load_paths(paths: list[str], db_url: str = DEFAULT_DB, *, batch_rows: int = 1000) -> LoadSummary:
    """Load JSONL files of story, group, conflict and error records into ``db_url``.

    ``db_url`` is an SQLAlchemy URL: ``sqlite:///out/facts.db`` (the default) or
    ``postgresql://user@host:port/db`` (run with psycopg 3). Tables are created
    when missing (``SchemaError``, NF016, when they cannot be). Returns a ``LoadSummary``;
    ``summary.exit_code`` is 1 when some lines failed (they are in ``load_errors``) and 0 otherwise.
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
