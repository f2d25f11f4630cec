"""A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, start it on a
free local port, hand out fresh databases, stop it and delete the folder afterwards.

As root, initdb refuses to run, so the server runs as the ``postgres`` OS user (``runuser``)
in a folder owned by that user. When no server binaries exist (run
``scripts/ensure_postgres.sh`` to install them) ``PgCluster.start`` raises ``PgUnavailable``
and the tests skip with its message.

Also the loader tests' fixtures (``pg_cluster``, ``db_url``: one SQLite file and one PostgreSQL
database per test) and helpers that read a loaded database back (``counts``, ``snapshot``, ``query``).
"""
from __future__ import annotations

import atexit
import json
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from extract.load import make_engine
from extract.load import tables as T


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be started here."""


def find_bin(name: str) -> str | None:
    """``name`` on PATH, or in Debian's /usr/lib/postgresql/<version>/bin (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if os.access(os.path.join(d, name), os.X_OK):
            return os.path.join(d, name)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """One running cluster; ``url()`` gives the URL of a new, empty database on it."""

    def __init__(self) -> None:
        self.root: Path | None = None
        self.port = 0
        self._prefix: list[str] = []
        self._pg_ctl = ""
        self._n = itertools.count(1)

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self._prefix, *args], capture_output=True, text=True, timeout=120)

    def start(self) -> "PgCluster":
        initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise PgUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                                "run scripts/ensure_postgres.sh to install them")
        self._pg_ctl = pg_ctl
        self.root = Path(tempfile.mkdtemp(prefix="newsfacts-pg-"))
        atexit.register(self.stop)  # also when the test session ends without running the fixture's teardown
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise PgUnavailable("running as root and there is no 'postgres' user to run initdb as") from None
            runuser = shutil.which("runuser")
            if not runuser:
                raise PgUnavailable("running as root and runuser is missing")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._prefix = [runuser, "-u", "postgres", "--"]
        data = self.root / "data"
        r = self._run(initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C")
        if r.returncode:
            self.stop()
            raise PgUnavailable(f"initdb failed: {r.stderr.strip()[-500:]}")
        for _ in range(3):
            self.port = free_port()
            opts = f"-p {self.port} -k {self.root} -h 127.0.0.1 -F"
            r = self._run(pg_ctl, "-D", str(data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                          "-o", opts, "start")
            if r.returncode == 0:
                return self
        log = (self.root / "server.log").read_text(errors="replace")[-800:] if (self.root / "server.log").exists() else ""
        self.stop()
        raise PgUnavailable(f"pg_ctl start failed: {r.stderr.strip()[-300:]} {log}")

    def url(self, dbname: str | None = None) -> str:
        """A new empty database (or the ``postgres`` one when ``dbname == 'postgres'``)."""
        if dbname == "postgres":
            return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        import psycopg

        name = dbname or f"t{os.getpid()}_{next(self._n)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.root is None:
            return
        if (self.root / "data" / "postmaster.pid").exists():
            self._run(self._pg_ctl, "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None


_SHARED: PgCluster | PgUnavailable | None = None


def shared_cluster() -> PgCluster:
    """One cluster for the whole test session, started on first use (stopped at exit); raises
    ``PgUnavailable`` (every time) when none can be started."""
    global _SHARED
    if _SHARED is None:
        try:
            _SHARED = PgCluster().start()
        except PgUnavailable as exc:
            _SHARED = exc
    if isinstance(_SHARED, PgUnavailable):
        raise _SHARED
    return _SHARED


# --------------------------------------------------------------------------- fixtures and helpers

@pytest.fixture(scope="session")
def pg_cluster() -> PgCluster:
    try:
        return shared_cluster()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: an SQLite file in a folder that does not exist yet, or a PostgreSQL one."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sub' / 'facts.db'}"
    return request.getfixturevalue("pg_cluster").url()


def expected_counts(*paths: Path) -> dict[str, int]:
    """Row counts per table, computed from the JSONL itself (not by the loader's code)."""
    n = {t.name: 0 for t in T.INSERT_ORDER}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d["record_type"] == "story":
                n["stories"] += 1
                for key in ("paragraphs", "sentences", "furniture", "officials", "organizations", "dates", "events", "claims"):
                    n[key] += len(d[key])
                n["positions"] += sum(len(o["positions"]) for o in d["officials"])
                n["mentions"] += sum(len(x["mentions"]) for x in d["officials"] + d["organizations"])
                n["event_officials"] += sum(len(e["officials"]) for e in d["events"])
            elif d["record_type"] == "group":
                n["groups"] += 1
                n["group_members"] += len(d["members"])
            elif d["record_type"] == "conflict":
                n["conflicts"] += 1
                n["readings"] += len(d["readings"])
            elif d["record_type"] == "error":
                n["extract_errors"] += 1
    return n


def counts(url: str) -> dict[str, int]:
    """Rows per table."""
    engine = make_engine(url)
    with engine.connect() as conn:
        out = {t.name: conn.execute(select(text("count(*)")).select_from(t)).scalar_one() for t in T.INSERT_ORDER}
    engine.dispose()
    return out


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in key order."""
    engine = make_engine(url)
    with engine.connect() as conn:
        out = {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
               for t in T.INSERT_ORDER}
    engine.dispose()
    return out


def query(url: str, sql: str, **params) -> list[tuple]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(text(sql), params)]
    engine.dispose()
    return rows
