"""Sentence splitting on Chinese sentence punctuation, respecting quotation marks.

A sentence ends at 。！？!? or …… (and at a paragraph break). Inside “…” or 「…」
a terminal only ends the sentence when the quotation closes right after it
(“……提升。”工业和信息化部…说 splits after ”). Quote depth resets at each
paragraph, so an OCR-lost opening quote cannot swallow the rest of a story.
"""
from __future__ import annotations

TERMINALS = set("。！？!?")
OPEN_Q = set("“‘「『")
CLOSE_Q = set("”’」』")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start, depth, i, n = 0, 0, 0, len(text)

    def close(end: int) -> None:
        nonlocal start
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = end

    while i < n:
        ch = text[i]
        if ch == "\n":
            close(i)
            depth = 0
            i += 1
            continue
        if ch in OPEN_Q:
            depth += 1
        elif ch in CLOSE_Q:
            depth = max(0, depth - 1)
        is_end = ch in TERMINALS or (ch == "…" and i + 1 < n and text[i + 1] == "…")
        if is_end:
            j = i + 1
            while j < n and (text[j] in TERMINALS or text[j] == "…"):
                j += 1
            closed = 0
            while j < n and text[j] in CLOSE_Q:  # a stray closer (lost opener) closes too
                closed += 1
                j += 1
            if depth - closed <= 0:
                depth = 0
                close(j)
            i = j
            continue
        i += 1
    close(n)
    return spans
