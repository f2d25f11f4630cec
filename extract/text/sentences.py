"""Sentence splitting on Chinese sentence punctuation, respecting quotation marks.

A sentence ends at 。！？!? or …… (and at a paragraph break). Inside “…” or 「…」
a terminal only ends the sentence when the quotation closes right after it
(“……提升。”工业和信息化部…说 splits after ”). Quote depth resets at each
paragraph, so an OCR-lost opening quote cannot swallow the rest of a story.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

TERMINALS = set("。！？!?")
OPEN_Q = set("“‘「『")
CLOSE_Q = set("”’」』")


def _trimmed(text: str, s: int, e: int) -> Optional[tuple[int, int]]:
    """(s, e) without the whitespace at either end, or None when nothing is left."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _end_run(text: str, i: int) -> tuple[int, int]:
    """After a terminal at ``i``: where the run of terminals (。！？, ……) and the closing quotes
    after it ends, and how many closers it holds (a stray closer, its opener lost, closes too)."""
    n, j = len(text), i + 1
    while j < n and (text[j] in TERMINALS or text[j] == "…"):
        j += 1
    closed = 0
    while j < n and text[j] in CLOSE_Q:
        closed += 1
        j += 1
    return j, closed


@lru_cache(maxsize=64)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Half-open (start, end) spans of the sentences of ``text``, whitespace trimmed: a sentence
    ends at a line break, or after a terminal run outside quotes (with the closers after it).

    The story's text is split once: the page, the recogniser, claims and events all ask for it,
    so the result is cached (a tuple, which no caller can change under another)."""
    return tuple(_split(text))


def _split(text: str) -> list[tuple[int, int]]:
    cuts: list[int] = []
    depth, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            cuts.append(i)
            depth = 0
        elif ch in OPEN_Q:
            depth += 1
        elif ch in CLOSE_Q:
            depth = max(0, depth - 1)
        elif ch in TERMINALS or (ch == "…" and i + 1 < n and text[i + 1] == "…"):
            j, closed = _end_run(text, i)
            if depth - closed <= 0:
                depth = 0
                cuts.append(j)
            i = j
            continue
        i += 1
    spans, start = [], 0
    for cut in [*cuts, n]:
        if (sp := _trimmed(text, start, cut)) is not None:
            spans.append(sp)
        start = cut
    return spans
