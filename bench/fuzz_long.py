"""The long fuzz profile (issue 9): every property of tests/test_fuzz.py with many examples.

    .venv/bin/python bench/fuzz_long.py [--examples 10000] [-k dates]

Runs pytest on tests/test_fuzz.py with NEWSFACTS_FUZZ_EXAMPLES set (the whole-pipeline property
runs a fifth of that, since each example segments with pkuseg) and random, not derandomised,
examples; prints hypothesis' statistics (examples run per property, time per example).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("-k", default=None, help="only the properties matching this pytest expression")
    a = ap.parse_args()
    env = dict(os.environ, NEWSFACTS_FUZZ_EXAMPLES=str(a.examples))
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py",
           "--hypothesis-show-statistics", "-x"]
    if a.k:
        cmd += ["-k", a.k]
    return subprocess.call(cmd, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
