"""TextView: the text the officials' and organisations' rules read, with a map back to the text.

Paragraph breaks that do not end a sentence ("、中国\\n宝武…", "执行副主\\n任") are read through, and a
space between two Han characters (or a Han character and a digit) is dropped; every view offset
maps back to an offset of the original text.
"""
from __future__ import annotations

import regex

from .orgnames import ORG_CHARS

# A paragraph break after one of these ends a sentence and is not read through.
_SENT_END = set("。！？!?；;：:…”」』）)】")
_HAN = regex.compile(r"\p{Han}")
_WS = regex.compile(r"[ \t\u3000\r\n]+")


class TextView:
    """``text`` with soft paragraph breaks and spaces between CJK removed."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        idx: list[int] = []
        pos = 0
        prev = ""  # the last character of the view so far
        for m in _WS.finditer(text):
            if m.start() > pos:   # copied in chunks, not character by character
                parts.append(text[pos:m.start()])
                idx.extend(range(pos, m.start()))
                prev = text[m.start() - 1]
            pos = m.end()
            ws = m.group()
            nxt = text[m.end()] if m.end() < len(text) else ""
            if "\n" in ws or "\r" in ws:
                soft = prev and prev not in _SENT_END and nxt and ORG_CHARS.match(nxt) and ws.count("\n") <= 2
                if not soft:
                    parts.append("\n")
                    idx.append(m.start() + max(ws.find("\n"), ws.find("\r")))
                    prev = "\n"
            elif not (prev and _HAN.match(prev) and nxt and (_HAN.match(nxt) or nxt.isdigit())):
                parts.append(ws)
                idx.extend(range(m.start(), m.end()))
                prev = ws[-1]
        self.text = text
        if not parts:   # no whitespace at all: the view is the text
            self.c, self.idx = text, range(len(text))
            return
        parts.append(text[pos:])
        idx.extend(range(pos, len(text)))
        self.c = "".join(parts)
        self.idx = idx

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to a span of the original text."""
        return self.idx[start], self.idx[end - 1] + 1
