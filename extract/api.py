"""The public, plain-function API the CLI calls."""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

from schemas import ErrorRecord, StoryRecord

from .errors import NewsfactsError
from .inputs import RawDoc, iter_inputs
from .pipeline import extract_items


@dataclass
class Summary:
    inputs: int = 0
    stories: int = 0
    errors: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        return (f"newsfacts: {self.inputs} inputs, {self.stories} stories, "
                f"{self.errors} errors, {self.seconds:.1f} s")


_WORKER_NLP = None


def _init_worker(model_dir: str | None) -> None:
    global _WORKER_NLP
    from .nlp import shared_nlp

    _WORKER_NLP = shared_nlp(model_dir)


def _work(args: tuple[RawDoc, date | None]) -> list[dict]:
    doc, ref = args
    return [r.model_dump(mode="json") for r in extract_items([doc], _WORKER_NLP, ref)]


def extract_paths(inputs: list[str], *, reference: date | None = None, jobs: int = 1,
                  words: bool = True, summary: Summary | None = None,
                  progress=None) -> Iterator[StoryRecord | ErrorRecord | dict]:
    """Records for every input, in input order; errors become error records."""
    summary = summary or Summary()
    from .nlp import shared_nlp

    items = list(iter_inputs(inputs))
    summary.inputs = len(items)
    model_dir = os.environ.get("NEWSFACTS_MODEL_DIR")

    def count(rec) -> None:
        kind = rec["record_type"] if isinstance(rec, dict) else rec.record_type
        if kind == "error":
            summary.errors += 1
        else:
            summary.stories += 1

    if jobs > 1 and words:
        docs = [(i, it) for i, it in enumerate(items) if isinstance(it, RawDoc)]
        results: dict[int, list] = {i: [it.record()] for i, it in enumerate(items)
                                    if isinstance(it, NewsfactsError)}
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(model_dir,)) as pool:
            for (i, _), recs in zip(docs, pool.map(_work, [(d, reference) for _, d in docs])):
                results[i] = recs
                if progress:
                    progress()
        for i in range(len(items)):
            for rec in results[i]:
                count(rec)
                yield rec
    else:
        nlp = shared_nlp(model_dir) if words else None
        for item in items:
            for rec in extract_items([item], nlp, reference):
                count(rec)
                yield rec
            if progress:
                progress()
    summary.seconds = time.perf_counter() - summary.started
