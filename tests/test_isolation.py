"""Isolation below the document (issue 9, item 2): a failing extractor costs only its own facts,
a dead worker costs nothing, and a story longer than spaCy's limit is still extracted (F4, F17)."""
from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

import extract.facts.claims as claims_mod
import extract.facts.dates as dates_mod
import extract.pipeline as pipeline
from extract.api import Summary, extract_from_items
from extract.inputs import RawDoc, iter_inputs
from extract.pipeline import extract_items

from .conftest import ROOT, SEEDS, seed_text

FORK = multiprocessing.get_start_method() == "fork"


def _boom(*_args, **_kw):
    raise RuntimeError("planted failure")


@pytest.mark.parametrize("target, attr, extractor, lost", [
    # claims runs third: the officials and organisations before it and the dates after it must stay
    (claims_mod, "find_claims", "claims", "claims"),
    # events reads dates: when dates fail, events still runs and sees no dates (so finds none)
    (dates_mod, "find_dates", "dates", "dates"),
])
def test_one_failing_extractor_keeps_the_story_and_other_facts(nlp, monkeypatch, target, attr, extractor, lost):
    doc = RawDoc(path="fixtures/seeds/002.txt", doc_id="002.txt", text=seed_text("002"))
    clean = [r for r in extract_items([doc], nlp) if r.record_type == "story"]
    monkeypatch.setattr(target, attr, _boom)
    recs = list(extract_items([doc], nlp))
    stories = [r for r in recs if r.record_type == "story"]
    errors = [r for r in recs if r.record_type == "error"]
    assert [s.story_id for s in stories] == [s.story_id for s in clean]
    assert [(e.code, e.extractor, e.path, e.doc_id) for e in errors] == [
        ("NF012", extractor, doc.path, doc.doc_id)] * len(stories)
    assert {e.story_id for e in errors} == {s.story_id for s in stories}
    assert "planted failure" in errors[0].message
    for s, c in zip(stories, clean):
        assert getattr(s, lost) == []
        for kind in {"officials", "organizations", "claims", "dates"} - {lost}:
            assert getattr(s, kind) == getattr(c, kind), kind


def test_failing_reference_date_keeps_the_story(nlp, monkeypatch):
    """The reference date is no extractor of facts, but one bad dateline must not cost the story."""
    monkeypatch.setattr(dates_mod, "reference_date", _boom)
    doc = RawDoc(path="p", doc_id="d", text=seed_text("002"))
    recs = list(extract_items([doc], nlp))
    (story,) = [r for r in recs if r.record_type == "story"]
    assert story.reference_date.source == "none" and story.officials
    assert [(e.code, e.extractor) for e in recs if e.record_type == "error"] == [("NF012", "reference_date")]


def test_summary_counts_extractor_failures(nlp, monkeypatch):
    monkeypatch.setattr(claims_mod, "find_claims", _boom)
    summary = Summary()
    items = [RawDoc(path="a", doc_id="a", text=seed_text("002"))]
    recs = list(extract_from_items(items, summary=summary))
    assert summary.stories == 1 and summary.errors == 1 and summary.exit_code == 1
    assert len(recs) == 2


def test_error_record_of_a_jsonl_document_names_its_line(nlp, monkeypatch, tmp_path):
    """F4: an error about the second document of a JSONL file says line 2, not null."""
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "新华社北京12月25日电 今天开会。"}\n{"id": "b", "text": "今天开会。"}\n',
                 encoding="utf-8")
    real = pipeline.extract_doc
    monkeypatch.setattr(pipeline, "extract_doc", lambda d, *a, **k: _boom() if d.doc_id == "b" else real(d, *a, **k))
    recs = list(extract_items(iter_inputs([str(f)]), nlp))
    (err,) = [r for r in recs if r.record_type == "error"]
    assert (err.code, err.line, err.doc_id) == ("NF009", 2, "b")
    (story,) = [r for r in recs if r.record_type == "story"]
    assert story.source.line == 1


def test_story_longer_than_spacy_limit_is_cut_at_sentences(nlp):
    """F4: spaCy refuses a text over nlp.max_length (E088); the body is run in pieces cut at
    sentence ends, and the facts of every piece point at the right raw offsets."""
    sentence = "国务院总理李强主持召开国务院常务会议，会议指出全年粮食产量达13908亿斤。"
    text = "新华社北京12月25日电 " + sentence * 120  # about 4,400 characters, one paragraph
    old = nlp.max_length
    nlp.max_length = 1000
    try:
        recs = list(extract_items([RawDoc(path="big", doc_id="big", text=text)], nlp))
    finally:
        nlp.max_length = old
    assert [r.record_type for r in recs] == ["story"]
    story = recs[0]
    claims = [c for c in story.claims if c.text == "13908亿斤"]
    assert len(claims) == 120
    assert all(text[c.start:c.end] == c.text for c in claims)
    assert all(text[o.start:o.end] == o.text for o in story.officials)
    assert {o.name for o in story.officials} == {"李强"}


@pytest.mark.parametrize("limit, text, expect", [
    # sentence ends close enough: cut after the last one inside the limit
    (10, "一二三。四五六七。八九十一二三。", [(0, 9), (9, 16)]),
    # no sentence end at all (an unpunctuated dump): hard cuts at the limit
    (4, "一二三四五六七八九十", [(0, 4), (4, 8), (8, 10)]),
    # short text: one piece
    (100, "一二三。", [(0, 4)]),
])
def test_pieces(limit, text, expect):
    from extract.text.sentences import split_sentences
    from schemas import Sentence

    sents = [Sentence(start=s, end=e, text=text[s:e]) for s, e in split_sentences(text)]
    assert pipeline._pieces(text, sents, limit) == expect


# --------------------------------------------------------------------------- dead workers (F17)
@pytest.mark.skipif(not FORK, reason="the planted failure reaches the workers by fork")
def test_input_that_kills_its_worker_is_recorded_and_the_rest_extracted(monkeypatch):
    """A document that kills its worker every time (a native crash) becomes one NF013 record;
    the documents in flight with it are retried and extracted, none twice."""
    real = pipeline.extract_doc

    def deadly(doc, *a, **k):
        if "POISON" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *a, **k)

    monkeypatch.setattr(pipeline, "extract_doc", deadly)
    text = seed_text("002")
    items = [RawDoc(path=f"d{i}", doc_id=f"d{i}", text=("POISON" if i == 3 else "") + text) for i in range(8)]
    summary = Summary()
    recs = list(extract_from_items(items, summary=summary, jobs=2))
    errors = [(r.path, r.code) for r in recs if r.record_type == "error"]
    assert errors == [("d3", "NF013")]
    stories = [r for r in recs if r.record_type == "story"]
    assert sorted({s.source.path for s in stories}) == [f"d{i}" for i in range(8) if i != 3]
    assert len({s.story_id for s in stories}) == len(stories)  # nothing written twice
    assert [s.source.path for s in stories] == sorted((s.source.path for s in stories), key=lambda p: int(p[1:]))
    assert summary.worker_deaths >= 2 and summary.exit_code == 1


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the worker processes")
def test_worker_killed_mid_run_loses_nothing(tmp_path):
    """F17: one --jobs 2 worker killed with SIGKILL mid-run: the run completes, every input is
    accounted for exactly once, the summary says a worker died, the exit status is 1."""
    d = tmp_path / "in"
    d.mkdir()
    names = []
    for i in range(20):  # enough work that the kill lands mid-run even with fast worker start-up
        for p in SEEDS.glob("*.txt"):
            name = f"{i:02d}_{p.name}"
            (d / name).write_bytes(p.read_bytes())
            names.append(name)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "extract", "extract", str(d), "-o", str(out), "--jobs", "2",
                             "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    victim = None
    deadline = time.time() + 120
    while victim is None and time.time() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if len(kids) >= 2:
            time.sleep(3)  # the workers have loaded the model and are working
            kids = _children(proc.pid)
            if kids:
                victim = kids[0]
                os.kill(victim, signal.SIGKILL)
        time.sleep(0.2)
    _, err = proc.communicate(timeout=600)
    assert victim is not None, "the run ended before a worker could be killed"
    summary = err.decode().strip().splitlines()[-1]
    assert proc.returncode == 1, summary
    assert "worker processes died" in summary
    recs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    stories = [r for r in recs if r["record_type"] == "story"]
    errors = [r for r in recs if r["record_type"] == "error"]
    accounted = {r["source"]["doc_id"] for r in stories} | {Path(r["path"]).name for r in errors}
    assert accounted == set(names)
    assert len({r["story_id"] for r in stories}) == len(stories)



class _BreaksOnSubmit:
    """A pool whose ``break_at``-th submit finds it broken (a worker died between two waits), as a real
    ProcessPoolExecutor does once it has noticed a dead worker; earlier submits stay in flight."""

    def __init__(self, break_at: int) -> None:
        self.calls, self.break_at = 0, break_at

    def submit(self, fn, args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        self.calls += 1
        if self.calls == self.break_at:
            raise BrokenProcessPool("A child process terminated abruptly")
        return Future()


def test_pool_broken_at_submit_keeps_the_document_queued():
    """Regression (2026-11-25: test_worker_killed_mid_run_loses_nothing failed once with this traceback):
    a pool found broken when the next document was submitted raised BrokenProcessPool out of the run.
    The drain now stops there: the unsubmitted document stays queued for a fresh pool, the documents in
    flight become suspects (each retried alone), and one death is counted."""
    from collections import deque

    from extract.api import _PoolRun

    summary = Summary()
    run = _PoolRun(2, None, None, False, summary)
    queue = deque((i, RawDoc(path=f"{i}.txt", doc_id=str(i), text="x")) for i in range(5))
    suspects: list = []
    assert list(run.drain(_BreaksOnSubmit(break_at=3), queue, suspects)) == []
    assert [i for i, _ in suspects] == [0, 1]
    assert [i for i, _ in queue] == [2, 3, 4]
    assert summary.worker_deaths == 1
