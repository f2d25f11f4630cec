"""The comparison form of a story version.

Whitespace and line breaks are dropped and every character is folded by NFKC (so
full- and half-width forms compare equal), and the enumeration comma 、 folds with the comma
(web copies print , for both), while each kept character remembers its offset in the raw
source text. Discrepancies found on this form can therefore never be about whitespace, line
breaks, width or 、/, and readings point back into the raw file.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from schemas import Sentence, StoryRecord


#: Punctuation a web copy prints for another (after NFKC): not a discrepancy (issue 12).
PUNCT_FOLD = {"、": ","}


@lru_cache(maxsize=8192)
def fold(ch: str) -> str:
    nf = unicodedata.normalize("NFKC", ch)
    nf = nf if len(nf) == 1 else ch
    return PUNCT_FOLD.get(nf, nf)


def is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


@dataclass
class Version:
    """One source's rendering of a story: canonical characters with raw offsets.

    Usually one story record; when the story splitter cut one source's version into
    several records, they are compared (and vote) together as one version.
    """

    records: list[StoryRecord]
    raw: str
    chars: str = ""
    raw_pos: list[int] = field(default_factory=list)
    extra: list[Sentence] = field(default_factory=list)  # body text the splitter took for a headline

    @property
    def record(self) -> StoryRecord:
        return self.records[0]

    @property
    def key(self) -> str:
        return self.record.story_id

    def sentences(self):
        return [s for r in self.records for s in r.sentences] + self.extra

    def story_at(self, raw_offset: int) -> str:
        """The story id of the record that holds a raw offset."""
        for r in self.records:
            if r.start <= raw_offset <= r.end:
                return r.story_id
        return self.key

    def canon_index(self, raw_offset: int) -> int:
        """Index of the first canonical char at or after a raw offset."""
        return bisect.bisect_left(self.raw_pos, raw_offset)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of canonical chars [start, end); an empty span sits at the gap."""
        if start < end:
            return self.raw_pos[start], self.raw_pos[end - 1] + 1
        if start < len(self.raw_pos):
            p = self.raw_pos[start]
            return p, p
        p = self.raw_pos[-1] + 1 if self.raw_pos else self.record.start
        return p, p


def find_raw(raw: str, lo: int, hi: int, text: str | None) -> tuple[int, int] | None:
    """Raw span of ``text`` in raw[lo:hi], whitespace ignored and characters folded."""
    needle = "".join(fold(c) for c in text or "" if not c.isspace())
    if not needle:
        return None
    pos = [i for i in range(lo, min(hi, len(raw))) if not raw[i].isspace()]
    k = "".join(fold(raw[i]) for i in pos).find(needle)
    return (pos[k], pos[k + len(needle) - 1] + 1) if k >= 0 else None


def build_version(records: StoryRecord | list[StoryRecord], raw: str) -> Version:
    """Canonical text of the body of one or more records of a source, read from the raw text.

    When the story splitter cut one version into several records, a later record's
    "headline" is a line of the body (a short line before a blank one in a narrow column):
    it is compared as body text."""
    records = sorted(records if isinstance(records, list) else [records], key=lambda r: r.start)
    v = Version(records, raw)
    for r in records[1:]:
        span = find_raw(raw, r.start, r.end, r.headline) if r.sentences else None
        if span:
            v.extra.append(Sentence(start=span[0], end=span[1], text=raw[span[0]:span[1]]))
    chars: list[str] = []
    seen_upto = -1
    for sent in sorted(v.sentences(), key=lambda s: s.start):
        for i in range(max(sent.start, seen_upto), sent.end):
            ch = raw[i]
            if ch.isspace():
                continue
            chars.append(fold(ch))
            v.raw_pos.append(i)
        seen_upto = max(seen_upto, sent.end)
    v.chars = "".join(chars)
    return v
