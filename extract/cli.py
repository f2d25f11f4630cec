"""Command line: parse arguments, call the plain functions in ``extract.api``, print a summary.

Exit status: 0 when every input was read, 1 when some failed (their error records
are written), 2 for bad arguments or a missing model.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from .errors import ModelMissingError


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {s!r}") from exc


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsfacts", description="Turn Chinese news text into checkable facts.")
    sub = p.add_subparsers(dest="command", required=True)
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

    ck = sub.add_parser("check", help="find versions of the same story and flag where they disagree")
    ck.add_argument("inputs", nargs="+", metavar="INPUT", help="as for extract")
    ck.add_argument("-o", "--output", default="-", help="conflicts JSONL (default: standard output)")
    ck.add_argument("--groups", metavar="GROUPS.jsonl", help="write the version groups here")
    ck.add_argument("--html", metavar="REPORT.html", help="write the fact-checking desk's report here")
    ck.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help="as for extract")
    ck.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")

    ld = sub.add_parser("load", help="load JSONL records (stories, conflicts, groups) into a database")
    ld.add_argument("inputs", nargs="+", metavar="FILE.jsonl")
    ld.add_argument("--db", default="sqlite:///out/facts.db", metavar="URL",
                    help="sqlite:///PATH (default sqlite:///out/facts.db) or postgresql://USER@HOST:PORT/DB")
    ld.add_argument("--batch-rows", type=int, default=1000, metavar="N",
                    help="rows per transaction (default 1000)")
    return p


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
    from .api import Summary, extract_paths
    from .output import write_jsonl

    if args.jobs < 1:
        print("newsfacts: --jobs must be at least 1", file=sys.stderr)
        return 2
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
    if progress:
        progress.close()
    print(summary.line(), file=sys.stderr)
    return 1 if summary.errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    from .api import Summary, check_paths
    from .output import write_jsonl, write_text
    from .report.html import render

    if args.jobs < 1:
        print("newsfacts: --jobs must be at least 1", file=sys.stderr)
        return 2
    summary = Summary()
    try:
        result = check_paths(args.inputs, reference_date=args.reference_date, jobs=args.jobs, summary=summary)
    except ModelMissingError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    write_jsonl(result.conflicts + result.errors, args.output)
    if args.groups:
        write_jsonl(result.groups, args.groups)
    if args.html:
        write_text(render(result.groups, result.conflicts), args.html)
    print(f"{summary.line()}; {len(result.groups)} version groups, {len(result.conflicts)} conflicts",
          file=sys.stderr)
    return 1 if summary.errors else 0


def cmd_load(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from .load import load_paths

    if args.batch_rows < 1:
        print("newsfacts: --batch-rows must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = load_paths(args.inputs, args.db, batch_rows=args.batch_rows)
    except (SQLAlchemyError, ArgumentError) as exc:
        print(f"newsfacts: cannot load into {args.db}: {exc}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return summary.exit_code


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "extract":
        return cmd_extract(args)
    if args.command == "check":
        return cmd_check(args)
    if args.command == "load":
        return cmd_load(args)
    return 2
