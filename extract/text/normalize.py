"""Character normalisation for matching, keeping an offset map to the raw text.

What changes (and nothing else):
- whitespace goes, except one space between two Latin letters/digits
  (``2024 年`` → ``2024年``, ``近 3000 名`` → ``近3000名``, ``地 震`` → ``地震``);
- full-width digits and Latin letters become ASCII (``１２月`` → ``12月``);
- half-width punctuation used in Chinese text becomes full-width
  (``,`` ``:`` ``;`` ``!`` ``?`` ``(`` ``)``), except ``,``/``:``/``.`` between digits
  (``1,389``, ``13:11``); a ``.`` after Chinese text ends the sentence (``。``), or is the dot
  of a transliterated name (``菲德尔.卡斯特罗`` → ``菲德尔·卡斯特罗``); the half-width double quotes
  of a paragraph with Chinese in it become ``“`` and ``”`` in turn;
- a full-width point between full-width digits, and a full-width comma between them that
  groups thousands (exactly three digits follow), become ``.`` and ``,``
  (``１２３，４５６．７８`` → ``123,456.78``; ``１，２`` keeps its ``，``: a list, not a number);
- compatibility variants that NFKC maps to one character are unified
  (e.g. Kangxi radicals ``⼀`` → ``一``), except superscripts and subscripts: ``10²`` is
  ten squared, not 102.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from .offsets import NormText

HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
BETWEEN_DIGITS_KEEP = {",", ":", "."}
SENTENCE_CLOSERS = "”’）」』》%％\""   # a half-width point after these (or after Chinese) ends a sentence
FULL_DIGITS = frozenset("０１２３４５６７８９")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def _full_width_number_mark(raw: str, i: int, end: int) -> str | None:
    """``.`` or ``,`` for a full-width point or thousands comma inside a full-width number."""
    ch = raw[i]
    if ch not in "．，" or i == 0 or raw[i - 1] not in FULL_DIGITS:
        return None
    if ch == "．":
        return "." if i + 1 < end and raw[i + 1] in FULL_DIGITS else None
    group = raw[i + 1:i + 4]
    after = raw[i + 4] if i + 4 < end else ""
    return "," if len(group) == 3 and all(c in FULL_DIGITS for c in group) and after not in FULL_DIGITS else None


def _han_point(prev: str, nxt: str) -> str:
    """A half-width point after Chinese text (web copy typed with a Latin keyboard): between two
    characters of a transliterated name it is the name's dot (菲德尔.卡斯特罗 -> ·), else it ends
    the sentence (会议结束.他说, 动员.12月17日 -> 。). A point in a number, before a Latin word (a
    URL: 人民网.cn) or in an ellipsis (...) stays."""
    if not (_is_han(prev) or prev and prev in SENTENCE_CLOSERS) or nxt == "." or nxt.isascii() and nxt.isalpha():
        return "."
    if _is_han(prev) and _is_han(nxt) and prev in _transliteration() and nxt in _transliteration():
        return "·"
    return "。"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" if ch else False


@lru_cache(maxsize=1)
def _transliteration() -> frozenset[str]:
    from ..facts.lexicon import transliteration_chars   # language data, read on first use

    return transliteration_chars()


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """One character's normalised form (always exactly one character)."""
    if ch in HALF_TO_FULL:
        return ch
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII block
        ascii_ch = chr(code - 0xFEE0)
        return ascii_ch if ascii_ch.isalnum() else ch
    if ch.isascii():
        return ch
    if unicodedata.decomposition(ch).startswith(("<super>", "<sub>")):
        return ch  # 10² is a power, H₂O a formula: not the digits 102 and H2O
    nf = unicodedata.normalize("NFKC", ch)
    if len(nf) == 1 and not (nf.isascii() and not nf.isalnum()):
        return nf
    return ch


def _next_visible(raw: str, i: int, end: int) -> str:
    while i < end and raw[i].isspace():
        i += 1
    return raw[i] if i < end else ""


def append_segment(out: NormText, start: int, end: int) -> None:
    """Normalise ``out.raw[start:end]`` onto ``out``.

    A run of CJK unified ideographs (U+4E00–U+9FFF, which normalise to themselves and are never
    Latin) is copied in one step; every other character goes through the rules above."""
    raw = out.raw
    pending_space = -1
    i = start
    while i < end:
        ch = raw[i]
        if "\u4e00" <= ch <= "\u9fff":
            j = _HAN_RUN.match(raw, i, end).end()
            out.chars.extend(raw[i:j])
            out.index.extend(range(i, j))
            pending_space = -1
            i = j
            continue
        if ch.isspace():
            if pending_space < 0:
                pending_space = i
            i += 1
            continue
        folded = _full_width_number_mark(raw, i, end) or _fold(ch)
        prev = out.chars[-1] if out.chars else ""
        if folded == ".":
            folded = _han_point(prev, _fold(_next_visible(raw, i + 1, end) or " "))
        if folded in HALF_TO_FULL:
            nxt = _fold(_next_visible(raw, i + 1, end) or " ")
            if not (folded in BETWEEN_DIGITS_KEEP and prev.isdigit() and nxt.isdigit()):
                folded = HALF_TO_FULL[folded]
        if pending_space >= 0 and is_ascii_alnum(prev) and is_ascii_alnum(folded):
            out.append(" ", pending_space)
        pending_space = -1
        out.append(folded, i)
        i += 1


def normalize_segments(raw: str, paragraphs: Iterable[Iterable[tuple[int, int]]]) -> NormText:
    """Normalise paragraphs (each a list of raw line spans) into one NormText.

    Lines inside a paragraph are joined with nothing (hard line breaks of a
    narrow column are not word boundaries); paragraphs are separated by "\\n",
    mapped to the raw position where the earlier paragraph ended.
    """
    out = NormText(raw)
    for para in paragraphs:
        before = len(out)
        last_end = None
        for s, e in para:
            if last_end is not None and len(out) > before and raw[last_end:s].strip():
                # text was cut out between the two pieces (page furniture): never run a
                # sentence across the gap
                out.append("\n", last_end)
            elif last_end is not None and len(out) > before:
                # a hard line break between two Latin words keeps one space
                prev = out.chars[-1]
                nxt = _fold(_next_visible(raw, s, e) or " ")
                if is_ascii_alnum(prev) and is_ascii_alnum(nxt) and _hyphen_free(prev) \
                        and not (prev.isdigit() and nxt.isdigit()):  # 1⏎998年: a wrapped number
                    out.append(" ", last_end)
            append_segment(out, s, e)
            last_end = e
        _pair_quotes(out, before)
        if len(out) > before and last_end is not None:
            out.append("\n", min(last_end, len(raw) - 1) if raw else 0)
    if out.chars and out.chars[-1] == "\n":
        out.chars.pop()
        out.index.pop()
    return out


_AFTER_CLOSE = frozenset("，。！？；：、）》…")   # a quote before these closes
_BEFORE_OPEN = frozenset("：（《")     # a quote after these opens


def _pair_quotes(out: NormText, start: int) -> None:
    """Half-width double quotes of a paragraph with Chinese in it (web copy: 提出"坚持稳中求进")
    become “ and ” in turn, as a full-width copy prints them; one at the paragraph's end or before
    punctuation closes (a quotation running over paragraphs opens each and closes only the last),
    one at its start or after a colon or an opening bracket opens."""
    chars = out.chars
    if '"' not in chars[start:] or not any(_is_han(ch) for ch in chars[start:]):
        return
    opening = True
    for k in range(start, len(chars)):
        if chars[k] != '"':
            continue
        prev = chars[k - 1] if k > start else ""
        nxt = chars[k + 1] if k + 1 < len(chars) else ""
        if not nxt or nxt in _AFTER_CLOSE and prev not in _BEFORE_OPEN:
            opening = False   # …新台阶。" at the paragraph's end closes a quote opened paragraphs before
        elif not prev or prev in _BEFORE_OPEN:
            opening = True    # 提出:"坚持…, at a paragraph's start: a quote opens
        chars[k] = "“" if opening else "”"
        opening = not opening


def _hyphen_free(ch: str) -> bool:
    return ch != "-"


def normalize(raw: str) -> NormText:
    """Normalise a whole text: blank lines separate paragraphs, other line breaks join."""
    paras: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            cur.append((pos, pos + len(body)))
        elif cur:
            paras.append(cur)
            cur = []
        pos += len(line)
    if cur:
        paras.append(cur)
    return normalize_segments(raw, paras)


def normalize_text(s: str) -> str:
    """Normalised form of a short string (headline, field value)."""
    return normalize(s).text
