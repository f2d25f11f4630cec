"""Command line: parse arguments, call the plain functions in ``extract.api``, print a summary.

Exit status: 0 when every input was read, 1 when some failed (their error records
are written), 2 for bad arguments or a missing model, 141 (128 + SIGPIPE) when
standard output is closed early (``newsfacts extract DIR | head -1``), quietly.

Bad arguments are found before any input is read and reported as one line on
standard error with a usage code from ``extract.errors.USAGE``: NF101 ``--jobs``
out of range, NF102 ``--user-dict`` missing, not a regular file or not UTF-8
text (NF107 the same for ``NEWSFACTS_USER_DICT``), NF103 a database URL that is
neither ``sqlite:///`` nor ``postgresql://``, NF104 an output that is a folder,
block device or socket (or under a regular file), NF105 ``--batch-rows`` below 1,
NF106 anything argparse refuses (unknown option, a value of the wrong type).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from typing import Any

from .errors import ModelMissingError, usage


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {s!r}") from exc


class _Parser(argparse.ArgumentParser):
    """argparse, but a refused command line is one NF106 line on standard error (exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        m = re.match(r"argument ([^:]+): (.*)", message, re.S)
        option, reason = (m.group(1), m.group(2)) if m else (self.prog, message)
        reason = " ".join(reason.split()) + f" (see {self.prog} --help)"
        print(usage("NF106", option=option, reason=reason), file=sys.stderr)
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="newsfacts", description="Turn Chinese news text into checkable facts.")
    sub = p.add_subparsers(dest="command", required=True)
    for add in (_extract_parser, _check_parser, _load_parser, _review_parser, _export_parser):
        add(sub)
    return p


def _extract_parser(sub: Any) -> None:
    ex = sub.add_parser("extract", help="one JSON record per story (JSONL)")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files (.txt, .md), folders (recursive), .jsonl files, or - for stdin")
    ex.add_argument("-o", "--output", default="-", help="output JSONL (default: standard output)")
    ex.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                    help="date relative expressions resolve against when a story gives none")
    ex.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ex.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    ex.add_argument("--words", action="store_true", help="also write each sentence's pkuseg words")
    ex.add_argument("--user-dict", metavar="FILE",
                    help="extra words the segmenter must not split, one a line (also NEWSFACTS_USER_DICT)")
    _engine_options(ex)


def _check_parser(sub: Any) -> None:
    ck = sub.add_parser("check", help="find versions of the same story and flag where they disagree")
    ck.add_argument("inputs", nargs="+", metavar="INPUT", help="as for extract")
    ck.add_argument("-o", "--output", default="-", help="conflicts JSONL (default: standard output)")
    ck.add_argument("--groups", metavar="GROUPS.jsonl", help="write the version groups here")
    ck.add_argument("--html", metavar="REPORT.html", help="write the fact-checking desk's report here")
    ck.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help="as for extract")
    ck.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    _engine_options(ck)


def _load_parser(sub: Any) -> None:
    ld = sub.add_parser("load", help="load JSONL records (stories, conflicts, groups) into a database")
    ld.add_argument("inputs", nargs="+", metavar="FILE.jsonl")
    ld.add_argument("--db", default="sqlite:///out/facts.db", metavar="URL",
                    help="sqlite:///PATH (default sqlite:///out/facts.db) or postgresql://USER@HOST:PORT/DB")
    ld.add_argument("--batch-rows", type=int, default=1000, metavar="N",
                    help="rows written per batch (default 1000); commits fall between sources")


def _review_parser(sub: Any) -> None:
    rv = sub.add_parser("review", help="the fact-checking desk's review queue: a local web app over a loaded database")
    rv.add_argument("--db", default="sqlite:///out/facts.db", metavar="URL", help="as for load")
    rv.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1, this machine only)")
    rv.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def _export_parser(sub: Any) -> None:
    xp = sub.add_parser("export", help="story records with the reviewers' accepted readings applied (JSONL)")
    xp.add_argument("--db", default="sqlite:///out/facts.db", metavar="URL", help="as for load")
    xp.add_argument("-o", "--output", default="-", help="corrected JSONL (default: standard output)")


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local processes (default) or a Ray cluster; with ray, -o is an output folder")
    p.add_argument("--address", default=None, metavar="auto|ray://HOST:PORT",
                   help="the Ray cluster to join (default: start a local one)")


class _Progress:
    """A minimal progress line on standard error, only when it is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def __call__(self) -> None:
        self.done += 1
        sys.stderr.write(f"\rnewsfacts: {self.done}/{self.total} inputs")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def cmd_extract(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from .distributed.cli import cmd_extract_ray  # Ray is imported only here
        return cmd_extract_ray(args)
    from .api import Summary, extract_paths
    from .output import OutputError, write_jsonl

    if args.user_dict:
        os.environ["NEWSFACTS_USER_DICT"] = args.user_dict  # read by worker processes too
    summary = Summary()
    progress = None
    if sys.stderr.isatty() and not args.no_progress:
        progress = _Progress(total=0)
    try:
        records = extract_paths(args.inputs, reference_date=args.reference_date, jobs=args.jobs,
                                emit_words=args.words,
                                summary=summary, progress=progress)
        write_jsonl(records, args.output)
    except ModelMissingError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:
        return _output_failed(exc)
    if progress:
        progress.close()
    print(summary.line(), file=sys.stderr)
    return summary.exit_code


def cmd_check(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from .distributed.cli import cmd_check_ray
        return cmd_check_ray(args)
    from .api import Summary, check_paths
    from .output import OutputError, write_jsonl, write_text
    from .report.html import render

    summary = Summary()
    try:
        result = check_paths(args.inputs, reference_date=args.reference_date, jobs=args.jobs, summary=summary)
    except ModelMissingError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    try:
        write_jsonl(result.conflicts + result.errors, args.output)
        if args.groups:
            write_jsonl(result.groups, args.groups)
        if args.html:
            write_text(render(result.groups, result.conflicts), args.html)
    except OutputError as exc:
        return _output_failed(exc)
    print(f"{summary.line()}; {len(result.groups)} version groups, {len(result.conflicts)} conflicts",
          file=sys.stderr)
    return summary.exit_code


def cmd_load(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from .load import load_paths

    try:
        summary = load_paths(args.inputs, args.db, batch_rows=args.batch_rows)
    except (SQLAlchemyError, ArgumentError) as exc:
        print(f"newsfacts: cannot load into {_hide_password(args.db)}: {exc}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return summary.exit_code


def _output_failed(exc: OSError) -> int:
    """An output that turned unwritable after the arguments were checked (a race)."""
    from .inputs import display_path

    print(usage("NF104", path=display_path(getattr(exc, "path", "?")), reason=getattr(exc, "reason", exc)),
          file=sys.stderr)
    return 2


def _jobs_limit() -> int:
    """The upper bound of ``RunConfig.jobs``, so the command line and the API agree."""
    from .config import RunConfig

    for constraint in RunConfig.model_fields["jobs"].metadata:
        if getattr(constraint, "le", None) is not None:
            return int(constraint.le)
    return 64


def _word_list_problem(path: str) -> str | None:
    """Why ``path`` is not a user dictionary (a regular UTF-8 text file), or None."""
    import stat

    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            return "is a folder, not a word list"
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file"  # a pipe or device would be read once, or forever
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return exc.strerror or str(exc)
    if b"\x00" in data:
        return "a binary file, not a word list (one word a line, UTF-8)"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text ({exc.reason} at byte {exc.start}); one word a line, UTF-8"
    return None


SUPPORTED_DB = {"sqlite", "postgresql", "postgres", "postgresql+psycopg"}


def _db_problem(db_url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(db_url)
    except (ArgumentError, ValueError):
        return True
    return url.drivername not in SUPPORTED_DB or (url.drivername == "sqlite" and not db_url.startswith("sqlite:///")
                                                  and db_url != "sqlite://")


def _hide_password(db_url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL at all: nothing to hide
        return db_url


def validate(args: argparse.Namespace) -> str | None:
    """The first usage error of ``args`` as one line for standard error, or None. Reads no input."""
    from .inputs import display_path
    from .output import output_problem

    if args.command in ("extract", "check"):
        limit = _jobs_limit()
        if not 1 <= args.jobs <= limit:
            return usage("NF101", limit=limit, value=args.jobs)
        user_dict = getattr(args, "user_dict", None)
        if user_dict:
            why = _word_list_problem(user_dict)
            if why:
                return usage("NF102", path=display_path(user_dict), reason=why)
        elif os.environ.get("NEWSFACTS_USER_DICT"):
            env = os.environ["NEWSFACTS_USER_DICT"]
            why = _word_list_problem(env)
            if why:
                return usage("NF107", path=display_path(env), reason=why)
        for option in ("output", "groups", "html"):
            if option == "output" and args.engine == "ray":
                continue  # an output folder: checked by the Ray engine
            path = getattr(args, option, None)
            why = output_problem(path) if path else None
            if why:
                return usage("NF104", path=display_path(path), reason=why)
    elif args.command in ("load", "review", "export"):
        if _db_problem(args.db):
            return usage("NF103", url=_hide_password(args.db))
        if args.command == "load" and args.batch_rows < 1:
            return usage("NF105", value=args.batch_rows)
    return None


def _run(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    problem = validate(args)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if args.command == "extract":
        return cmd_extract(args)
    if args.command == "check":
        return cmd_check(args)
    if args.command == "load":
        return cmd_load(args)
    if args.command == "review":
        from .review.cli import cmd_review
        return cmd_review(args)
    if args.command == "export":
        from .review.cli import cmd_export
        return cmd_export(args)
    return 2


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as a Unix filter killed by SIGPIPE does.
        # Standard output is pointed at /dev/null so the flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
