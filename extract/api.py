"""The public, plain-function API the CLI calls."""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from .config import RunConfig
from .errors import NewsfactsError
from .inputs import Item, RawDoc, iter_inputs
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

    def count(self, rec: StoryRecord | ErrorRecord) -> None:
        if rec.record_type == "error":
            self.errors += 1
        else:
            self.stories += 1


_WORKER_NLP = None


def _init_worker(model_dir: str | None) -> None:
    global _WORKER_NLP
    from .nlp import shared_nlp

    _WORKER_NLP = shared_nlp(model_dir)


def _work(args: tuple[RawDoc, date | None, bool]) -> list[dict]:
    doc, ref, emit = args
    return [r.model_dump(mode="json") for r in extract_items([doc], _WORKER_NLP, ref, emit)]


def _revive(d: dict) -> StoryRecord | ErrorRecord:
    return ErrorRecord.model_validate(d) if d["record_type"] == "error" else StoryRecord.model_validate(d)


def extract_from_items(items: list[Item], config: RunConfig | None = None, *, summary: Summary | None = None,
                       progress: Callable[[], None] | None = None, **options) -> Iterator[StoryRecord | ErrorRecord]:
    """Records for already-read inputs, in input order.

    ``config`` (or the same fields as keyword ``options``: reference_date, jobs, words)
    says how to run; see ``extract.config.RunConfig``.
    """
    config = config or RunConfig(**options)
    reference, jobs, words, emit = config.reference_date, config.jobs, config.words, config.emit_words
    summary = summary if summary is not None else Summary()
    model_dir = os.environ.get("NEWSFACTS_MODEL_DIR")
    summary.inputs += len(items)
    if progress is not None and hasattr(progress, "total"):
        progress.total = len(items)
    if jobs > 1 and words:
        docs = [(i, it) for i, it in enumerate(items) if isinstance(it, RawDoc)]
        results: dict[int, list] = {i: [it.record()] for i, it in enumerate(items)
                                    if isinstance(it, NewsfactsError)}
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model_dir,)) as pool:
            for (i, _), recs in zip(docs, pool.map(_work, [(d, reference, emit) for _, d in docs])):
                results[i] = [_revive(r) for r in recs]
                if progress:
                    progress()
        ordered = (rec for i in range(len(items)) for rec in results[i])
    else:
        from .nlp import shared_nlp

        nlp = shared_nlp(model_dir) if words else None

        def gen():
            for item in items:
                yield from extract_items([item], nlp, reference, emit and words)
                if progress:
                    progress()
        ordered = gen()
    for rec in ordered:
        summary.count(rec)
        yield rec
    summary.seconds = time.perf_counter() - summary.started


def extract_paths(inputs: list[str], **kw) -> Iterator[StoryRecord | ErrorRecord]:
    """Records for every input (files, folders, JSONL, '-'); errors become error records."""
    return extract_from_items(list(iter_inputs(inputs)), **kw)


@dataclass
class CheckResult:
    groups: list[Group]
    conflicts: list[Conflict]
    errors: list[ErrorRecord]
    stories: list[StoryRecord]


def check_paths(inputs: list[str], *, summary: Summary | None = None, **kw) -> CheckResult:
    """Extract every input, find the versions of each story and compare them."""
    from .crosscheck import check_records

    items = list(iter_inputs(inputs))
    raws = {(it.path, it.doc_id): it.text for it in items if isinstance(it, RawDoc)}
    stories: list[StoryRecord] = []
    errors: list[ErrorRecord] = []
    for rec in extract_from_items(items, summary=summary, **kw):
        (errors if rec.record_type == "error" else stories).append(rec)
    groups, conflicts = check_records(stories, raws)
    return CheckResult(groups, conflicts, errors, stories)
