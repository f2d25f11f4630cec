"""From a decoded document to story records: the extraction stage's plain functions.

The page is read once, top down, by ``extract.text.page.read_page`` (layout, stories, each story's
fields and normalised body with its offset map); here each story's body runs through the spaCy
pipeline and becomes a record, its offsets mapped back to the raw page."""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from pydantic import BaseModel
from spacy.language import Language

from schemas import ErrorRecord, Paragraph, ReferenceDate, Sentence, SourceRef, StoryRecord

from .errors import NewsfactsError
from .facts.chardoc import char_doc, is_char_tokenizer
from .facts.registry import FACT_KINDS
from .inputs import RawDoc
from .text.normalize import normalize_text
from .text.offsets import NormText
from .text.page import Story, published_date, read_page


def story_id(doc_id: str, start: int, end: int) -> str:
    return "s_" + hashlib.sha1(f"{doc_id}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def page_published(doc: RawDoc) -> str | None:
    return published_date(doc.text, doc.published)


def _map_spans(obj: Any, fn: Callable[[int, int], tuple[int, int]]) -> Any:
    """A copy of a record with every nested ``start``/``end`` pair replaced by ``fn(start, end)``."""
    if isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        updates = {n: _map_spans(getattr(obj, n), fn) for n in fields
                   if isinstance(getattr(obj, n), (BaseModel, list))}
        if "start" in fields and "end" in fields:
            updates["start"], updates["end"] = fn(obj.start, obj.end)
        return obj.model_copy(update=updates)
    if isinstance(obj, list):
        return [_map_spans(x, fn) for x in obj]
    return obj


def _reference(story: Story, published: str | None, page: str, option: date | None) -> ReferenceDate:
    from .facts.dates import reference_date  # the date lexicon loads on first use, not at import

    return reference_date(story.dateline, published, story.text, page, option)


#: The longest text one spaCy Doc gets. A longer story body (a page with no structure, a
#: concatenated dump) is cut at sentence ends into pieces of at most this many characters and
#: each piece runs through the pipeline on its own; spaCy refuses texts over ``nlp.max_length``.
MAX_DOC_CHARS = 100_000



def _pieces(text: str, sentences: list[Sentence], limit: int = MAX_DOC_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of at most ``limit`` characters, cut after a sentence
    where one ends in time, else hard at the limit."""
    if len(text) <= limit:
        return [(0, len(text))]
    ends = sorted({s.end for s in sentences})
    out, start, k = [], 0, 0
    while start < len(text):
        stop = min(start + limit, len(text))
        cut = None
        while k < len(ends) and ends[k] <= stop:
            if ends[k] > start:
                cut = ends[k]
            k += 1
        cut = cut if cut is not None and stop < len(text) else stop
        out.append((start, cut))
        start = cut
    return out


def _run_components(nlp: Language, text: str, sentences: list[Sentence], ref: ReferenceDate,
                    fail: Callable[[str, Exception], None], dateline: str | None = None) -> dict[str, list]:
    """Every fact the pipeline's components find in ``text``.

    Each component runs on its own: one that raises loses only its own facts, reported
    through ``fail(component, exc)``; the components after it still run (reading what the
    failed one left unset as empty)."""
    facts: dict[str, list] = {}
    failed: set[str] = set()
    chars = is_char_tokenizer(nlp.tokenizer)
    for a, b in _pieces(text, sentences, min(MAX_DOC_CHARS, nlp.max_length)):
        piece = text[a:b]
        sdoc = char_doc(nlp.vocab, piece)[0] if chars else nlp.make_doc(piece)
        sdoc.user_data["newsfacts.text"] = piece  # see extract.facts.doc_text
        if dateline:
            sdoc.user_data["newsfacts.dateline"] = dateline  # 在此间: the dateline's place (events)
        if sdoc.has_extension("reference_date"):
            sdoc._.reference_date = ref
        for name, proc in nlp.pipeline:
            if name in failed:
                continue
            try:
                sdoc = proc(sdoc)
            except Exception as exc:  # noqa: BLE001 - isolation below the document
                failed.add(name)
                fail(name, exc)
        for kind in FACT_KINDS:
            if sdoc.has_extension(kind):
                found = list(getattr(sdoc._, kind) or [])
                facts.setdefault(kind, []).extend(_map_spans(found, lambda s, e: (s + a, e + a)) if a else found)
    for name in failed:  # what a failed component found in earlier pieces is dropped too
        facts.pop(name, None)
    return facts


def _with_words(sentences: list[Sentence], nlp: Language) -> list[Sentence]:
    """Each sentence with its pkuseg words (whitespace dropped): the pipeline's own tokens when
    they are pkuseg words, else the process's shared segmenter (loaded on first use)."""
    from .nlp import segmenter

    seg = nlp.tokenizer if getattr(nlp.tokenizer, "segmenter", None) == "pkuseg" else segmenter()
    return [s.model_copy(update={"words": [t.text for t in seg(s.text) if not t.is_space]}) for s in sentences]


def _record(doc: RawDoc, story: Story, published: str | None, page: Callable[[], str],
            reference: date | None, fail: Callable[[str, Exception], None]) -> StoryRecord:
    """The story record without facts (offsets into the body text)."""
    text = story.text
    try:
        ref = _reference(story, published, page(), reference)
    except Exception as exc:  # noqa: BLE001 - the story stays, with no reference date
        ref = ReferenceDate(source="none", year_source="none")
        fail("reference_date", exc)
    return StoryRecord(
        story_id=story_id(doc.doc_id, story.start, story.end),
        source=SourceRef(path=doc.path, doc_id=doc.doc_id, line=doc.line),
        start=story.start, end=story.end,
        headline=story.headline, subtitle=story.subtitle, dateline=story.dateline,
        byline=story.byline, reporters=story.reporters, published=published,
        reference_date=ref, furniture=story.furniture, text=text,
        paragraphs=[Paragraph(start=s, end=e, text=text[s:e]) for s, e in story.paragraphs],
        sentences=[Sentence(start=s, end=e, text=text[s:e]) for s, e in story.sentences],
    )


def extract_doc(doc: RawDoc, nlp: Language | None, reference: date | None = None,
                words: bool = False) -> list[StoryRecord | ErrorRecord]:
    """All story records of one document, each followed by an error record (NF012) for every
    extractor that failed on it. ``nlp`` None skips word-level fact extraction; ``words`` adds
    each sentence's pkuseg words to the record."""
    raw = doc.text
    published = page_published(doc)
    out: list[StoryRecord | ErrorRecord] = []
    page_norm: list[str] = []

    def page() -> str:  # the page's normalised text, computed once and only when needed
        if not page_norm:
            page_norm.append(normalize_text(raw))
        return page_norm[0]

    for story in read_page(raw):
        failures: list[tuple[str, Exception]] = []

        def fail(extractor: str, exc: Exception) -> None:
            failures.append((extractor, exc))

        rec = _record(doc, story, published, page, reference, fail)
        if nlp is not None and rec.text:
            facts = _run_components(nlp, rec.text, rec.sentences, rec.reference_date, fail, rec.dateline)
            if words:
                facts["sentences"] = _with_words(rec.sentences, nlp)
            rec = rec.model_copy(update=facts)
        out.append(_remap_story(rec, story.body))
        out += [doc.error("NF012", story_id=rec.story_id, extractor=name,
                          reason=f"{type(exc).__name__}: {exc}").record() for name, exc in failures]
    return out


def _remap_story(rec: StoryRecord, norm: NormText) -> StoryRecord:
    """Map body-relative offsets (sentences and facts) to raw offsets; story span is raw already."""
    updates = {k: _map_spans(getattr(rec, k), norm.to_raw) for k in ("paragraphs", "sentences") + FACT_KINDS}
    return rec.model_copy(update=updates)


def extract_items(items: Iterable[RawDoc | NewsfactsError], nlp: Language | None,
                  reference: date | None = None, words: bool = False) -> Iterator[StoryRecord | ErrorRecord]:
    """Stories for each document; an error record for each input that failed."""
    for item in items:
        if isinstance(item, NewsfactsError):
            yield item.record()
            continue
        try:
            recs = extract_doc(item, nlp, reference, words)
        except Exception as exc:  # one bad document never stops the batch
            yield item.error("NF009", reason=f"{type(exc).__name__}: {exc}").record()
            continue
        if not any(r.record_type == "story" for r in recs):
            yield item.error("NF008").record()
        yield from recs
