"""The public, plain-function API the CLI calls."""
from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
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
    worker_deaths: int = 0
    retried: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        deaths = (f", {self.worker_deaths} worker processes died ({self.retried} inputs retried)"
                  if self.worker_deaths else "")
        return (f"newsfacts: {self.inputs} inputs, {self.stories} stories, "
                f"{self.errors} errors{deaths}, {self.seconds:.1f} s")

    @property
    def exit_code(self) -> int:
        """0 when every input was extracted cleanly, 1 when anything failed or had to be retried."""
        return 1 if self.errors or self.worker_deaths else 0

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


def _records(fut: Future, doc: RawDoc) -> list[StoryRecord | ErrorRecord]:
    """A finished worker task's records; NF009 for an error other than a dead pool (which is raised)."""
    try:
        return [_revive(r) for r in fut.result()]
    except BrokenProcessPool:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
        return [doc.error("NF009", reason=f"{type(exc).__name__}: {exc}").record()]


def _pooled(docs: list[tuple[int, RawDoc]], jobs: int, model_dir: str | None, reference: date | None,
            emit: bool, summary: Summary) -> Iterator[tuple[int, list[StoryRecord | ErrorRecord]]]:
    """(index, records) for every document, from ``jobs`` worker processes, in any order.

    A worker that dies (killed, out of memory, a crash in native code) breaks the pool and
    every document in flight with it. Those documents are retried one at a time in a fresh
    single worker, so a document that kills its worker again is named: it becomes an NF013
    error record. Nothing is lost and nothing is written twice."""
    def pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, initializer=_init_worker, initargs=(model_dir,))

    queue = deque(docs)
    suspects: list[tuple[int, RawDoc]] = []
    window = 4 * jobs  # documents in flight: bounds what a death costs and what waits in memory
    while queue:
        with pool(jobs) as ex:
            inflight = {}
            while queue or inflight:
                while queue and len(inflight) < window:
                    i, d = queue.popleft()
                    inflight[ex.submit(_work, (d, reference, emit))] = (i, d)
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                try:
                    for fut in done:
                        i, d = inflight.pop(fut)
                        try:
                            recs = _records(fut, d)
                        except BrokenProcessPool:
                            inflight[fut] = (i, d)
                            raise
                        yield i, recs
                except BrokenProcessPool:
                    summary.worker_deaths += 1
                    suspects += inflight.values()
                    break
    ex = None
    for i, d in sorted(suspects, key=lambda x: x[0]):
        summary.retried += 1
        ex = ex or pool(1)
        try:
            yield i, _records(ex.submit(_work, (d, reference, emit)), d)
        except BrokenProcessPool:
            summary.worker_deaths += 1
            yield i, [d.error("NF013", reason="the input was retried alone and its worker died again").record()]
            ex.shutdown(wait=True)
            ex = None
    if ex is not None:
        ex.shutdown(wait=True)


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
        from .nlp import require_model

        require_model(model_dir)  # fail once, here, rather than in every worker
        results: dict[int, list] = {i: [it.record()] for i, it in enumerate(items)
                                    if isinstance(it, NewsfactsError)}
        docs = [(i, it) for i, it in enumerate(items) if isinstance(it, RawDoc)]

        def gen():
            nxt = 0
            for i, recs in _pooled(docs, jobs, model_dir, reference, emit, summary):
                results[i] = recs
                if progress:
                    progress()
                while nxt in results:  # input order, as soon as it is known
                    yield from results.pop(nxt)
                    nxt += 1
        ordered = gen()
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
    """Find the versions of each story among the inputs and compare them.

    Raw inputs (files, folders, JSONL documents) are extracted first; story-record JSONL
    (``newsfacts extract`` output) and Ray output folders are read as records, their raw texts
    read again from the sources they name (extract/crosscheck/records.py). Records keep input
    order, so ``check out/facts.jsonl`` finds what ``check`` of the same inputs finds."""
    from .crosscheck import check_records
    from .crosscheck.records import RawTexts, read_records, record_files, with_raw

    summary = summary if summary is not None else Summary()
    raws: dict = {}
    stories: list[StoryRecord] = []
    errors: list[ErrorRecord] = []
    pending: list[str] = []  # raw inputs, extracted together (one worker pool)

    def extract_pending() -> None:
        items = list(iter_inputs(pending))
        raws.update({(it.path, it.doc_id): it.text for it in items if isinstance(it, RawDoc)})
        for rec in extract_from_items(items, summary=summary, **kw):
            (errors if rec.record_type == "error" else stories).append(rec)
        pending.clear()

    texts = RawTexts()
    for spec in inputs:
        files = record_files(spec) if spec != "-" else None
        if files is None:
            pending.append(spec)
            continue
        if pending:
            extract_pending()
        recs = [r for f in files for r in read_records(f)]
        got, found, errs = with_raw(recs, texts)
        summary.inputs += len({(r.source.path, r.source.doc_id) for r in got}) + len(errs)
        summary.errors += len(errs)
        summary.stories += len(got)
        stories += got
        raws.update(found)
        errors += errs
    if pending:
        extract_pending()
    groups, conflicts = check_records(stories, raws)
    summary.seconds = time.perf_counter() - summary.started
    return CheckResult(groups, conflicts, errors, stories)
