"""Lexical cohesion at every soft story boundary of a page, to tune the story splitter.

For each candidate boundary (a headline group in running text, or the piece after an end
marker) prints its first words, the cohesion score and whether it is a hard start. The
thresholds in extract/text/stories.py (0.03 in running text, 0.05 after an end marker)
sit between the seeds' section continuations (0.05 and up) and their story changes
(0.01 and below).

    .venv/bin/python bench/trace_cohesion.py fixtures/seeds/*.txt
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.text.stories import cohesion_trace  # noqa: E402


def main() -> None:
    for name in sys.argv[1:]:
        print(f"== {name}")
        for head, first, score, hard, has_heads in cohesion_trace(Path(name).read_text(encoding="utf-8")):
            kind = "hard" if hard else ("head" if has_heads else "after end")
            print(f"  {score:6.3f}  {kind:9}  {head} | {first}")


if __name__ == "__main__":
    main()
