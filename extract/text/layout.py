"""Page layout: raw lines → paragraphs ("units") with a kind each.

OCR pages arrive as narrow columns with hard line breaks inside words, blank
lines that sometimes fall mid-sentence, and page furniture (上接/下转 markers,
photo credits, 责编 footers, 发布时间 headers). This module rebuilds paragraphs
from line geometry (the column width) and punctuation, and labels each one:

head       a short line with no closing punctuation (headline or section head)
md_head    a Markdown heading (level in ``Unit.level``)
subtitle   a line led by ——
byline     新华社记者 严赋憬 张辛欣 / □ 本报记者 丰曼 / 新华社记者严赋憬、张辛欣
dateline   a dateline standing alone (新华社北京12月25日电, (新华社北京 12月 25 日电))
signoff    an author sign-off standing alone: (李明)
furniture  上接/下转, photo credits, 责编 footers, 发布时间 headers
body       everything else (a body paragraph may *start* with a lead dateline)

A paragraph's kind is set once, by ``_classify``; the one later change is ``_promote_heads`` (a
short unpunctuated paragraph right above a lead or a 上接 marker is a head), made here, after
paragraphs broken by a column or page break are joined, and before stories read the kinds. Layout
also keeps what it has read so that nothing reads the raw text again for it: each paragraph's
normalised text with its offset map (``Unit.norm``), a byline's names, and where a lead dateline
opening a paragraph ends (``Unit.lead_end``). The dateline patterns are text/datelines.py's.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import cached_property

import regex as re

from .datelines import LEAD_DATELINE, NUM, TRAIL_DATELINE
from .normalize import normalize_segments
from .offsets import NormText

__all__ = ["LEAD_DATELINE", "TRAIL_DATELINE", "BYLINE", "PUBLISHED", "Unit", "layout", "is_lead"]

TERMINAL = "。！？!?.…”’」』）)】;；"  # a paragraph ending in one of these is closed (. in web copy)
CLAUSE = "，、；,;"

BYLINE = re.compile(
    r"^\s*[■□●◆▲]?\s*(?:新华社|本报|人民日报|中新社)?\s*(?:特约|实习)?(?:记者|通讯员)"
    r"(?P<names>(?:[\s、]*\p{Han}{2,4}){1,6})\s*$"
)
PHOTO_CREDIT = re.compile(
    r"^\s*[■□●◆▲]?\s*(?:(?:新华社|本报|人民日报)?\s*(?:特约)?(?:记者|通讯员)?\s*(?:\p{Han}{2,4}[\s、]*){1,4}\s*摄"
    r"|新华社发(?:\s*[（(][^）)]*[）)])?)\s*$"
)
TRAILING_CREDIT = re.compile(
    r"(?<=[。！？”])\s*(?P<credit>(?:(?:新华社|本报)?(?:记者)?\s*\p{Han}{2,4}\s*摄|新华社发(?:\s*[（(][^）)]*[）)])?))\s*$"
)
SIGNOFF = re.compile(r"^\s*[（(]\s*(?!责编)(?:\p{Han}{2,4}[\s、]*){1,3}[)）]\s*$")
INLINE_SIGNOFF = re.compile(r"(?<=[。！？”])\s*[（(](?!责编|据)(?:\p{Han}{2,4}[\s、]*){1,3}[)）]\s*$")
JUMP = re.compile(rf"[（(]\s*(?P<kind>上接|下转|接|转)\s*第?\s*{NUM}{{1,3}}\s*版\s*[)）]")
EDITOR = re.compile(r"^\s*[（(]?\s*(?:责编|责任编辑|编辑)\s*[:：][^）)]*[)）]?\s*$")
# page and web furniture that is neither body nor headline: page numbers and running heads of a
# PDF page (— 3 —, 第3版 要闻, 2024年12月3日 星期二), web chrome (来源：新华网, 【纠错】, 分享到)
PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–]+\s*\d{1,3}\s*[-—–]+"
    r"|第\s*[\d一二三四五六七八九十]{1,3}\s*版(?:\s*[：:|/·]?\s*\p{Han}{0,6})?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天](?:\s*\S{0,12})?"
    r"|(?:来源|稿源|作者|字号)\s*[:：]\s*\S{1,20}"
    r"|【\s*(?:纠错|打印|关闭|字号)[^】]*】.*|分享到\s*[:：]?.*|(?:打印本页|关闭窗口|返回顶部)\s*"
    r"|!\[[^\]]*\]\([^)]*\))\s*$"  # a Markdown image line
)
MD_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<inner>[^*_]+)(?:\*\*|__)\s*$")
PUBLISHED = re.compile(r"发布时间\s*[:：]\s*(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
MD_HEAD = re.compile(r"^\s*(?P<hashes>#{1,6})\s+")
SUBTITLE = re.compile(r"^\s*(?:——|－－|--)")


@dataclass(eq=False)  # a paragraph is itself: compared by identity (``u in story.heads``)
class Unit:
    """A paragraph: raw line spans plus its kind and normalised text."""

    kind: str
    spans: list[tuple[int, int]]
    text: str = ""
    level: int = 0
    block: int = 0  # index of the blank-line-separated block it came from
    width: int = 0  # widest line, in characters (narrow-column geometry)
    furniture: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, raw start, raw end)
    end_marker: bool = False  # body paragraph closed by an inline sign-off / credit
    starts_jump: bool = False  # led by a 上接 marker
    norm: NormText | None = None  # the normalised spans (``text``'s offset map) while they are unchanged
    names: str | None = None  # a byline's names, as printed
    lead_end: int | None = None  # raw offset where a lead dateline opening the unit ends (its first lines)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class Line:
    start: int
    end: int
    block: int
    text: str

    @cached_property
    def size(self) -> int:
        """Visible characters (column geometry is measured in these)."""
        return len(self.text) - sum(map(str.isspace, self.text))


def _lines(raw: str) -> list[Line]:
    out: list[Line] = []
    pos, block, blank = 0, 0, True
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        if body.strip():
            if blank and out:
                block += 1
            s = pos + (len(body) - len(body.lstrip()))
            e = pos + len(body.rstrip())
            out.append(Line(s, e, block, raw[s:e]))
            blank = False
        else:
            blank = True
        pos += len(piece)
    return out


def column_width(lines: list[Line]) -> int | None:
    """The column width of a narrow-column OCR page, or None for flowing text."""
    sizes = [ln.size for ln in lines]
    if len(sizes) < 20 or statistics.median(sizes) > 30:
        return None
    long = [s for s in sizes if s >= 8]
    return statistics.mode(long) if long else None


def _is_marker_start(text: str) -> bool:
    return bool(JUMP.match(text.lstrip()) or LEAD_DATELINE.match(text) or MD_HEAD.match(text)
                or SUBTITLE.match(text) or BYLINE.match(text))


def _headlike(text: str, width: int | None) -> bool:
    core = text.strip()
    if not core or core[-1] in TERMINAL or core[-1] in CLAUSE:
        return False
    if any(ch in core for ch in "。，；"):
        return False
    limit = int(width * 0.75) if width else 50
    return len(core.replace(" ", "")) <= limit


def _closed(text: str, nxt: str) -> bool:
    """Text ending a paragraph, before text ``nxt`` on the next line: a ``TERMINAL`` mark, but not a
    point between digits (47. | 71%: a decimal the column wrapped). Across a blank line (``nxt``
    empty) a point after a digit ends the paragraph (比价升为1:6.2. | 1至4月份…)."""
    return text[-1] in TERMINAL and not (text[-1] == "." and text[-2:-1].isdigit() and nxt[:1].isdigit())


def _split_block(lines: list[Line], width: int | None) -> list[list[Line]]:
    """Split one blank-line-separated block into paragraphs."""
    paras: list[list[Line]] = [[lines[0]]]
    for prev, ln in zip(lines, lines[1:]):
        p = prev.text.rstrip()
        nxt_marker = _is_marker_start(ln.text) or bool(MD_HEAD.match(p))
        if width:
            short = prev.size < width - 1
            brk = short and (_closed(p, ln.text.lstrip()) or nxt_marker or (_headlike(p, width) and ln.size >= width - 1))
        else:
            brk = _closed(p, ln.text.lstrip()) or nxt_marker or bool(PHOTO_CREDIT.match(p) or PHOTO_CREDIT.match(ln.text))
        if brk:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def _classify(unit: Unit, raw: str) -> None:
    t = unit.text
    if not t:
        unit.kind = "furniture"
    elif m := MD_HEAD.match(raw[unit.start:unit.end]):
        unit.kind, unit.level = "md_head", len(m.group("hashes"))
        unit.text = t.lstrip("#").strip()
        _trim_markup(unit, m.end(), 0)
    elif SUBTITLE.match(t) and len(t) <= 40 and not any(ch in t for ch in "。！？；"):
        unit.kind = "subtitle"   # ——记…: short, no sentence inside (———漫湾电站建成已七年多，…。 wraps a body line)
    elif (mb := MD_BOLD_LINE.match(raw[unit.start:unit.end])) and _headlike(mb.group("inner"), None):
        unit.kind, unit.level = "md_head", 3  # **小标题**: a section head, never a story boundary
        _trim_markup(unit, mb.start("inner"), len(raw[unit.start:unit.end]) - mb.end("inner"))
        unit.text = mb.group("inner").strip()
    elif EDITOR.match(t) or PUBLISHED.search(t) and len(t) < 80 or PAGE_FURNITURE.match(raw[unit.start:unit.end]):
        unit.kind = "furniture"
    elif PHOTO_CREDIT.match(raw[unit.start:unit.end]):
        unit.kind = "furniture"
    elif by := BYLINE.match(raw[unit.start:unit.end]):
        unit.kind, unit.names = "byline", by.group("names")
    elif TRAIL_DATELINE.match(t):
        unit.kind = "dateline"
    elif SIGNOFF.match(t):
        unit.kind = "signoff"
    elif _headlike(t, None) and not unit.starts_jump and not LEAD_DATELINE.match(t):
        unit.kind = "head"
    else:
        unit.kind = "body"
        if INLINE_SIGNOFF.search(t):
            unit.end_marker = True


def _trim_markup(unit: Unit, lead: int, tail: int) -> None:
    """Drop Markdown markup (# , ** **) from a one-line unit's span, keeping offsets exact."""
    if len(unit.spans) == 1:
        s, e = unit.spans[0]
        if s + lead < e - tail:
            unit.spans[0] = (s + lead, e - tail)
            unit.norm = None


def _strip_furniture(unit: Unit, raw: str) -> None:
    """Move 上接/下转 markers and trailing photo credits out of the unit's spans."""
    new_spans: list[tuple[int, int]] = []
    for s, e in unit.spans:
        pieces = [(s, e)]
        for m in JUMP.finditer(raw, s, e):
            kind = "jump_from" if m.group("kind") in ("上接", "接") else "jump_to"
            unit.furniture.append((kind, m.start(), m.end()))
            if kind == "jump_from":
                unit.starts_jump = True
            pieces = [(a, b) for a, b in _cut(pieces, m.start(), m.end())]
        new_spans.extend(pieces)
    if new_spans:
        s, e = new_spans[-1]
        m = TRAILING_CREDIT.search(raw, s, e)
        if m and m.start("credit") > s:
            unit.furniture.append(("photo_credit", m.start("credit"), m.end("credit")))
            new_spans[-1] = (s, m.start("credit"))
            unit.end_marker = True
    unit.spans = [(a, b) for a, b in new_spans if raw[a:b].strip()] or unit.spans[:0]


def _cut(pieces: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for a, b in pieces:
        if e <= a or s >= b:
            out.append((a, b))
            continue
        if a < s:
            out.append((a, s))
        if e < b:
            out.append((e, b))
    return out


def _is_open(unit: Unit, width: int | None) -> bool:
    """A body paragraph that runs on past a blank line (a column or page break)."""
    t = unit.text
    if unit.kind != "body" or not t or _closed(t, "") or unit.end_marker:
        return False
    if any(ch in t for ch in CLAUSE):
        return True
    # a full line of a column runs on; one line alone does only when a lead dateline opens it
    # (新华社北京十二月十五日电 应国航 | 空公司近日披露…): a one-line headline never does
    return bool(width and unit.width >= width - 1 and (len(unit.spans) > 1 or LEAD_DATELINE.match(t)))


def layout(raw: str) -> tuple[list[Unit], int | None]:
    """Rebuild the paragraphs of a page; returns (units, column width or None)."""
    lines = _lines(raw)
    width = column_width(lines)
    units: list[Unit] = []
    by_block: dict[int, list[Line]] = {}
    for ln in lines:
        by_block.setdefault(ln.block, []).append(ln)
    for block, blines in by_block.items():
        for para in _split_block(blines, width):
            u = Unit("body", [(ln.start, ln.end) for ln in para], block=block,
                     width=max(ln.size for ln in para))
            _strip_furniture(u, raw)
            u.norm = normalize_segments(raw, [u.spans]) if u.spans else None
            u.text = u.norm.text if u.norm is not None else ""
            _classify(u, raw)
            if u.kind == "furniture" and not u.furniture:
                kind = ("published" if PUBLISHED.search(u.text) else
                        "editor" if EDITOR.match(u.text) else
                        "page" if PAGE_FURNITURE.match(raw[u.start:u.end]) else "photo_credit")
                u.furniture.append((kind, u.start, u.end))
                u.spans = []
            units.append(u)
    units = _merge_open(units, width)
    _promote_heads(units)
    for u in units:
        u.lead_end = _lead_end(u, raw)
    return units, width


def _lead_end(u: Unit, raw: str) -> int | None:
    """Raw offset where a lead dateline opening ``u`` ends, or None. A narrow column can break
    the dateline itself (本报北京2000年12月31 | 日讯2000年是…) and OCR can space it out (新 华社北京
    1月 1日电): then it is read on the unit's first lines normalised and joined, and may end in a
    later span."""
    if not u.spans:
        return None
    s, e = u.spans[0]
    m = LEAD_DATELINE.match(raw[s:e])
    first = s + m.end() if m else None
    if first is None or first >= e - 12:   # 据新华社 | 哈瓦那12月30日电: the longer; 本报 北京1月 1日讯: spaced
        if not LEAD_DATELINE.match("".join("".join(raw[a:b].split()) for a, b in u.spans[:4])):
            return first   # a quick look first: most paragraphs open with no dateline at all
        norm = normalize_segments(raw, [u.spans[:4]])
        if (joined := LEAD_DATELINE.match(norm.text)) and joined.end() > 0:
            end = norm.to_raw(0, joined.end())[1]
            if first is None or end > first:
                return end
    return first


def is_lead(u: Unit) -> bool:
    """A body paragraph opened by a lead dateline (新华社北京12月25日电, 本报讯, 据新华社)."""
    return u.kind == "body" and bool(LEAD_DATELINE.match(u.text))


def _promote_heads(units: list[Unit]) -> None:
    """A short unpunctuated paragraph right above a lead or a 上接 marker is a headline."""
    for u, nxt in zip(units, units[1:]):
        if (u.kind == "body" and len(u.text) <= 30 and u.text[-1] not in "。！？”…"
                and (is_lead(nxt) or nxt.starts_jump)):
            u.kind = "head"


def _merge_open(units: list[Unit], width: int | None) -> list[Unit]:
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (prev is not None and _is_open(prev, width) and u.kind in ("body", "head")
                and not u.starts_jump and not LEAD_DATELINE.match(u.text)):
            prev.spans.extend(u.spans)
            prev.furniture.extend(u.furniture)
            prev.text += u.text
            prev.norm = None  # the joined spans are normalised again when the body is built
            prev.end_marker = u.end_marker
            prev.width = max(prev.width, u.width)
            continue
        out.append(u)
    return out
