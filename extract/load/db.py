"""Engines, write transactions and schema creation, made safe for several loads at once.

Every write transaction of the loader holds the database's one write lock from its first
statement to its end, so loads started together take turns instead of failing:

* SQLite: the transaction starts with ``BEGIN IMMEDIATE`` (pysqlite's own lazy, deferred
  ``BEGIN`` is switched off, as SQLAlchemy's documentation recommends, which also makes
  SAVEPOINTs work); a second writer waits up to the busy timeout (``DEFAULT_SQLITE_TIMEOUT``
  seconds, or ``?timeout=N`` in the URL) instead of failing with "database is locked" on a
  lock upgrade. Read transactions still start with a deferred ``BEGIN``.
* PostgreSQL: the transaction first takes ``pg_advisory_xact_lock(LOCK_KEY)``, released at
  commit or rollback (also when the client is killed).

The schema is created inside such a transaction, so a second load sees the first one's tables
(``create_all`` checks before it creates) instead of racing it to ``CREATE TABLE``; columns added
to a table since a database was made are added to it there too. Anything that still fails is
``SchemaError`` (NF016).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from ..errors import NewsfactsError
from . import tables as T

#: Seconds an SQLite writer waits for another one's transaction before it gives up.
DEFAULT_SQLITE_TIMEOUT = 600.0
#: The PostgreSQL advisory lock every loader write transaction holds ("newsfacts" in ASCII, truncated).
LOCK_KEY = 0x6E657773666163
_WRITE = "newsfacts_write"  # execution option: this connection's next transaction writes


class SchemaError(SQLAlchemyError):
    """NF016: the tables could not be created. ``error`` is the catalogue error; a subclass of
    ``SQLAlchemyError`` so that a caller catching database errors catches it too."""

    def __init__(self, url: str, reason: str) -> None:
        self.error = NewsfactsError("NF016", url, reason=reason)
        super().__init__(f"NF016 {self.error.message}")


def normalize_url(db_url: str) -> str:
    """``postgresql://`` and ``postgres://`` use the psycopg 3 driver; SQLite paths are left alone."""
    url = make_url(db_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def make_engine(db_url: str) -> Engine:
    """An engine for ``db_url``. For SQLite: the parent folder is created, foreign keys are enforced,
    writers wait for each other (busy timeout) and transactions begin as described above."""
    url = make_url(normalize_url(db_url))
    if url.get_backend_name() != "sqlite":
        return create_engine(url)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {} if "timeout" in url.query else {"timeout": DEFAULT_SQLITE_TIMEOUT}
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGIN from the driver: see _on_begin
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def begin_write(engine: Engine) -> Connection:
    """A connection in a new transaction that holds the database's write lock (see the module)."""
    conn = engine.connect()
    try:
        conn.execution_options(**{_WRITE: True})
        conn.begin()
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """``begin_write`` as a block: commits at its end, rolls back on an exception."""
    conn = begin_write(engine)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()  # rolls back what was not committed


def _add_missing_columns(conn: Connection) -> None:
    """Add the nullable columns a database made by an older version lacks (``ALTER TABLE``; the
    names and types come from ``tables``, never from input)."""
    have = inspect(conn)
    prep = conn.dialect.identifier_preparer
    for table in T.metadata.sorted_tables:
        existing = {c["name"] for c in have.get_columns(table.name)}
        for col in table.columns:
            if col.name not in existing and col.nullable and not col.primary_key:
                conn.exec_driver_sql(f"ALTER TABLE {prep.format_table(table)} ADD COLUMN "
                                     f"{prep.format_column(col)} {col.type.compile(dialect=conn.dialect)}")


def create_schema(engine: Engine) -> None:
    """Create the tables and indexes that do not exist yet; ``SchemaError`` (NF016) when that fails.
    A database that cannot be reached at all raises the driver's error as it is."""
    engine.connect().close()
    try:
        with write_transaction(engine) as conn:
            T.metadata.create_all(conn)
            _add_missing_columns(conn)
    except SQLAlchemyError as exc:
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        raise SchemaError(engine.url.render_as_string(hide_password=True), reason) from exc
