"""A throw-away PostgreSQL cluster for the tests: initdb into a temporary folder, start it on a
free local port, hand out fresh databases, stop it and delete the folder afterwards.

As root, initdb refuses to run, so the server runs as the ``postgres`` OS user (``runuser``)
in a folder owned by that user. When no server binaries exist (run
``scripts/ensure_postgres.sh`` to install them) ``PgCluster.start`` raises ``PgUnavailable``
and the tests skip with its message.
"""
from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


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
