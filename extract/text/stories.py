"""Stories: group a page's paragraphs into the stories a reader sees.

Boundaries come from three kinds of evidence, strongest first:

1. *Hard starts*: a lead dateline (新华社北京12月25日电, 据新华社, 本报讯, 央视网消息),
   a 上接 continuation marker, a byline opening a story (□ 本报记者 丰曼), a Markdown
   heading of level 1–2, or a photo caption set in a narrower column than the page.
2. *End markers*: a dateline standing alone after a body ((新华社北京 12月 25 日电)),
   an author sign-off ((李明)), a 下转 marker, a photo credit, a 责编 footer.
3. *Headline groups* in running text.

After an end marker or at a headline group the next piece may still be the same
story: a scrambled page prints sections of one story after its closing dateline, and
section heads look like headlines. There lexical cohesion decides (TextTiling-style:
cosine similarity of IDF-weighted character bigrams between the story so far and the
next piece).

Headlines may be printed before or after their body (OCR reading order on some pages
puts them after). A headline group between two stories goes back to the earlier story
when that story has none yet, unless it sits on a 上接 continuation or is a Markdown
heading, which always lead the text below them.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import regex as re

from .layout import Unit, is_lead, layout

HEAD_KINDS = {"head", "md_head", "subtitle"}
COHESION_THRESHOLD = 0.03  # a headline group in running text: below this, a new story
END_MARKER_THRESHOLD = 0.05  # after a closing dateline or sign-off the next piece must cohere more
HAN_RUN = re.compile(r"\p{Han}{2,}")


@dataclass
class Piece:
    units: list[Unit] = field(default_factory=list)
    heads_before: list[Unit] = field(default_factory=list)
    hard: bool = False
    ended: bool = False


@dataclass
class StorySpan:
    """One story: its headline units, body units (section heads included) and the rest."""

    heads: list[Unit] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    @property
    def all_units(self) -> list[Unit]:
        return sorted(self.heads + self.units, key=lambda u: (u.start if u.spans else _furn_start(u)))

    @property
    def body(self) -> list[Unit]:
        return [u for u in self.units if u.spans and u.kind in ("body", "head", "md_head", "subtitle")]

    @property
    def has_headline(self) -> bool:
        return any(u.kind != "subtitle" for u in self.heads)


def _furn_start(u: Unit) -> int:
    return u.furniture[0][1] if u.furniture else 0


def _is_end(u: Unit) -> bool:
    if u.kind in ("dateline", "signoff"):
        return True
    if u.kind == "body" and u.end_marker:
        return True
    return any(k in ("jump_to", "editor", "photo_credit") for k, _, _ in u.furniture) and not u.spans


def _pieces(units: list[Unit], width: int | None) -> tuple[list[Piece], list[Unit]]:
    pieces: list[Piece] = []
    cur = Piece()
    pending: list[Unit] = []
    for u in units:
        if u.kind in HEAD_KINDS and not (u.kind == "md_head" and u.level >= 3):
            pending.append(u)
            continue
        has_body = any(x.spans for x in cur.units)
        hard = is_lead(u) or u.starts_jump or (
            u.kind == "byline" and has_body and not pending and not is_lead(cur.units[-1]))
        if pending or (has_body and (hard or cur.ended)):
            if cur.units or cur.heads_before:
                pieces.append(cur)
            cur = Piece(heads_before=pending, hard=hard)
            pending = []
        cur.units.append(u)
        if _is_end(u):
            cur.ended = True
    if cur.units or cur.heads_before:
        pieces.append(cur)
    if width:
        pieces = [p for piece in pieces for p in _split_caption(piece, width)]
    return pieces, pending


def _split_caption(piece: Piece, width: int) -> list[Piece]:
    """Cut off a photo caption set in a narrower column than the page, ending in a credit."""
    credit = next((i for i, u in enumerate(piece.units)
                   if not u.spans and any(k == "photo_credit" for k, _, _ in u.furniture)), None)
    if credit is None:
        return [piece]
    i = credit
    while i > 0 and piece.units[i - 1].kind == "body" and piece.units[i - 1].width <= 0.8 * width:
        i -= 1
    if i == credit or i == 0:
        return [piece]
    head = Piece(piece.units[:i], piece.heads_before, piece.hard, False)
    tail = Piece(piece.units[i:], [], True, piece.ended)
    return [head, tail]


def _bigrams(units: list[Unit]) -> Counter:
    """Counts of the Han character bigrams of the units' texts, in reading order."""
    c: Counter = Counter()
    for u in units:
        for run in HAN_RUN.findall(u.text):
            c.update(run[i:i + 2] for i in range(len(run) - 1))
    return c


def cohesion(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    """Cosine similarity of IDF-weighted bigram vectors."""
    if not a or not b:
        return 0.0
    dot = sum(a[k] * b[k] * idf.get(k, 1.0) ** 2 for k in a.keys() & b.keys())
    na = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in a.items()))
    nb = math.sqrt(sum((v * idf.get(k, 1.0)) ** 2 for k, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _idf(grams: list[Counter]) -> dict[str, float]:
    df: Counter = Counter()
    for g in grams:
        df.update(set(g))
    n = len(grams) or 1
    return {k: math.log((n + 1) / (v + 0.5)) for k, v in df.items()}


def _assign_heads(prev: StorySpan | None, nxt: StorySpan, heads: list[Unit], nxt_first: Unit) -> None:
    if not heads:
        return
    forward_from = len(heads)
    md = next((i for i, h in enumerate(heads) if h.kind == "md_head"), None)
    if md is not None:
        forward_from = md
    elif nxt_first.starts_jump:
        same_block = [i for i, h in enumerate(heads) if h.block == nxt_first.block]
        if same_block:
            forward_from = same_block[0]
    if prev is not None and not prev.body:
        prev = None   # a piece of page furniture only (发布时间…, 来源…) printed above the first headline
    if prev is None or prev.has_headline:
        forward_from = 0 if md is None else (0 if prev is None or prev.has_headline else md)
    if prev is not None:
        prev.heads.extend(heads[:forward_from])
    nxt.heads[:0] = heads[forward_from:]


def split_stories(raw: str, threshold: float = COHESION_THRESHOLD,
                  trace: list[tuple[str, str, float, bool, bool]] | None = None) -> list[StorySpan]:
    """Split a page's raw text into stories.

    ``trace``, when given, receives (label, first words, cohesion, hard start, has
    headline group) for every boundary after the first piece: the scores the decisions
    were made on.
    """
    units, width = layout(raw)
    pieces, trailing = _pieces(units, width)
    if not pieces:
        return [StorySpan(heads=trailing)] if trailing else []
    grams = [_bigrams(p.units) for p in pieces]  # each piece's bigrams, counted once
    idf = _idf(grams)
    first = pieces[0]
    stories = [StorySpan(heads=list(first.heads_before), units=list(first.units))]
    acc = grams[0]
    for k in range(1, len(pieces)):
        acc = _join_or_start(stories, acc, pieces[k], grams[k], idf, pieces[k - 1].ended, threshold, trace)
    if trailing:
        stories[-1].heads.extend(trailing)
    return _fold_furniture_only(stories)


def _join_or_start(stories: list[StorySpan], acc: Counter, p: Piece, grams: Counter, idf: dict[str, float],
                   prev_ended: bool, threshold: float, trace: list | None) -> Counter:
    """Piece ``p`` starts a new story or continues the last one (its headline group was a section
    head); returns the bigrams of the story it went to."""
    md_boundary = any(h.kind == "md_head" for h in p.heads_before)
    decided = p.hard or md_boundary or not (p.heads_before or prev_ended)  # a new story either way
    score = cohesion(acc, grams, idf) if trace is not None or not decided else 0.0
    if trace is not None:
        label = p.heads_before[0].text if p.heads_before else p.units[0].text
        trace.append((label[:20], p.units[0].text[:15], round(score, 3), p.hard, bool(p.heads_before)))
    if decided or score < (END_MARKER_THRESHOLD if prev_ended else threshold):
        story = StorySpan(units=list(p.units))
        _assign_heads(stories[-1], story, p.heads_before, p.units[0])
        stories.append(story)
        return grams
    stories[-1].units.extend(p.heads_before + p.units)  # same story
    acc.update(grams)
    return acc


def _fold_furniture_only(stories: list[StorySpan]) -> list[StorySpan]:
    """A 'story' of nothing but page furniture (a running head, 来源：…) joins its neighbour."""
    out: list[StorySpan] = []
    pending: list[Unit] = []
    for s in stories:
        if not s.heads and not s.body:
            (out[-1].units if out else pending).extend(s.units)
            continue
        s.units[:0] = pending
        pending = []
        out.append(s)
    if pending and out:
        out[-1].units.extend(pending)
    return out or stories


def cohesion_trace(raw: str) -> list[tuple[str, str, float, bool, bool]]:
    """Measurement aid: the cohesion score at every boundary ``split_stories`` considered."""
    trace: list[tuple[str, str, float, bool, bool]] = []
    split_stories(raw, trace=trace)
    return trace
