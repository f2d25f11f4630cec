"""What a conflict page shows of the text: readings with their differing characters, and each
version's whole story with the conflict's region marked.

Everything here returns plain strings in segments; the templates escape them (Jinja2 autoescape),
so no function here builds markup.

A reading's ``start``/``end`` are offsets into the raw decoded text of its source, so the story is
read from the source again (the same decoding ``extract`` used; a JSONL input's line's ``text``)
and ``raw[story.start:story.end]`` is shown with ``raw[reading.start:reading.end]`` marked. The
source is trusted only when the marked slice still reads as the reading (whitespace removed,
NFKC): a file changed or missing since ``check`` ran falls back to the loaded (normalised) story
text, with the reading found there by its context, and the page says so.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Optional

Segments = list[tuple[str, bool]]  # (text, marked)


def diff_segments(text: str, ref: Optional[str]) -> Segments:
    """``text`` cut into runs, those that differ from ``ref`` marked (as the static report does)."""
    if ref is None or text == ref or not text:
        return [(text, False)] if text else []
    out: Segments = []
    for tag, _, _, j1, j2 in SequenceMatcher(None, ref, text, autojunk=False).get_opcodes():
        if j2 > j1:
            out.append((text[j1:j2], tag != "equal"))
    return out


def reference(consensus: Optional[str], readings: list[dict[str, Any]]) -> str:
    """What readings are compared against: the consensus, else the best-voted reading."""
    if consensus is not None:
        return consensus
    return max(readings, key=lambda r: (r["votes"], -r["idx"]))["text"] if readings else ""


def canon(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@lru_cache(maxsize=32)
def _documents(path: str, mtime_ns: int, size: int) -> dict[str, str]:
    """doc_id -> raw text of every document ``path`` holds (one for a text file, one a line for
    JSONL), decoded as ``extract`` decodes it. Cached while the file is unchanged."""
    from ..inputs import RawDoc, iter_inputs

    return {it.doc_id: it.text for it in iter_inputs([path]) if isinstance(it, RawDoc)}


def raw_text(path: str, doc_id: str) -> Optional[str]:
    """The raw text of ``doc_id`` in the source ``path`` (relative to the working folder, as the
    records give it), or None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None
    try:
        return _documents(path, st.st_mtime_ns, st.st_size).get(doc_id)
    except Exception:  # noqa: BLE001 - an unreadable source only means the fallback is shown
        return None


@dataclass
class StoryView:
    before: str
    marked: str
    after: str
    origin: str  # "source": raw text and offsets; "loaded": the loaded story text; "none"
    found: bool  # the region was located (an empty reading is shown as an insertion point)


def story_view(reading: dict[str, Any], story: Optional[dict[str, Any]]) -> StoryView:
    """The whole story of one reading's version, the reading's region marked."""
    start, end = reading["start"], reading["end"]
    raw = raw_text(reading["source_path"], reading["doc_id"])
    if raw is not None and 0 <= start <= end <= len(raw) and canon(raw[start:end]) == canon(reading["text"]):
        lo = min(start, story["start"]) if story else max(0, start - 300)
        hi = max(end, story["end"]) if story else min(len(raw), end + 300)
        return StoryView(raw[lo:start], raw[start:end], raw[end:hi], "source", True)
    if story is None:
        return StoryView(reading["context_before"], reading["text"], reading["context_after"], "none", True)
    text = story["text"]
    for probe, lead in ((reading["context_before"] + reading["text"] + reading["context_after"],
                         len(reading["context_before"])),
                        (reading["context_before"] + reading["text"], len(reading["context_before"])),
                        (reading["text"] + reading["context_after"], 0)):
        at = text.find(probe)
        if probe and at >= 0 and text.find(probe, at + 1) < 0:
            a = at + lead
            b = a + len(reading["text"])
            return StoryView(text[:a], text[a:b], text[b:], "loaded", True)
    return StoryView(text, "", "", "loaded", False)
