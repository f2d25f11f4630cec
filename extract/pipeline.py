"""From a decoded document to story records: the extraction stage's plain functions."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable, Iterator

import regex as re
from pydantic import BaseModel
from spacy.language import Language

from schemas import ErrorRecord, Furniture, Paragraph, ReferenceDate, Sentence, SourceRef, StoryRecord

from .errors import NewsfactsError
from .facts.registry import FACT_KINDS
from .inputs import RawDoc
from .text.layout import BYLINE, LEAD_DATELINE, PUBLISHED, Unit
from .text.normalize import normalize_segments, normalize_text
from .text.offsets import NormText
from .text.sentences import split_sentences
from .text.stories import StorySpan, split_stories

TITLE_REPEAT = re.compile(r"^\s*题\s*[:：]")
NAME_SPLIT = re.compile(r"[\s、，,]+")
REPORTER_GROUP = re.compile(r"[（(]\s*(?:记者|通讯员)(?P<names>[^）)]*)[）)]")
SIGNOFF_NAMES = re.compile(r"[（(](?P<names>[^）)]*)[）)]")
HEADLINE_SPACE = re.compile(r"(?<=\p{Han}{2})[ \u3000]+(?=\p{Han}{2})")


@dataclass
class StoryParts:
    headline: str | None
    subtitle: str | None
    dateline: str | None
    byline: str | None
    reporters: list[str]
    furniture: list[Furniture]
    body: list[list[tuple[int, int]]]


def story_id(doc_id: str, start: int, end: int) -> str:
    return "s_" + hashlib.sha1(f"{doc_id}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def _display(raw: str, spans: list[tuple[int, int]]) -> str:
    """A headline as a reader sees it: lines joined, word-separating spaces kept."""
    joined = "".join(raw[s:e].strip() for s, e in spans).lstrip("#").strip().strip("*_").strip()
    keep = HEADLINE_SPACE.sub("\x00", joined)
    return normalize_text(keep).replace("\x00", " ") if "\x00" in keep else normalize_text(joined)


def _names(s: str) -> list[str]:
    return [n for n in NAME_SPLIT.split(s.strip()) if n]


def _headline(raw: str, heads: list[Unit]) -> tuple[str | None, str | None]:
    subtitle = " ".join(_display(raw, h.spans).lstrip("—－-").strip() for h in heads if h.kind == "subtitle") or None
    main = [h for h in heads if h.kind != "subtitle"]
    md1 = [h for h in main if h.kind == "md_head" and h.level == 1]
    if md1:
        main = md1[:1]
    headline = " ".join(_display(raw, h.spans) for h in main) or None
    if headline and "——" in headline and not subtitle:
        headline, subtitle = (x.strip() for x in headline.split("——", 1))
    return headline, subtitle


def _parts(raw: str, story: StorySpan) -> StoryParts:
    headline, subtitle = _headline(raw, story.heads)
    dateline = byline = None
    reporters: list[str] = []
    furniture: list[Furniture] = []
    body: list[list[tuple[int, int]]] = []
    for u in story.all_units:
        for kind, s, e in u.furniture:
            furniture.append(Furniture(kind=kind, start=s, end=e, text=normalize_text(raw[s:e])))
        if u in story.heads:
            continue
        if u.kind == "dateline":
            dateline = dateline or normalize_text(u.text.strip("（）()"))
            continue
        if u.kind == "byline":
            m = BYLINE.match(raw[u.start:u.end])
            byline = byline or _display(raw, u.spans).lstrip("■□●◆▲")
            reporters += _names(m.group("names")) if m else []
            continue
        if u.kind == "signoff":
            m = SIGNOFF_NAMES.search(u.text)
            reporters += _names(m.group("names")) if m else []
            byline = byline or u.text
            continue
        if not u.spans:
            continue
        spans = list(u.spans)
        if not body and not dateline:
            s, e = spans[0]
            m = LEAD_DATELINE.match(raw[s:e])
            if m:
                lead = raw[s:s + m.end()]
                rg = REPORTER_GROUP.search(lead)
                if rg:
                    reporters += _names(rg.group("names"))
                    byline = byline or " ".join(rg.group(0).strip("（）() ").split())
                    lead = lead[:rg.start()]
                dateline = normalize_text(lead)
                spans[0] = (s + m.end(), e)
                rest = raw[spans[0][0]:spans[0][1]]
                t = TITLE_REPEAT.match(rest)
                if t:  # 题：<headline repeated> runs to the end of the paragraph
                    ts = spans[0][0] + t.start()
                    te = spans[-1][1]
                    furniture.append(Furniture(kind="title_repeat", start=ts, end=te,
                                               text=normalize_text(raw[ts:te])))
                    spans = []
                spans = [(a, b) for a, b in spans if raw[a:b].strip()]
        if spans:
            body.append(spans)
    return StoryParts(headline, subtitle, dateline, byline, list(dict.fromkeys(reporters)),
                      sorted(furniture, key=lambda f: f.start), body)


def page_published(doc: RawDoc) -> str | None:
    if doc.published:
        m = re.match(r"\d{4}-\d{1,2}-\d{1,2}", doc.published)
        return m.group(0) if m else doc.published
    m = PUBLISHED.search(doc.text)
    return m.group("date") if m else None


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


def _reference(parts: StoryParts, published: str | None, body: str, page: str,
               option: date | None) -> ReferenceDate:
    from .facts.dates import reference_date  # the date lexicon loads on first use, not at import

    return reference_date(parts.dateline, published, body, page, option)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text + "\n"):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    return spans


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
                    fail: Callable[[str, Exception], None]) -> dict[str, list]:
    """Every fact the pipeline's components find in ``text``.

    Each component runs on its own: one that raises loses only its own facts, reported
    through ``fail(component, exc)``; the components after it still run (reading what the
    failed one left unset as empty)."""
    facts: dict[str, list] = {}
    failed: set[str] = set()
    for a, b in _pieces(text, sentences, min(MAX_DOC_CHARS, nlp.max_length)):
        piece = text[a:b]
        sdoc = nlp.make_doc(piece)
        sdoc.user_data["newsfacts.text"] = piece  # see extract.facts.doc_text
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


def _story(doc: RawDoc, story: StorySpan, published: str | None, page: Callable[[], str],
           reference: date | None, fail: Callable[[str, Exception], None]) -> tuple[StoryRecord, NormText] | None:
    """The story record without facts (offsets into the body text), and the body's offset map."""
    raw = doc.text
    parts = _parts(raw, story)
    units = story.all_units
    starts = [s for u in units for s, _ in u.spans] + [s for u in units for _, s, _ in u.furniture]
    ends = [e for u in units for _, e in u.spans] + [e for u in units for _, _, e in u.furniture]
    if not starts:
        return None
    start, end = min(starts), max(ends)
    norm = normalize_segments(raw, parts.body)
    text = norm.text
    try:
        ref = _reference(parts, published, text, page(), reference)
    except Exception as exc:  # noqa: BLE001 - the story stays, with no reference date
        ref = ReferenceDate(source="none", year_source="none")
        fail("reference_date", exc)
    rec = StoryRecord(
        story_id=story_id(doc.doc_id, start, end),
        source=SourceRef(path=doc.path, doc_id=doc.doc_id, line=doc.line),
        start=start, end=end,
        headline=parts.headline, subtitle=parts.subtitle, dateline=parts.dateline,
        byline=parts.byline, reporters=parts.reporters, published=published,
        reference_date=ref, furniture=parts.furniture, text=text,
        paragraphs=[Paragraph(start=s, end=e, text=text[s:e]) for s, e in _paragraphs(text)],
        sentences=[Sentence(start=s, end=e, text=text[s:e]) for s, e in split_sentences(text)],
    )
    return rec, norm


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

    for story in split_stories(raw):
        failures: list[tuple[str, Exception]] = []

        def fail(extractor: str, exc: Exception) -> None:
            failures.append((extractor, exc))

        made = _story(doc, story, published, page, reference, fail)
        if made is None:
            continue
        rec, norm = made
        if nlp is not None and rec.text:
            facts = _run_components(nlp, rec.text, rec.sentences, rec.reference_date, fail)
            if words:
                facts["sentences"] = _with_words(rec.sentences, nlp)
            rec = rec.model_copy(update=facts)
        out.append(_remap_story(rec, norm))
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
