"""Real text nobody here wrote (issue 9, item 3): extract and check over a sample of every
corpus in ../shared/corpora, laid out as flowing text and as narrow OCR columns, lose nothing.

The full set runs in ``bench/realtext_full.py``. Skipped where ../shared is absent (a user's clone).
"""
from __future__ import annotations

import pytest

from extract.crosscheck import check_records
from extract.inputs import RawDoc
from extract.pipeline import extract_items

from .conftest import bench_module

realtext = bench_module("realtext")

pytestmark = pytest.mark.skipif(not realtext.available(), reason="../shared/corpora is not here")

#: Internal errors: a document, a story's extractor or a worker lost to a bug, not to the input.
INTERNAL = {"NF009", "NF012", "NF013"}


@pytest.fixture(scope="module")
def extracted(nlp):
    docs = [RawDoc(path=f"realtext/{name}", doc_id=name, text=text)
            for _, name, text in realtext.pages(per_corpus=2, seed=11)]
    return docs, list(extract_items(docs, nlp))


def test_every_corpus_and_layout_is_sampled(extracted):
    docs, _ = extracted
    names = {d.doc_id.rsplit("_", 2)[0] + "/" + d.doc_id.rsplit("_", 2)[1] for d in docs}
    assert names == {f"{c}/{layout}" for c in realtext.CORPUS_FILES for layout in ("flow", "column")}


def test_no_internal_errors_and_every_document_accounted_for(extracted):
    docs, recs = extracted
    internal = [(r.path, r.code, r.extractor, r.message) for r in recs
                if r.record_type == "error" and r.code in INTERNAL]
    assert internal == []
    accounted = {r.source.doc_id for r in recs if r.record_type == "story"} | {
        r.doc_id for r in recs if r.record_type == "error"}
    assert accounted == {d.doc_id for d in docs}


def test_offsets_point_into_the_raw_text(extracted):
    """Every fact's raw slice is its text once whitespace is removed (the offset rule, compared in
    its one comparison form: text/offsets.py's ``canon``)."""
    from extract.text.offsets import canon

    docs, recs = extracted
    raw = {d.doc_id: d.text for d in docs}
    for r in recs:
        if r.record_type != "story":
            continue
        text = raw[r.source.doc_id]
        for kind in ("sentences", "officials", "organizations", "claims", "dates"):
            for f in getattr(r, kind):
                assert canon(text[f.start:f.end]) == canon(f.text), (r.source.doc_id, kind, f.text)


def test_check_over_real_text_groups_the_two_layouts(extracted):
    """The flowing and column copies of a document are versions of one story: check must
    group them, and raise no exception on real text."""
    docs, recs = extracted
    stories = [r for r in recs if r.record_type == "story"]
    groups, conflicts = check_records(stories, {(d.path, d.doc_id): d.text for d in docs})
    paired = {frozenset(m.source.doc_id.replace("_column_", "_flow_") for m in g.members) for g in groups}
    assert len(paired) >= len(docs) // 4  # most documents pair with their other layout
    assert all(len(c.readings) >= 2 for c in conflicts)


def test_layout_does_not_change_the_reference_date(extracted):
    """Issue 12: a narrow column wrapped 1998 as 1⏎998 and the story's inferred year changed;
    the same text in both layouts must resolve against the same reference date."""
    _, recs = extracted
    by_doc: dict[str, list] = {}
    for r in recs:
        if r.record_type == "story":
            by_doc.setdefault(r.source.doc_id, []).append(r.reference_date)
    pairs = [(refs, by_doc.get(doc.replace("_flow_", "_column_")))
             for doc, refs in by_doc.items() if "_flow_" in doc]
    compared = [(a[0], b[0]) for a, b in pairs if b and len(a) == len(b) == 1]
    assert len(compared) >= len(pairs) // 2
    assert [(a, b) for a, b in compared if a != b] == []
