"""A page of raw text → its stories, in one downward pass.

``read_page(raw)`` lays the page out (layout.py: paragraphs with a kind each), groups the
paragraphs into stories (stories.py) and turns each into a ``Story``: headline, subtitle,
dateline, byline, reporters, furniture, and the body as normalised text (a ``NormText``, the one
offset map back to the raw page) with its paragraphs and sentences. Nothing here reads the raw text
again for what layout has already classified: a byline's names and a lead dateline's extent are
kept on the paragraph by layout; a body paragraph layout normalised is reused as it is.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from schemas import Furniture

from .layout import PUBLISHED, Unit
from .normalize import normalize_segments, normalize_text
from .offsets import NormText
from .sentences import split_sentences
from .stories import StorySpan, split_stories

TITLE_REPEAT = re.compile(r"^\s*题\s*[:：]")
NAME_SPLIT = re.compile(r"[\s、，,]+")
REPORTER_GROUP = re.compile(r"[（(]\s*(?:记者|通讯员)(?P<names>[^）)]*)[）)]")
SIGNOFF_NAMES = re.compile(r"[（(](?P<names>[^）)]*)[）)]")
HEADLINE_SPACE = re.compile(r"(?<=\p{Han}{2})[ \u3000]+(?=\p{Han}{2})")
PUBLISHED_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


@dataclass
class Story:
    """One story of a page: its fields as a reader sees them, and its body.

    ``start``/``end`` are raw offsets; ``paragraphs`` and ``sentences`` are offsets into
    ``body.text``, which ``body.to_raw`` maps back to the raw page. ``body`` is
    ``normalize_segments(raw, body_spans)``."""

    start: int
    end: int
    headline: str | None
    subtitle: str | None
    dateline: str | None
    byline: str | None
    reporters: list[str]
    furniture: list[Furniture]
    body: NormText
    text: str  # body.text
    body_spans: list[list[tuple[int, int]]] = field(default_factory=list)  # raw line spans of each body paragraph
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


def published_date(raw: str, declared: str | None = None) -> str | None:
    """The page's publication date: the one its source declares (its date part), else a 发布时间
    header's."""
    if declared:
        m = PUBLISHED_DATE.match(declared)
        return m.group(0) if m else declared
    m = PUBLISHED.search(raw)
    return m.group("date") if m else None


def read_page(raw: str) -> list[Story]:
    """The stories of a page, in reading order (a story with no text at all is left out)."""
    out = []
    for span in split_stories(raw):
        story = _story(raw, span)
        if story is not None:
            out.append(story)
    return out


@dataclass
class _Fields:
    """A story's fields as the paragraphs are read in order."""

    dateline: str | None = None
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    body: list[tuple[Unit, list[tuple[int, int]]]] = field(default_factory=list)


def _story(raw: str, span: StorySpan) -> Story | None:
    units = span.all_units
    starts = [s for u in units for s, _ in u.spans] + [s for u in units for _, s, _ in u.furniture]
    ends = [e for u in units for _, e in u.spans] + [e for u in units for _, _, e in u.furniture]
    if not starts:
        return None
    headline, subtitle = _headline(raw, span.heads)
    f = _Fields()
    for u in units:
        f.furniture += [Furniture(kind=k, start=s, end=e, text=normalize_text(raw[s:e])) for k, s, e in u.furniture]
        if u not in span.heads:
            _read_unit(raw, u, f)
    if not f.body:   # a story that is only a headline (a one-line item, a web snippet): its line is
        for u in span.heads:   # also the text its facts are read from, else they were lost
            _read_unit(raw, u, f)
    body = _body(raw, f.body)
    text = body.text
    return Story(min(starts), max(ends), headline, subtitle, f.dateline, f.byline,
                 list(dict.fromkeys(f.reporters)), sorted(f.furniture, key=lambda x: x.start), body, text,
                 [spans for _, spans in f.body], _paragraphs(text), list(split_sentences(text)))


def _read_unit(raw: str, u: Unit, f: _Fields) -> None:
    """One paragraph of a story's body side: a dateline, a byline, a sign-off or body text."""
    if u.kind == "dateline":
        f.dateline = f.dateline or normalize_text(u.text.strip("（）()"))
    elif u.kind == "byline":
        f.byline = f.byline or _display(raw, u.spans).lstrip("■□●◆▲")
        f.reporters += _names(u.names) if u.names is not None else []
    elif u.kind == "signoff":
        m = SIGNOFF_NAMES.search(u.text)
        f.reporters += _names(m.group("names")) if m else []
        f.byline = f.byline or u.text
    elif u.spans:
        spans = list(u.spans)
        if not f.body and not f.dateline and u.lead_end is not None:
            spans = _cut_lead(raw, u, spans, f)
        if spans:
            f.body.append((u, spans))


def _cut_lead(raw: str, u: Unit, spans: list[tuple[int, int]], f: _Fields) -> list[tuple[int, int]]:
    """The first body paragraph without its lead dateline, which becomes the story's dateline
    (and its （记者…） group the byline); a 题：<headline repeated> after it is furniture."""
    k = next((i for i, (a, b) in enumerate(spans) if u.lead_end <= b), len(spans) - 1)
    lead = "".join(raw[a:min(b, u.lead_end)] for a, b in spans[:k + 1])   # a column may break the lead
    rg = REPORTER_GROUP.search(lead)
    if rg:
        f.reporters += _names(rg.group("names"))
        f.byline = f.byline or " ".join(rg.group(0).strip("（）() ").split())
        lead = lead[:rg.start()]
    f.dateline = normalize_text(lead)
    spans = [(u.lead_end, spans[k][1])] + spans[k + 1:]
    t = TITLE_REPEAT.match(raw[spans[0][0]:spans[0][1]])
    if t:  # 题：<headline repeated> runs to the end of the paragraph
        ts, te = spans[0][0] + t.start(), spans[-1][1]
        f.furniture.append(Furniture(kind="title_repeat", start=ts, end=te, text=normalize_text(raw[ts:te])))
        spans = []
    return [(a, b) for a, b in spans if raw[a:b].strip()]


def _body(raw: str, paragraphs: list[tuple[Unit, list[tuple[int, int]]]]) -> NormText:
    """The body's paragraphs normalised into one text, "\\n" between them (as
    ``normalize_segments`` would make it): a paragraph layout normalised with these very spans is
    reused, any other (a lead cut off, paragraphs joined across a break) normalised now."""
    out = NormText(raw)
    for u, spans in paragraphs:
        norm = u.norm if u.norm is not None and spans == u.spans else normalize_segments(raw, [spans])
        if norm.chars:
            out.chars.extend(norm.chars)
            out.index.extend(norm.index)
            out.append("\n", min(spans[-1][1], len(raw) - 1) if raw else 0)
    if out.chars and out.chars[-1] == "\n":
        out.chars.pop()
        out.index.pop()
    return out


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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text + "\n"):
        if ch == "\n":
            if i > start:
                spans.append((start, i))
            start = i + 1
    return spans
