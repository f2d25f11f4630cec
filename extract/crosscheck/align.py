"""Align a version against a pivot version: clause-level anchoring, then characters.

Reordered paragraphs and column splits must not look like discrepancies, so a version
is not aligned as one sequence. Each of its clauses (sentences, or fragments of them
left by a column split) is anchored independently in the pivot by voting on the
diagonal of shared character k-grams, then aligned character by character inside a
window around that anchor. Unmatched slack at a fragment's edges is trimmed: a partial
version is silent about what it does not print, it does not "omit" it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

K = 4
MIN_UNIT = 6
MIN_MATCH_SHARE = 0.6


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

    @property
    def p0(self) -> int:
        return self.blocks[0].p0

    @property
    def p1(self) -> int:
        return self.blocks[-1].p1

    @property
    def matched(self) -> int:
        return sum(b.p1 - b.p0 for b in self.blocks if b.tag == "equal")

    def covers(self, ps: int, pe: int) -> bool:
        """True when [ps, pe) lies inside, with a matched character on each side."""
        return self.p0 < ps and pe < self.p1 or (self.p0 < ps == pe < self.p1)

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
                if b.tag == "equal":
                    return b.v0 + (p - b.p0)
                return b.v0 if left else b.v1
        return self.blocks[0].v0 if p < self.p0 else self.blocks[-1].v1

    def to_pivot(self, v: int) -> int | None:
        for b in self.blocks:
            if b.v0 <= v < b.v1 or (b.v0 == v == b.v1):
                return b.p0 + (v - b.v0) if b.tag == "equal" else b.p0
        return None


def _index(pivot: str) -> dict[str, list[int]]:
    idx: dict[str, list[int]] = defaultdict(list)
    for i in range(len(pivot) - K + 1):
        idx[pivot[i:i + K]].append(i)
    return idx


def _align_unit(pivot: str, idx: dict[str, list[int]], vtext: str, v0: int, v1: int) -> UnitAlignment | None:
    unit = vtext[v0:v1]
    votes: Counter = Counter()
    for j in range(len(unit) - K + 1):
        hits = idx.get(unit[j:j + K], ())
        if 0 < len(hits) <= 8:
            for p in hits:
                votes[p - j] += 1
    if not votes:
        return None
    diag, count = votes.most_common(1)[0]
    if count < 2:
        return None
    slack = 8 + len(unit) // 8
    w0 = max(0, diag - slack)
    w1 = min(len(pivot), diag + len(unit) + slack)
    sm = SequenceMatcher(None, pivot[w0:w1], unit, autojunk=False)
    ops = sm.get_opcodes()
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    if not ops:
        return None
    al = UnitAlignment([Block(t, w0 + i1, w0 + i2, v0 + j1, v0 + j2) for t, i1, i2, j1, j2 in ops])
    if al.matched < MIN_MATCH_SHARE * len(unit):
        return None
    return al


def align(pivot: str, vtext: str, units: list[tuple[int, int]]) -> list[UnitAlignment]:
    """Alignments of the version's units against the pivot, non-overlapping in the pivot."""
    idx = _index(pivot)
    found = []
    for v0, v1 in units:
        if v1 - v0 < MIN_UNIT:
            continue
        al = _align_unit(pivot, idx, vtext, v0, v1)
        if al is not None:
            found.append(al)
    found.sort(key=lambda a: -a.matched)
    kept: list[UnitAlignment] = []
    for al in found:
        if all(al.p1 <= k.p0 or al.p0 >= k.p1 for k in kept):
            kept.append(al)
    return sorted(kept, key=lambda a: a.p0)
