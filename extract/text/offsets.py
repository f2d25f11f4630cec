"""OffsetMap: the one way newsfacts turns offsets in normalised text into raw offsets.

Normalised text is built from raw segments character by character; each
normalised character remembers the raw index it came from. Characters are only
ever dropped (whitespace, furniture) or replaced one-for-one (width forms), never
invented, except separator whitespace which maps to the raw whitespace it stands
for. Hence the offset rule every record obeys:

    strip_ws(nfkc(raw[start:end])) == strip_ws(nfkc(span_text))
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class NormText:
    """Normalised text plus, for each character, its index in the raw text."""

    raw: str
    chars: list[str] = field(default_factory=list)
    index: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def __len__(self) -> int:
        return len(self.chars)

    def append(self, ch: str, raw_index: int) -> None:
        self.chars.append(ch)
        self.index.append(raw_index)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of normalised text to a half-open raw span."""
        if not self.index:
            return 0, 0
        if end <= start:
            pos = self.index[min(start, len(self.index) - 1)]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def raw_slice(self, start: int, end: int) -> str:
        s, e = self.to_raw(start, end)
        return self.raw[s:e]


#: the normaliser's readings of a web copy's half-width marks, folded back for comparison: a point
#: after Chinese is 。 or a name's ·, half-width double quotes are “ and ”
_CANON_MARKS = str.maketrans({"。": ".", "·": ".", "“": '"', "”": '"'})


def canon(s: str) -> str:
    """The comparison form of the offset rule: NFKC, whitespace removed, and the marks the
    normaliser reads from half-width ones (``_CANON_MARKS``) folded back."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace()).translate(_CANON_MARKS)
