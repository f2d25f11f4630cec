"""Compare the versions in a group: discrepancy regions → Conflict records with consensus.

The longest version is the pivot. Every other version is aligned to it (align.py);
the places where any version departs from the pivot are merged into regions in pivot
coordinates (neighbouring edits within two characters merge, so a transposition is one
region). Regions that touch a name, a claim or a date found by the extractors widen to
cover the whole fact, so a reader sees 谢少锋 / 谢少峰 rather than 锋 / 峰. Each version
that covers a region gives one reading; the consensus is the reading a strict majority
of those versions share. A single version is never "corrected" on its own: with two
versions that disagree there is no consensus.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from schemas import Conflict, Group, MemberRef, Reading, StoryRecord

from .align import UnitAlignment, align
from .canon import Version, build_version
from .classify import classify
from .group import group_id, group_versions

MERGE_GAP = 2
DISPLACED_MIN = 6
CONTEXT = 12
FIELD_RANK = ["official.name", "claim.value", "date", "official.position"]
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass
class FactSpan:
    field: str
    p0: int  # pivot coordinates
    p1: int


def _units(v: Version) -> list[tuple[int, int]]:
    """Canonical spans of the version's sentences: the units anchored independently."""
    return [(v.canon_index(s.start), v.canon_index(s.end)) for s in v.sentences()]


def _fact_spans(v: Version) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    for rec in v.records:
        for o in rec.officials:
            for m in o.mentions:
                spans.append(("official.name", m.start, m.end))
            for p in o.positions:
                spans.append(("official.position", p.start, p.end))
        for c in rec.claims:
            spans.append(("claim.value", c.start, c.end))
        for d in rec.dates:
            if d.value:
                spans.append(("date", d.start, d.end))
    return [(f, v.canon_index(s), v.canon_index(e)) for f, s, e in spans if e > s]


def _pivot_facts(pivot: Version, others: list[tuple[Version, list[UnitAlignment]]]) -> list[FactSpan]:
    facts = [FactSpan(f, a, b) for f, a, b in _fact_spans(pivot)]
    for v, als in others:
        for f, a, b in _fact_spans(v):
            for al in als:
                pa, pb = al.to_pivot(a), al.to_pivot(b - 1)
                if pa is not None and pb is not None and pb >= pa:
                    facts.append(FactSpan(f, pa, pb + 1))
    return facts


def _regions(others: list[tuple[Version, list[UnitAlignment]]]) -> list[list[int]]:
    edits = sorted((b.p0, b.p1) for _, als in others for al in als for b in al.blocks if b.tag != "equal")
    regions: list[list[int]] = []
    for p0, p1 in edits:
        if regions and p0 - regions[-1][1] <= MERGE_GAP:
            regions[-1][1] = max(regions[-1][1], p1)
        else:
            regions.append([p0, p1])
    return regions


def _snap(region: list[int], others) -> None:
    """Widen a region until no version's edit block straddles its edges."""
    changed = True
    while changed:
        changed = False
        for _, als in others:
            for al in als:
                for b in al.blocks:
                    if b.tag == "equal":
                        continue
                    if b.p0 < region[0] < b.p1:
                        region[0], changed = b.p0, True
                    if b.p0 < region[1] < b.p1:
                        region[1], changed = b.p1, True


def _elsewhere(text: str, chars: str, a: int, b: int) -> bool:
    """``text`` occurs in ``chars`` outside [a, b)."""
    i = chars.find(text)
    while i >= 0:
        if i + len(text) <= a or i >= b:
            return True
        i = chars.find(text, i + 1)
    return False


def _displaced(pivot: Version, ptext: str, v: Version, a: int, b: int) -> bool:
    """A long 'difference' that is really text printed elsewhere in the other version.

    A column split can leave a clause's tail in another place; where the aligner pairs
    the clause with the wrong neighbour, the pivot's text still occurs elsewhere in the
    version (or the version's text elsewhere in the pivot). That is reordering, not a
    discrepancy.
    """
    vtext = v.chars[a:b]
    if max(len(ptext), len(vtext)) < DISPLACED_MIN or ptext == vtext:
        return False
    return (bool(ptext) and _elsewhere(ptext, v.chars, a, b)) or (
        bool(vtext) and pivot.chars.find(vtext) >= 0 and ptext.find(vtext) < 0)


def _printed(v: Version, a: int, b: int) -> str:
    """Canonical chars [a, b) as printed in the raw text, whitespace removed."""
    b = min(b, len(v.chars))
    if a >= b:
        return ""
    rs, re_ = v.raw_span(a, b)
    return "".join(ch for ch in v.raw[rs:re_] if not ch.isspace())


def _context(v: Version, a: int, b: int) -> str:
    return _printed(v, max(0, a - CONTEXT), a) + "【" + _printed(v, a, b) + "】" + _printed(v, b, b + CONTEXT)


def compare_group(gid: str, versions: list[Version]) -> list[Conflict]:
    pivot = max(versions, key=lambda v: (len(v.chars), v.key))
    others = [(v, align(pivot.chars, v.chars, _units(v))) for v in versions if v is not pivot]
    facts = _pivot_facts(pivot, others)
    conflicts: list[Conflict] = []
    for region in _regions(others):
        field = "text"
        for f in FIELD_RANK:
            hits = [fs for fs in facts if fs.field == f and fs.p0 <= region[1] and fs.p1 >= region[0]
                    and (fs.p1 > region[0] or fs.p0 == region[0])]
            if hits:
                field = f
                if f != "official.position":
                    region[0] = min([region[0]] + [h.p0 for h in hits])
                    region[1] = max([region[1]] + [h.p1 for h in hits])
                break
        _snap(region, others)
        ps, pe = region
        spans = [(pivot, ps, pe)]
        for v, als in others:
            al = next((a for a in als if a.covers(ps, pe)), None)
            if al is not None:
                spans.append((v, al.to_version(ps, left=True), al.to_version(pe, left=False)))
        ptext = pivot.chars[ps:pe]
        spans = [sp for sp in spans if sp[0] is pivot or not _displaced(pivot, ptext, *sp)]
        texts = [v.chars[a:b] for v, a, b in spans]
        if len(set(texts)) < 2:
            continue
        votes = Counter(texts)
        top, n = votes.most_common(1)[0]
        consensus = top if n * 2 > len(texts) else None
        ref = consensus if consensus is not None else pivot.chars[ps:pe]
        deviant = next(t for t, _ in votes.most_common() if t != ref)
        kind, evidence = classify(ref, deviant)
        if kind == "punctuation":
            field, severity = "punctuation", "low"
        elif field != "text" or kind == "numeral":
            severity = "high"
        else:
            severity = "medium"
        readings = []
        shown: dict[str, str] = {}
        for v, a, b in spans:
            rs, re_ = v.raw_span(a, b)
            text = "".join(ch for ch in v.raw[rs:re_] if not ch.isspace())  # as printed
            shown.setdefault(v.chars[a:b], text)
            readings.append(Reading(text=text, source=v.record.source, story_id=v.story_at(rs),
                                    start=rs, end=re_, votes=votes[v.chars[a:b]],
                                    context_before=_printed(v, max(0, a - CONTEXT), a),
                                    context_after=_printed(v, b, b + CONTEXT)))
        readings.sort(key=lambda r: (r.source.path, r.source.doc_id, r.start))
        consensus = shown[consensus] if consensus is not None else None
        cid = hashlib.sha1(f"{gid}\x00{ps}\x00{pe}\x00{sorted(votes.items())}".encode()).hexdigest()[:16]
        conflicts.append(Conflict(conflict_id="c_" + cid, group_id=gid, field=field, kind=kind,
                                  evidence=evidence, severity=severity, readings=readings,
                                  consensus=consensus, context=_context(pivot, ps, pe)))
    return conflicts + _resolved_dates(gid, pivot, others)


def _resolved_dates(gid: str, pivot: Version, others) -> list[Conflict]:
    """Dates printed alike in every version but resolved to different values.

    The text agrees, so the character comparison is silent; the versions' reference
    dates (dateline, publication date, year in context) disagree, and a fact-checker
    must see that the same words mean different days.
    """
    def dated(v: Version):
        return [(d, v.canon_index(d.start), v.canon_index(d.end)) for r in v.records for d in r.dates if d.value]

    by_span: dict[tuple[int, int], list] = {}
    for d, a, b in dated(pivot):
        by_span.setdefault((a, b), []).append((pivot, d, a, b))
    for v, als in others:
        for d, a, b in dated(v):
            for al in als:
                pa, pb = al.to_pivot(a), al.to_pivot(b - 1)
                if pa is not None and pb is not None and (pa, pb + 1) in by_span:
                    by_span[(pa, pb + 1)].append((v, d, a, b))
                    break
    out = []
    for (pa, pb), found in sorted(by_span.items()):
        values = Counter(d.value for _, d, _, _ in found)
        if len(values) < 2 or len({v.key for v, *_ in found}) < 2:
            continue
        top, n = values.most_common(1)[0]
        consensus = top if n * 2 > len(found) else None
        readings = []
        for v, d, a, b in found:
            rs, re_ = v.raw_span(a, b)
            readings.append(Reading(text=f"{_printed(v, a, b)} → {d.value}", source=v.record.source,
                                    story_id=v.story_at(rs), start=rs, end=re_, votes=values[d.value],
                                    context_before=_printed(v, max(0, a - CONTEXT), a),
                                    context_after=_printed(v, b, b + CONTEXT)))
        readings.sort(key=lambda r: (r.source.path, r.source.doc_id, r.start))
        if consensus is not None:  # the consensus is a reading, as for text conflicts
            consensus = next(r.text for r in readings if r.text.endswith(f"→ {consensus}"))
        cid = hashlib.sha1(f"{gid}\x00date\x00{pa}\x00{sorted(values.items())}".encode()).hexdigest()[:16]
        out.append(Conflict(conflict_id="c_" + cid, group_id=gid, field="date", kind="substitution",
                            evidence=["same_text_resolved_differently"], severity="high", readings=readings,
                            consensus=consensus, context=_context(pivot, pa, pb)))
    return out


def _raw_of(raw_texts: dict, source) -> str:
    """The raw text of a source, keyed by (path, doc_id) or by path alone.

    JSONL inputs may give many documents the same ``source`` (a site name), so
    (path, doc_id) is the key that never collides.
    """
    key = (source.path, source.doc_id)
    return raw_texts[key] if key in raw_texts else raw_texts[source.path]


def check_records(records: Sequence[StoryRecord], raw_texts: dict) -> tuple[list[Group], list[Conflict]]:
    """Group the versions among ``records`` and compare each group.

    ``raw_texts`` maps ``(source.path, source.doc_id)`` (or just ``source.path``) to the
    raw decoded text every offset points into.
    """
    versions = [build_version(r, _raw_of(raw_texts, r.source)) for r in records if r.sentences]
    grouping = group_versions([v.chars for v in versions],
                              [f"{v.record.source.path}\x00{v.record.source.doc_id}" for v in versions])
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    for idx in grouping.groups:
        members = [versions[i] for i in idx]
        gid = group_id([m.key for m in members])
        groups.append(Group(group_id=gid, members=[
            MemberRef(source=m.record.source, story_id=m.key, start=m.record.start, end=m.record.end,
                      headline=m.record.headline) for m in members]))
        # records of one source in a group are one version (a version the splitter cut in two)
        by_source: dict[tuple[str, str], list[StoryRecord]] = {}
        for m in members:
            by_source.setdefault((m.record.source.path, m.record.source.doc_id), []).append(m.record)
        merged = [build_version(recs, _raw_of(raw_texts, recs[0].source)) if len(recs) > 1 else
                  next(m for m in members if m.record is recs[0]) for src, recs in by_source.items()]
        found = compare_group(gid, merged) if len(merged) > 1 else []
        found.sort(key=lambda c: (SEVERITY_RANK[c.severity], c.readings[0].source.path, c.readings[0].start))
        conflicts.extend(found)
    return groups, conflicts


__all__ = ["check_records", "compare_group"]
