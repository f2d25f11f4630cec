"""``newsfacts review`` and ``newsfacts export``: open the database, then serve or write.

Both need a database the loader made from ``check`` output: without a ``conflicts`` table they stop
with NF109 (exit 2) before anything is created. ``review`` over an empty conflicts table warns with
NF018 and serves anyway (the queue fills once ``load`` runs).
"""
from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from ..errors import NewsfactsError, usage


def _open(db_url: str):
    """The engine for a review database, or an exit status after one line on standard error."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from ..cli import _hide_password
    from ..load.db import make_engine
    from .store import NoConflictsTable, open_database

    shown = _hide_password(db_url)
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and (not url.database or not Path(url.database).is_file()):
        print(usage("NF109", url=shown), file=sys.stderr)  # and do not create an empty file
        return 2
    engine = make_engine(db_url)
    try:
        open_database(engine)
    except NoConflictsTable:
        engine.dispose()
        print(usage("NF109", url=shown), file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        print(f"newsfacts: cannot open {shown}: {reason}", file=sys.stderr)
        return 2
    return engine


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def cmd_review(args: argparse.Namespace) -> int:
    import uvicorn

    from ..cli import _hide_password
    from .app import LOOPBACK_HOSTS, create_app
    from .store import count_conflicts

    engine = _open(args.db)
    if isinstance(engine, int):
        return engine
    n = count_conflicts(engine)
    if n == 0:
        err = NewsfactsError("NF018", _hide_password(args.db),
                             reason="the conflicts table is empty; load `check` output with `newsfacts load`")
        print(f"newsfacts: {err}", file=sys.stderr)
    app = create_app(args.db, engine=engine, allowed_hosts=LOOPBACK_HOSTS if _loopback(args.host) else None)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"newsfacts: {n} conflicts; the review desk is at http://{host}:{args.port}/ (Ctrl-C stops it)",
          file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        engine.dispose()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..cli import _output_failed
    from ..inputs import display_path
    from ..output import OutputError, output_problem, write_jsonl
    from .export import ExportSummary, export_records

    why = output_problem(args.output)
    if why:
        print(usage("NF104", path=display_path(args.output), reason=why), file=sys.stderr)
        return 2
    engine = _open(args.db)
    if isinstance(engine, int):
        return engine
    summary = ExportSummary()
    try:
        write_jsonl(export_records(engine, summary), args.output)
    except OutputError as exc:
        return _output_failed(exc)
    finally:
        engine.dispose()
    print(summary.line(), file=sys.stderr)
    return 0
