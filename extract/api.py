"""The public, plain-function API the CLI calls."""
from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterator

from schemas import Conflict, ErrorRecord, Group, StoryRecord

from .config import RunConfig
from .errors import NewsfactsError
from .inputs import Item, RawDoc, iter_inputs
from .pipeline import extract_items

if TYPE_CHECKING:   # the worker pool's modules are imported when there is a pool (start-up: issue 11)
    from concurrent.futures import Future, ProcessPoolExecutor


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
    from concurrent.futures.process import BrokenProcessPool

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
    run = _PoolRun(jobs, model_dir, reference, emit, summary)
    queue = deque(docs)
    suspects: list[tuple[int, RawDoc]] = []
    while queue:
        with run.pool(jobs) as ex:
            yield from run.drain(ex, queue, suspects)
    yield from run.retry(suspects)


class _PoolRun:
    """The settings of one ``_pooled`` run, and its two stages: the pool, then the retries."""

    def __init__(self, jobs: int, model_dir: str | None, reference: date | None, emit: bool,
                 summary: Summary) -> None:
        self.jobs, self.model_dir, self.reference, self.emit, self.summary = jobs, model_dir, reference, emit, summary

    def pool(self, n: int) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=n, initializer=_init_worker, initargs=(self.model_dir,))

    def submit(self, ex: ProcessPoolExecutor, d: RawDoc) -> Future:
        return ex.submit(_work, (d, self.reference, self.emit))

    def drain(self, ex: ProcessPoolExecutor, queue: deque[tuple[int, RawDoc]],
              suspects: list[tuple[int, RawDoc]]) -> Iterator[tuple[int, list[StoryRecord | ErrorRecord]]]:
        """(index, records) from the pool ``ex`` as documents finish, taking them from ``queue``. When the
        pool breaks the documents in flight join ``suspects`` and the drain stops (``queue`` keeps the rest)."""
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        window = 4 * self.jobs  # documents in flight: bounds what a death costs and what waits in memory
        inflight = {}
        while queue or inflight:
            try:
                while queue and len(inflight) < window:
                    inflight[self.submit(ex, queue[0][1])] = queue[0]
                    queue.popleft()   # a pool that broke since the last wait refuses the submit: it stays queued
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for fut in done:
                    i, d = inflight.pop(fut)
                    try:
                        recs = _records(fut, d)
                    except BrokenProcessPool:
                        inflight[fut] = (i, d)
                        raise
                    yield i, recs
            except BrokenProcessPool:
                self.summary.worker_deaths += 1
                suspects += inflight.values()
                return

    def retry(self, suspects: list[tuple[int, RawDoc]]) -> Iterator[tuple[int, list[StoryRecord | ErrorRecord]]]:
        """Each suspect, in input order, alone in a single fresh worker; NF013 when it kills that one too."""
        from concurrent.futures.process import BrokenProcessPool

        ex = None
        for i, d in sorted(suspects, key=lambda x: x[0]):
            self.summary.retried += 1
            ex = ex or self.pool(1)
            try:
                yield i, _records(self.submit(ex, d), d)
            except BrokenProcessPool:
                self.summary.worker_deaths += 1
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
    summary = summary if summary is not None else Summary()
    model_dir = os.environ.get("NEWSFACTS_MODEL_DIR")
    summary.inputs += len(items)
    if progress is not None and hasattr(progress, "total"):
        progress.total = len(items)
    if config.jobs > 1 and config.words:
        ordered = _pooled_in_order(items, config, model_dir, summary, progress)
    else:
        ordered = _in_process(items, config, model_dir, progress)
    for rec in ordered:
        summary.count(rec)
        yield rec
    summary.seconds = time.perf_counter() - summary.started


def _pooled_in_order(items: list[Item], config: RunConfig, model_dir: str | None, summary: Summary,
                     progress: Callable[[], None] | None) -> Iterator[StoryRecord | ErrorRecord]:
    """``items``' records from ``config.jobs`` worker processes, in input order."""
    from .nlp import require_model

    require_model(model_dir)  # fail once, here, rather than in every worker
    results: dict[int, list] = {i: [it.record()] for i, it in enumerate(items)
                                if isinstance(it, NewsfactsError)}
    docs = [(i, it) for i, it in enumerate(items) if isinstance(it, RawDoc)]
    nxt = 0
    for i, recs in _pooled(docs, config.jobs, model_dir, config.reference_date, config.emit_words, summary):
        results[i] = recs
        if progress:
            progress()
        while nxt in results:  # input order, as soon as it is known
            yield from results.pop(nxt)
            nxt += 1


def _in_process(items: list[Item], config: RunConfig, model_dir: str | None,
                progress: Callable[[], None] | None) -> Iterator[StoryRecord | ErrorRecord]:
    """``items``' records extracted in this process, one input after another."""
    from .nlp import shared_nlp

    nlp = shared_nlp(model_dir) if config.words else None
    for item in items:
        yield from extract_items([item], nlp, config.reference_date, config.emit_words and config.words)
        if progress:
            progress()


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
    from .crosscheck.records import record_files

    summary = summary if summary is not None else Summary()
    got = _CheckInputs(summary, kw)
    for spec in inputs:
        files = record_files(spec) if spec != "-" else None
        if files is None:
            got.pending.append(spec)
            continue
        got.extract_pending()
        got.read(files)
    got.extract_pending()
    groups, conflicts = check_records(got.stories, got.raws)
    summary.seconds = time.perf_counter() - summary.started
    return CheckResult(groups, conflicts, got.errors, got.stories)


class _CheckInputs:
    """What ``check_paths`` has read so far: story and error records, and the raw texts they point into."""

    def __init__(self, summary: Summary, kw: dict) -> None:
        from .crosscheck.records import RawTexts

        self.summary, self.kw = summary, kw
        self.raws: dict = {}
        self.stories: list[StoryRecord] = []
        self.errors: list[ErrorRecord] = []
        self.pending: list[str] = []  # raw inputs, extracted together (one worker pool)
        self.texts = RawTexts()

    def extract_pending(self) -> None:
        """Extract the raw inputs waiting, if any."""
        if not self.pending:
            return
        items = list(iter_inputs(self.pending))
        self.raws.update({(it.path, it.doc_id): it.text for it in items if isinstance(it, RawDoc)})
        for rec in extract_from_items(items, summary=self.summary, **self.kw):
            (self.errors if rec.record_type == "error" else self.stories).append(rec)
        self.pending.clear()

    def read(self, files: list) -> None:
        """Read the records of a record input's files, and the raw texts of their sources."""
        from .crosscheck.records import read_records, with_raw

        recs = [r for f in files for r in read_records(f)]
        got, found, errs = with_raw(recs, self.texts)
        self.summary.inputs += len({(r.source.path, r.source.doc_id) for r in got}) + len(errs)
        self.summary.errors += len(errs)
        self.summary.stories += len(got)
        self.stories += got
        self.raws.update(found)
        self.errors += errs
