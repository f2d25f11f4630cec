"""Align a version against a pivot version: clause-level anchoring, then characters.

Reordered paragraphs and column splits must not look like discrepancies, so a version
is not aligned as one sequence. Each of its clauses (sentences, or fragments of them
left by a column split) is anchored independently in the pivot by voting on the
diagonal of shared character k-grams, then aligned character by character inside a
window around that anchor.

At a clause's edges (issue 12): where the unit and the pivot both start (or end) a sentence
within a few characters of each other, the characters in between are compared like any
other (目前 → 曰前 at a paragraph start is a discrepancy). Longer unmatched slack at a
fragment's edges is trimmed: a partial version is silent about what it does not print, it
does not "omit" it; and an edge insertion whose text the other side prints at a sentence
boundary elsewhere is a column split, not a discrepancy.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

K = 4
MIN_UNIT = 6
MIN_MATCH_SHARE = 0.6
EDGE_MAX = 5  # characters compared past the last match at a sentence edge
EDGE_SOLID = 6  # ... when that match is at least this long (a clean alignment, not a stray one)
PART_SOLID = 8  # a unit aligned only in part needs a match at least this long
LONG_GAP = 12  # an unmatched stretch this long inside a unit is text printed between its parts
GAP_MATCH_SHARE = 0.5  # a gap between two units longer than EDGE_MAX is bridged when this much matches


@dataclass
class Block:
    """pivot[p0:p1] corresponds to version[v0:v1]; tag as difflib's (pivot → version)."""

    tag: str
    p0: int
    p1: int
    v0: int
    v1: int


@dataclass
class UnitAlignment:
    blocks: list[Block] = field(default_factory=list)
    anchored_left: bool = False   # the unit starts where a pivot sentence starts
    anchored_right: bool = False  # ... and ends where one ends

    @property
    def p0(self) -> int:
        return self.blocks[0].p0

    @property
    def p1(self) -> int:
        return self.blocks[-1].p1

    @property
    def v0(self) -> int:
        return self.blocks[0].v0

    @property
    def v1(self) -> int:
        return self.blocks[-1].v1

    @property
    def matched(self) -> int:
        return sum(b.p1 - b.p0 for b in self.blocks if b.tag == "equal")

    def covers(self, ps: int, pe: int) -> bool:
        """True when the unit prints [ps, pe): a region inside it, or an insertion point
        inside it or at an edge it shares with a pivot sentence."""
        if ps < pe:
            return self.p0 <= ps and pe <= self.p1
        return (self.p0 < ps < self.p1 or (ps == self.p0 and self.anchored_left)
                or (ps == self.p1 and self.anchored_right))

    def to_version(self, p: int, *, left: bool) -> int:
        """Version position of the region boundary ``p`` in the pivot.

        A left boundary takes in an insertion that sits exactly at it, and so does a
        right boundary: regions are closed over the edits that touch them.
        """
        at = [b for b in self.blocks if (b.p0 == p if left else b.p1 == p)]
        if at:
            return at[0].v0 if left else at[-1].v1
        for b in self.blocks:
            if b.p0 < p < b.p1:
                if b.tag == "equal" or b.p1 - b.p0 == b.v1 - b.v0:  # character for character
                    return b.v0 + (p - b.p0)
                return b.v0 if left else b.v1
        return self.blocks[0].v0 if p < self.p0 else self.blocks[-1].v1

    def to_pivot(self, v: int) -> int | None:
        """Pivot position of version position ``v`` (character for character through an
        equal block or a same-length replacement, else the block's start)."""
        for b in self.blocks:
            if b.v0 <= v < b.v1 or (b.v0 == v == b.v1):
                same = b.tag == "equal" or b.p1 - b.p0 == b.v1 - b.v0
                return b.p0 + (v - b.v0) if same else b.p0
        return None


def _index(pivot: str) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for i in range(len(pivot) - K + 1):
        idx[pivot[i:i + K]].append(i)
    return idx


@dataclass
class Bounds:
    """Sentence edges (canonical positions) of the pivot and of the version."""

    p_starts: list[int]
    p_ends: list[int]
    v_starts: list[int]
    v_ends: list[int]


def _at_edge(text: str, chars: str, edges: list[int], *, before: bool) -> bool:
    """``text`` is printed right before (or after) one of ``edges`` in ``chars``."""
    n = len(text)
    return bool(text) and any((chars[e - n:e] if before else chars[e:e + n]) == text for e in edges)


def _edge(pivot: str, vtext: str, bounds: Bounds, i_eq: int, j_eq: int, j_edge: int,
          *, left: bool) -> tuple[list[Block], bool]:
    """The blocks between a solid match and the sentence edge (a character changed, a word
    dropped or swapped at a paragraph start), and whether the edge is shared."""
    gv = j_eq - j_edge if left else j_edge - j_eq
    if left:
        k = bisect.bisect_right(bounds.p_starts, i_eq) - 1
        edge = bounds.p_starts[k] if k >= 0 else None
    else:
        k = bisect.bisect_left(bounds.p_ends, i_eq)
        edge = bounds.p_ends[k] if k < len(bounds.p_ends) else None
    if edge is None:
        return [], False
    gp = i_eq - edge if left else edge - i_eq
    if gp > EDGE_MAX or gv > EDGE_MAX:
        return [], False
    vpart = vtext[j_edge:j_eq] if left else vtext[j_eq:j_edge]
    ppart = pivot[edge:i_eq] if left else pivot[i_eq:edge]
    if gp != gv and (_at_edge(vpart, pivot, bounds.p_ends if left else bounds.p_starts, before=left)
                     or _at_edge(ppart, vtext, bounds.v_ends if left else bounds.v_starts, before=left)):
        return [], False  # the other side prints it across a split
    p0, v0 = (edge, j_edge) if left else (i_eq, j_eq)
    ops = SequenceMatcher(None, ppart, vpart, autojunk=False).get_opcodes()
    return [Block(t, p0 + i1, p0 + i2, v0 + j1, v0 + j2) for t, i1, i2, j1, j2 in ops], True


def _sparse(ops: list[Block], i: int, j: int) -> bool:
    """Ops[i:j] match less than half their version characters: past the last solid match the
    unit runs into text printed elsewhere (a scrambled page's next chunk), not a few errors."""
    span = sum(b.v1 - b.v0 for b in ops[i:j])
    return span > 0 and sum(b.v1 - b.v0 for b in ops[i:j] if b.tag == "equal") < 0.5 * span


def _diagonal(unit: str, idx: dict[str, list[int]]) -> int | None:
    """The pivot offset where the unit most likely starts: the diagonal most of its K-grams
    (each found at most 8 times in the pivot) vote for, if at least two agree."""
    votes: Counter = Counter()
    for j in range(len(unit) - K + 1):
        hits = idx.get(unit[j:j + K], ())
        if 0 < len(hits) <= 8:
            for p in hits:
                votes[p - j] += 1
    if not votes:
        return None
    diag, count = votes.most_common(1)[0]
    return diag if count >= 2 else None


def _align_unit(pivot: str, idx: dict[str, list[int]], vtext: str, v0: int, v1: int,
                bounds: Bounds | None = None, edges: tuple[bool, bool] = (True, True)) -> UnitAlignment | None:
    """The unit version[v0:v1] aligned in the pivot; ``edges`` tells which of its ends are a
    sentence edge of the version (not the cut left by aligning the rest elsewhere)."""
    unit = vtext[v0:v1]
    diag = _diagonal(unit, idx)
    if diag is None:
        return None
    slack = 8 + len(unit) // 8
    w0 = max(0, diag - slack)
    w1 = min(len(pivot), diag + len(unit) + slack)
    sm = SequenceMatcher(None, pivot[w0:w1], unit, autojunk=False)
    ops = [Block(t, w0 + i1, w0 + i2, v0 + j1, v0 + j2) for t, i1, i2, j1, j2 in sm.get_opcodes()]
    equal = [i for i, b in enumerate(ops) if b.tag == "equal"]
    if not equal:
        return None
    solid = [i for i in equal if ops[i].p1 - ops[i].p0 >= min(EDGE_SOLID, len(unit))]
    lead: list[Block] = []
    tail: list[Block] = []
    anchored = [False, False]
    if bounds is not None and solid:
        f, last = solid[0], solid[-1]
        if edges[0]:
            lead, anchored[0] = _edge(pivot, vtext, bounds, ops[f].p0, ops[f].v0, v0, left=True)
        if edges[1]:
            tail, anchored[1] = _edge(pivot, vtext, bounds, ops[last].p1, ops[last].v1, v1, left=False)
    # outside the solid matches: one edge block, or trimmed slack (interior small matches kept)
    first = solid[0] if anchored[0] or (solid and _sparse(ops, equal[0], solid[0])) else equal[0]
    end = solid[-1] if anchored[1] or (solid and _sparse(ops, solid[-1] + 1, equal[-1] + 1)) else equal[-1]
    al = UnitAlignment(lead + ops[first:end + 1] + tail, anchored[0], anchored[1])
    if al.matched >= MIN_MATCH_SHARE * len(unit):
        return al
    # a part of the unit only (a sentence a scrambled page prints in two places): kept when
    # that part matches well, the rest is aligned on its own (see align)
    longest = max(ops[i].p1 - ops[i].p0 for i in equal)
    if longest >= PART_SOLID and al.matched >= MIN_MATCH_SHARE * (al.v1 - al.v0):
        return al
    return None


def align(pivot: str, vtext: str, units: list[tuple[int, int]],
          pivot_units: list[tuple[int, int]] | None = None) -> list[UnitAlignment]:
    """Alignments of the version's units against the pivot, non-overlapping in the pivot.

    With ``pivot_units`` (the pivot's sentences), differences at sentence edges are kept."""
    idx = _index(pivot)
    bounds = None
    if pivot_units is not None:
        bounds = Bounds(sorted({a for a, _ in pivot_units}), sorted({b for _, b in pivot_units}),
                        sorted({a for a, _ in units}), sorted({b for _, b in units}))
    found = []
    if bounds is not None:
        units = _join_short_heads(pivot, idx, vtext, units, bounds)
    todo = [(v0, v1, (True, True), 0) for v0, v1 in units]
    while todo:
        v0, v1, edges, depth = todo.pop()
        if v1 - v0 < MIN_UNIT:
            continue
        al = _align_unit(pivot, idx, vtext, v0, v1, bounds, edges)
        if al is None:
            continue
        found += _split_long(al)
        if depth < 2:  # what the alignment left over at either end may be printed elsewhere
            todo += [(v0, al.v0, (edges[0], False), depth + 1), (al.v1, v1, (False, edges[1]), depth + 1)]
    found.sort(key=lambda a: -a.matched)
    kept: list[UnitAlignment] = []
    for al in found:
        if all(al.p1 <= k.p0 or al.p0 >= k.p1 for k in kept):
            kept.append(al)
    kept.sort(key=lambda a: a.p0)
    return _bridge(pivot, vtext, kept) if bounds is not None else kept


def _join_short_heads(pivot: str, idx: dict[str, list[int]], vtext: str, units: list[tuple[int, int]],
                      bounds: Bounds) -> list[tuple[int, int]]:
    """A piece shorter than MIN_UNIT that a blank line cuts from the rest of its sentence (应国航 |
    空公司近日披露…, a column break right after the dateline) is aligned with the piece after it
    when the two, aligned as one, start at the short piece and at least half of it matches the
    pivot there: a changed character in it is then compared, where alone it was never aligned
    and the pivot's 英国航 read as omitted. A short piece of a scrambled page that belongs
    elsewhere (但 | another story's chunk) matches nothing there and stays apart."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        a1, b1 = units[i]
        if b1 - a1 < MIN_UNIT and i + 1 < len(units) and units[i + 1][0] == b1:
            b2 = units[i + 1][1]
            al = _align_unit(pivot, idx, vtext, a1, b2, bounds, (True, True))
            same = 0 if al is None else sum(min(b.v1, b1) - b.v0 for b in al.blocks if b.tag == "equal" and b.v0 < b1)
            if al is not None and al.v0 == a1 and 2 * same >= b1 - a1:
                out.append((a1, b2))
                i += 2
                continue
        out.append(units[i])
        i += 1
    return out


def _split_long(al: UnitAlignment) -> list[UnitAlignment]:
    """The alignment cut at every long unmatched stretch: a scrambled page prints another
    paragraph between the two parts of a sentence; that is layout, not an omission."""
    parts: list[list[Block]] = [[]]
    for b in al.blocks:
        if b.tag != "equal" and max(b.p1 - b.p0, b.v1 - b.v0) >= LONG_GAP:
            parts.append([])
        else:
            parts[-1].append(b)
    if len(parts) == 1:
        return [al]
    out = []
    for k, blocks in enumerate(parts):
        eq = [i for i, b in enumerate(blocks) if b.tag == "equal"]
        if not eq:
            continue
        lo = 0 if k == 0 else eq[0]  # trimmed only where cut
        hi = len(blocks) if k == len(parts) - 1 else eq[-1] + 1
        out.append(UnitAlignment(blocks[lo:hi], k == 0 and al.anchored_left,
                                 k == len(parts) - 1 and al.anchored_right))
    return out


def _bridge(pivot: str, vtext: str, kept: list[UnitAlignment]) -> list[UnitAlignment]:
    """Join units that follow each other in both texts with at most a small gap between: a
    sentence a column split in two (a blank line inside it) is compared across the split, and
    a region reaching over a sentence edge is printed by one alignment. A gap up to LONG_GAP
    is bridged when it is mostly the same text on both sides: a fragment too short to anchor
    on its own (丝一千五十吨。 between a column break and the next sentence) is still compared."""
    out: list[UnitAlignment] = []
    for b in kept:
        a = out[-1] if out else None
        dp, dv = (b.p0 - a.p1, b.v0 - a.v1) if a else (-1, -1)
        if a is None or not (0 <= dp <= LONG_GAP and 0 <= dv <= LONG_GAP):
            out.append(b)
            continue
        ops = SequenceMatcher(None, pivot[a.p1:b.p0], vtext[a.v1:b.v0], autojunk=False).get_opcodes() \
            if dp or dv else []
        same = sum(i2 - i1 for t, i1, i2, _, _ in ops if t == "equal")
        if max(dp, dv) > EDGE_MAX and same < GAP_MATCH_SHARE * max(dp, dv):
            out.append(b)  # a longer gap is bridged only when it is mostly the same text
            continue
        a.blocks += [Block(t, a.p1 + i1, a.p1 + i2, a.v1 + j1, a.v1 + j2) for t, i1, i2, j1, j2 in ops]
        a.blocks += b.blocks
        a.anchored_right = b.anchored_right
    return out
