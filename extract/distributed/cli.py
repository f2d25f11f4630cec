"""The ``--engine ray`` commands (called from extract/cli.py; Ray is imported here only)."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import ModelMissingError, usage
from ..inputs import display_path


def _ray_problem() -> str | None:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


def _prepare(args: argparse.Namespace) -> int | None:
    """Exit status 2 with one usage line when Ray or the output folder is unusable, else None."""
    why = _ray_problem()
    if why:
        print(usage("NF108", reason=why), file=sys.stderr)
        return 2
    from .engine import output_folder_problem

    if args.output in (None, "-"):
        print(usage("NF104", path="-", reason="with --engine ray, -o names an output folder"), file=sys.stderr)
        return 2
    why = output_folder_problem(args.output)
    if why:
        print(usage("NF104", path=display_path(args.output), reason=why), file=sys.stderr)
        return 2
    return None


def cmd_extract_ray(args: argparse.Namespace) -> int:
    bad = _prepare(args)
    if bad is not None:
        return bad
    from ..api import Summary
    from ..nlp import require_model
    from . import engine
    from .extract import run

    if args.user_dict:
        os.environ["NEWSFACTS_USER_DICT"] = os.path.abspath(args.user_dict)
    try:
        require_model(os.environ.get("NEWSFACTS_MODEL_DIR"))  # once, here, not in every actor
    except ModelMissingError as exc:
        print(f"newsfacts: {exc}", file=sys.stderr)
        return 2
    summary = Summary()
    engine.connect(args.address, engine.worker_env())
    manifest = run(args.inputs, args.output, reference=args.reference_date, emit_words=args.words,
                   summary=summary)
    retried = f", {summary.retried} inputs retried alone" if summary.retried else ""
    print(f"{summary.line()}; {len(manifest['shards'])} shards in {display_path(args.output)}{retried}",
          file=sys.stderr)
    return summary.exit_code


def cmd_check_ray(args: argparse.Namespace) -> int:
    bad = _prepare(args)
    if bad is not None:
        return bad
    from ..api import Summary
    from ..crosscheck.records import record_files
    from . import engine
    from .check import run

    files: list[str] = []
    for spec in args.inputs:
        got = record_files(spec) if spec != "-" else None
        if got is None:
            print(usage("NF106", option=display_path(spec),
                        reason="--engine ray checks extracted records: a folder written by "
                               "`newsfacts extract --engine ray -o OUT/`, or story-record JSONL"), file=sys.stderr)
            return 2
        files += got
    summary = Summary()
    engine.connect(args.address, engine.worker_env())
    manifest = run(files, args.output, groups_file=args.groups, html_file=args.html, summary=summary)
    print(f"{summary.line()}; {manifest['groups_count']} version groups, {manifest['conflicts']} conflicts "
          f"in {display_path(args.output)}", file=sys.stderr)
    return summary.exit_code
