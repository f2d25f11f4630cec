"""A story's furniture compared across its versions like body text (issue 12).

Headlines and subtitles (field ``headline``), datelines (``dateline``), bylines and end marks
such as （完） (``byline``) sit outside the body sentences the aligner anchors, so a wrong
character there (新华社 → 新华设, 十二月 → 十三月, （完） → （宪）) was never compared. Each
version's piece is found in its raw text (whitespace ignored, width folded, so readings point
into the file), the pieces of one kind are aligned character by character against the most
common one, and the regions where they differ become conflicts through the same engine as
the body: numbers compare by value (十二月 is 12月), a dateline's date is resolved against
the group's reference date, and a difference in punctuation alone is layout, not a conflict.

A version that does not print a piece is silent about it, and a piece too unlike the others
(a headline the story splitter gave the wrong story) is left out rather than compared.
Publication headers (发布时间) and editor footers (责编) are metadata: a paper and its web copy
differ there by nature.
"""
from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Optional

from schemas import Conflict, ReferenceDate

from .align import Block, UnitAlignment
from .canon import Version, fold
from .compare import FactSpan, region_conflicts
from .datecmp import text_dates
from .numerals import number_key, runs, skeleton, skeleton_map

MIN_SIMILARITY = 0.5
MAX_PIECE_EDITS = 2  # characters two prints of one piece may differ in
NEAR, LEAD, TAIL = 0.75, 120, 80  # an unrecognised dateline: share matched, where to look
END_MARK = re.compile(r"^[（(][^（）()]{1,3}[）)]$")
FIELD = {"headline": "headline", "subtitle": "headline", "dateline": "dateline", "byline": "byline",
         "endmark": "byline"}


def _canon(raw: str, lo: int, hi: int) -> tuple[str, list[int]]:
    chars, pos = [], []
    for i in range(lo, hi):
        if not raw[i].isspace():
            chars.append(fold(raw[i]))
            pos.append(i)
    return "".join(chars), pos


def _locate(v: Version, text: Optional[str], outside_body: bool = True) -> Optional[Version]:
    """The piece ``text`` in the version's raw text, as a comparable pseudo-version."""
    if not text:
        return None
    needle = "".join(fold(c) for c in text if not c.isspace())
    if not needle:
        return None
    body = [(s.start, s.end) for s in v.sentences()]
    for rec in v.records:
        chars, pos = _canon(v.raw, rec.start, min(rec.end, len(v.raw)))
        k = chars.find(needle)
        while k >= 0:
            rs, re_ = pos[k], pos[k + len(needle) - 1] + 1
            if not outside_body or not any(a < re_ and rs < b for a, b in body):
                return Version(v.records, v.raw, needle, pos[k:k + len(needle)])
            k = chars.find(needle, k + 1)
    return None


def _near(v: Version, target: str) -> Optional[Version]:
    """A piece like ``target`` near the start or the end of the version's records, for a
    dateline the layout did not recognise because of the error in it (新华设北京…电).
    Numbers count as one character each, so 十二月 finds 12月."""
    want = skeleton(target)
    for rec in v.records:
        chars, pos = _canon(v.raw, rec.start, min(rec.end, len(v.raw)))
        for lo, hi in ((0, min(len(chars), LEAD)), (max(0, len(chars) - TAIL), len(chars))):
            skel, where = skeleton_map(chars[lo:hi])
            blocks = [b for b in SequenceMatcher(None, want, skel, autojunk=False).get_matching_blocks() if b.size]
            if sum(b.size for b in blocks) < NEAR * len(want):
                continue
            a = max(0, blocks[0].b - blocks[0].a)
            b = min(len(skel), blocks[-1].b + len(want) - blocks[-1].a)
            if abs((b - a) - len(want)) <= len(want) // 3:
                a, b = lo + where[a], lo + where[b]
                return Version(v.records, v.raw, chars[a:b], pos[a:b])
    return None


def _end_mark(v: Version) -> Optional[Version]:
    """（完） and the like: the last sentence of the version when it is only that."""
    sents = sorted(v.sentences(), key=lambda s: s.start)
    if not sents:
        return None
    last = sents[-1]
    chars, pos = _canon(v.raw, last.start, last.end)
    if not END_MARK.match(chars):
        return None
    return Version(v.records, v.raw, chars, pos)


def pieces(v: Version) -> dict[str, Version]:
    """The version's furniture pieces that can be found in its raw text."""
    found: dict[str, Optional[Version]] = {}
    for name in ("headline", "subtitle", "dateline", "byline"):
        # a later record's headline is body text the splitter cut off (see build_version)
        recs = v.records[:1] if name in ("headline", "subtitle") else v.records
        found[name] = next((p for r in recs if (p := _locate(v, getattr(r, name)))), None)
    found["endmark"] = _end_mark(v)
    return {k: p for k, p in found.items() if p is not None}


def _aligned(pivot: str, other: str) -> Optional[UnitAlignment]:
    """The piece aligned to the pivot piece, or None when it is another piece: too unlike it,
    or unlike in more characters than OCR errors explain (a dateline of the next story that a
    merged record took: 杭州九月六日 / 昆明九月七日). Numbers count by value (十二 = 12)."""
    sm = SequenceMatcher(None, pivot, other, autojunk=False)
    if sm.ratio() < MIN_SIMILARITY:
        return None
    a, b = number_key(pivot), number_key(other)
    same = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    if max(len(a), len(b)) - same > MAX_PIECE_EDITS:
        return None
    return UnitAlignment([Block(*op) for op in sm.get_opcodes()], anchored_left=True, anchored_right=True)


def _facts(piece: Version, name: str, ref: Optional[ReferenceDate]):
    dates = text_dates(piece.chars, ref) if name == "dateline" else []
    facts = [("date", d.a, d.b, False) for d in dates]
    facts += [("claim.value", a, b, True) for a, b, _ in runs(piece.chars)]
    return dates, facts


def furniture_conflicts(gid: str, versions: list[Version], ref: Optional[ReferenceDate]) -> list[Conflict]:
    """Conflicts in the headlines, subtitles, datelines, bylines and end marks of a group."""
    found = [pieces(v) for v in versions]
    lines = Counter(p["dateline"].chars for p in found if "dateline" in p)
    if lines:
        target = lines.most_common(1)[0][0]
        for v, p in zip(versions, found):
            if "dateline" not in p and (near := _near(v, target)) is not None:
                p["dateline"] = near
    out: list[Conflict] = []
    for name in FIELD:
        segs = [p[name] for p in found if name in p]
        if len(segs) < 2:
            continue
        common = Counter(s.chars for s in segs)
        pivot = max(segs, key=lambda s: (common[s.chars], len(s.chars)))
        others = [(s, [al]) for s in segs if s is not pivot and (al := _aligned(pivot.chars, s.chars))]
        if not others:
            continue
        dates, facts = {}, []
        for s in [pivot] + [o for o, _ in others]:
            ds, fs = _facts(s, name, ref)
            dates[id(s)] = ds
            al = None if s is pivot else next(a for o, a in others if o is s)[0]
            for f, a, b, strict in fs:
                pa, pb = (a, b - 1) if al is None else (al.to_pivot(a), al.to_pivot(b - 1))
                if pa is not None and pb is not None and pb >= pa:
                    facts.append(FactSpan(f, pa, pb + 1, strict))
        out += region_conflicts(gid, pivot, others, facts, base=FIELD[name], dates=dates, salt=name)
    return out
