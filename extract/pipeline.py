"""From a decoded document to story records: the extraction stage's plain functions."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Iterator

import regex as re
from pydantic import BaseModel
from spacy.language import Language

from schemas import ErrorRecord, Furniture, Paragraph, ReferenceDate, Sentence, SourceRef, StoryRecord

from .errors import NewsfactsError
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


def _remap(obj: Any, norm: NormText) -> Any:
    """Return a copy of a record with every start/end mapped from story text to raw text."""
    if isinstance(obj, BaseModel):
        updates = {}
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, (BaseModel, list)):
                updates[name] = _remap(value, norm)
        if "start" in type(obj).model_fields and "end" in type(obj).model_fields:
            updates["start"], updates["end"] = norm.to_raw(obj.start, obj.end)
        return obj.model_copy(update=updates)
    if isinstance(obj, list):
        return [_remap(x, norm) for x in obj]
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


def _with_words(sentences: list[Sentence], sdoc) -> list[Sentence]:
    """Each sentence with the pkuseg words inside it (whitespace tokens dropped)."""
    out = []
    toks = [(t.idx, t.idx + len(t.text), t.text) for t in sdoc if not t.is_space]
    k = 0
    for s in sentences:
        while k < len(toks) and toks[k][1] <= s.start:
            k += 1
        j, words = k, []
        while j < len(toks) and toks[j][0] < s.end:
            words.append(toks[j][2])
            j += 1
        out.append(s.model_copy(update={"words": words}))
    return out


def extract_doc(doc: RawDoc, nlp: Language | None, reference: date | None = None,
                words: bool = False) -> list[StoryRecord]:
    """All story records of one document. ``nlp`` None skips word-level fact extraction;
    ``words`` adds each sentence's pkuseg words to the record."""
    raw = doc.text
    published = page_published(doc)
    records: list[StoryRecord] = []
    page_norm = None
    for story in split_stories(raw):
        parts = _parts(raw, story)
        units = story.all_units
        starts = [s for u in units for s, _ in u.spans] + [s for u in units for _, s, _ in u.furniture]
        ends = [e for u in units for _, e in u.spans] + [e for u in units for _, _, e in u.furniture]
        if not starts:
            continue
        start, end = min(starts), max(ends)
        norm = normalize_segments(raw, parts.body)
        text = norm.text
        if page_norm is None:
            page_norm = normalize_text(raw)
        ref = _reference(parts, published, text, page_norm, reference)
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
        if nlp is not None and text:
            sdoc = nlp.make_doc(text)
            sdoc.user_data["newsfacts.text"] = text  # see extract.facts.doc_text
            if sdoc.has_extension("reference_date"):
                sdoc._.reference_date = ref
            for _, proc in nlp.pipeline:
                sdoc = proc(sdoc)
            facts = {k: list(getattr(sdoc._, k) or []) for k in ("officials", "organizations", "dates", "events", "claims")
                     if sdoc.has_extension(k)}
            if words:
                facts["sentences"] = _with_words(rec.sentences, sdoc)
            rec = rec.model_copy(update=facts)
        records.append(_remap_story(rec, norm))
    return records


def _remap_story(rec: StoryRecord, norm: NormText) -> StoryRecord:
    """Map body-relative offsets (sentences and facts) to raw offsets; story span is raw already."""
    updates = {k: _remap(getattr(rec, k), norm)
               for k in ("paragraphs", "sentences", "officials", "organizations", "dates", "events", "claims")}
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
        if not recs:
            yield item.error("NF008").record()
        yield from recs
