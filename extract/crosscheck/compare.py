"""Compare the versions in a group: discrepancy regions → Conflict records with consensus.

The longest version is the pivot. Every other version is aligned to it (align.py);
the places where any version departs from the pivot are merged into regions in pivot
coordinates (neighbouring edits within two characters merge, so a transposition is one
region). Regions that touch a name, a claim, a number or a date widen to cover the whole
fact, so a reader sees 谢少锋 / 谢少峰 rather than 锋 / 峰, and ３００ / ３０６ rather than 0 / 6.
Each version that covers a region gives one reading; the consensus is the reading a strict
majority of those versions share. A single version is never "corrected" on its own: with two
versions that disagree there is no consensus.

Numbers compare by value (numerals.py): 12月 and 十二月 are one reading. A number changed is a
``claim.value`` conflict with each reading's parsed value; a changed date is a ``date``
conflict with each reading resolved against the group's reference date (datecmp.py): printed
alike, dates are never a conflict. Headlines, datelines, bylines and end marks are compared
the same way in furniture.py.
"""
from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Optional, Sequence

from schemas import Conflict, Group, MemberRef, Reading, ReferenceDate, StoryRecord

from .align import Block, UnitAlignment, align
from .canon import Version, build_version, is_punct
from .classify import classify
from .datecmp import DateSpan, group_reference, value_at, version_dates
from .group import group_id, group_versions
from .numerals import number_key, runs, value_of

MERGE_GAP = 2
DISPLACED_MIN = 6
DISPLACED_LIKE = 0.6
CONTEXT = 12
FIELD_RANK = ["official.name", "date", "claim.value", "official.position"]
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
FURNITURE_SEVERITY = {"dateline": "high", "headline": "medium", "byline": "medium"}

Others = list[tuple[Version, list[UnitAlignment]]]


@dataclass
class FactSpan:
    field: str
    p0: int  # pivot coordinates
    p1: int
    strict: bool = False  # a number run: only a region overlapping it, not one beside it

    def touches(self, r0: int, r1: int) -> bool:
        """A region [r0, r1) overlaps the fact; an insertion point (r0 == r1) inside it, or at
        its edge unless the fact is a number run. A fact merely beside a region is not
        touched: widening into it would reach past where a version's unit ends."""
        if r0 < r1:
            return self.p0 < r1 and r0 < self.p1
        if self.strict:
            return self.p0 < r0 < self.p1
        return self.p0 <= r0 <= self.p1


def _units(v: Version) -> list[tuple[int, int]]:
    """Canonical spans of the version's sentences, cut where a blank line falls inside one (a
    column split, a tail moved below another paragraph): the units anchored independently."""
    raw, pos = v.raw, v.raw_pos
    cuts = [i for i in range(1, len(pos)) if pos[i] - pos[i - 1] > 2
            and raw.count("\n", pos[i - 1], pos[i]) >= 2 and not raw[pos[i - 1] + 1:pos[i]].strip()]
    out = []
    for s in v.sentences():
        a, b = v.canon_index(s.start), v.canon_index(s.end)
        for c in cuts[bisect.bisect_right(cuts, a):bisect.bisect_left(cuts, b)]:
            out.append((a, c))
            a = c
        out.append((a, b))
    return out


def _fact_spans(v: Version, dates: Sequence[DateSpan]) -> list[tuple[str, int, int, bool]]:
    spans: list[tuple[str, int, int]] = []
    for rec in v.records:
        for o in rec.officials:
            for m in o.mentions:
                spans.append(("official.name", m.start, m.end))
            for p in o.positions:
                spans.append(("official.position", p.start, p.end))
        for c in rec.claims:
            spans.append(("claim.value", c.start, c.end))
    out = [(f, v.canon_index(s), v.canon_index(e), False) for f, s, e in spans if e > s]
    out += [("date", d.a, d.b, False) for d in dates if d.kind != "vague"]
    out += [("claim.value", a, b, True) for a, b, _ in runs(v.chars)]
    return out


def _pivot_facts(pivot: Version, others: Others, dates: dict[int, list[DateSpan]]) -> list[FactSpan]:
    facts = [FactSpan(f, a, b, st) for f, a, b, st in _fact_spans(pivot, dates.get(id(pivot), []))]
    for v, als in others:
        for f, a, b, st in _fact_spans(v, dates.get(id(v), [])):
            for al in als:
                pa, pb = al.to_pivot(a), al.to_pivot(b - 1)
                if pa is not None and pb is not None and pb >= pa:
                    facts.append(FactSpan(f, pa, pb + 1, st))
    return facts


def _style_only(p_runs: list, v_runs: list, b) -> bool:
    """An edit that only prints a number in another numeral style (１２ / 12 / 十二)."""
    pr = next((r for r in p_runs if r[0] <= b.p0 and b.p1 <= r[1]), None)
    vr = next((r for r in v_runs if r[0] <= b.v0 and b.v1 <= r[1]), None)
    return pr is not None and vr is not None and pr[2] is not None and pr[2] == vr[2]


def _merge(edits: list[tuple[int, int]], gap: int, chars: str = "") -> list[list[int]]:
    """Edits closer than ``gap`` merged, unless punctuation stands between them."""
    regions: list[list[int]] = []
    for p0, p1 in sorted(edits):
        if regions and p0 - regions[-1][1] <= gap and not any(is_punct(c) for c in chars[regions[-1][1]:p0]):
            regions[-1][1] = max(regions[-1][1], p1)
        else:
            regions.append([p0, p1])
    return regions


def _regions(pivot: Version, others: Others) -> list[list[int]]:
    """Edits of every version in pivot coordinates, merged when close within one version (a
    transposition is one region) and when they overlap across versions (two errors of two
    versions a character apart stay two regions, each with its majority). Edits that only
    change a number's numeral style are no edits (they would merge with a real one beside them)."""
    p_runs = runs(pivot.chars)
    edits = []
    for v, als in others:
        v_runs = runs(v.chars)
        mine = []
        for b in (b for al in als for b in al.blocks if b.tag != "equal"):
            if b.p1 - b.p0 == b.v1 - b.v0 > 1:  # 京三 / 竞3: one character at a time
                parts = [Block("replace", b.p0 + i, b.p0 + i + 1, b.v0 + i, b.v0 + i + 1) for i in range(b.p1 - b.p0)]
            else:
                parts = [b]
            mine += [(x.p0, x.p1) for x in parts if not _style_only(p_runs, v_runs, x)]
        edits += [tuple(r) for r in _merge(mine, MERGE_GAP, pivot.chars)]
    return _merge(edits, 0)


def _snap(region: list[int], others) -> None:
    """Widen a region until no version's edit block straddles its edges."""
    changed = True
    while changed:
        changed = False
        for _, als in others:
            for al in als:
                for b in al.blocks:
                    if b.tag == "equal" or b.p1 - b.p0 == b.v1 - b.v0:  # maps char for char
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
    if ptext and vtext and SequenceMatcher(None, ptext, vtext, autojunk=False).ratio() >= DISPLACED_LIKE:
        return False  # a few characters changed in place (１９９９年 / １７９９年), not a move
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


def _dated(v: Version, a: int, b: int, dates: dict[int, list[DateSpan]]) -> bool:
    return any(d.a < max(b, a + 1) and d.b > a for d in dates.get(id(v), ()))


def reading_value(v: Version, a: int, b: int, as_date: bool, as_number: bool,
                  dates: dict[int, list[DateSpan]]) -> Optional[str]:
    """What a reading says, beside what it prints: a date resolved against the group's
    reference date (None when it does not resolve: ８月３７日), or a number's parsed value."""
    if as_date:
        return value_at(dates.get(id(v), []), a, b)
    if as_number:
        return value_of(v.chars[a:b])
    return None


def _region_field(region: list[int], facts: list[FactSpan], base: str) -> str:
    """The field of a region: the highest-ranked fact it touches (the region grows to cover that
    fact, except an official's position), else ``base``."""
    for f in FIELD_RANK:
        hits = [fs for fs in facts if fs.field == f and fs.touches(*region)]
        if hits:
            if f != "official.position":
                region[0] = min([region[0]] + [h.p0 for h in hits])
                region[1] = max([region[1]] + [h.p1 for h in hits])
            return f if base == "text" else base
    return base


def _region_spans(pivot: Version, others: Others, ps: int, pe: int) -> list[tuple[Version, int, int]]:
    """Each version's span for the pivot's region [ps, pe), displaced readings left out."""
    spans = [(pivot, ps, pe)]
    for v, als in others:
        cover = [a for a in als if a.covers(ps, pe)]
        # at a sentence edge two units meet: the one with the edit there gives the reading
        al = next((a for a in cover if any(b.tag != "equal" and b.p0 <= pe and b.p1 >= ps
                                           for b in a.blocks)), cover[0] if cover else None)
        if al is not None:
            spans.append((v, al.to_version(ps, left=True), al.to_version(pe, left=False)))
    ptext = pivot.chars[ps:pe]
    return [sp for sp in spans if sp[0] is pivot or not _displaced(pivot, ptext, *sp)]


def _severity(kind: str, field: str, base: str) -> tuple[str, str] | None:
    """(field, severity) of a discrepancy; None for furniture punctuation (layout, not news)."""
    if kind == "punctuation":
        return None if base != "text" else ("punctuation", "low")
    if base != "text":
        return field, "high" if kind == "numeral" else FURNITURE_SEVERITY[base]
    return field, "high" if field != "text" or kind == "numeral" else "medium"


def _readings(spans, keys: list[str], votes: Counter, as_date: bool, as_number: bool,
              dates: dict[int, list[DateSpan]]) -> tuple[list[Reading], dict[str, str], list]:
    """One Reading a version (as printed, with its value), the printed text of each key, the values."""
    readings, shown, values = [], {}, []
    for (v, a, b), key in zip(spans, keys):
        rs, re_ = v.raw_span(a, b)
        text = "".join(ch for ch in v.raw[rs:re_] if not ch.isspace())  # as printed
        shown.setdefault(key, text)
        value = reading_value(v, a, b, as_date, as_number, dates)
        values.append(value)
        readings.append(Reading(text=text, source=v.record.source, story_id=v.story_at(rs),
                                start=rs, end=re_, votes=votes[key], value=value,
                                context_before=_printed(v, max(0, a - CONTEXT), a),
                                context_after=_printed(v, b, b + CONTEXT)))
    readings.sort(key=lambda r: (r.source.path, r.source.doc_id, r.start))
    return readings, shown, values


def _reference(texts: list[str], keys: list[str], votes: Counter) -> tuple[str | None, str, str]:
    """(consensus key or None, reference text, the most common deviant text)."""
    top, n = votes.most_common(1)[0]
    consensus = top if n * 2 > len(keys) else None
    # without a majority the fuller reading is the reference: OCR drops more than it adds
    ref_key = consensus if consensus is not None else keys[max(range(len(texts)), key=lambda i: len(texts[i]))]
    ref = texts[keys.index(ref_key)]
    deviant = texts[keys.index(next(k for k, _ in votes.most_common() if k != ref_key))]
    return consensus, ref, deviant


def region_conflicts(gid: str, pivot: Version, others: Others, facts: list[FactSpan], *,
                     base: str = "text", dates: dict[int, list[DateSpan]] | None = None,
                     salt: str = "") -> list[Conflict]:
    """One conflict per region where the versions differ (after width, space and numeral
    style are set aside). ``base`` is the field of a region no fact touches: ``text`` for the
    body, or the furniture field (headline, dateline, byline) for furniture."""
    dates = dates or {}
    conflicts: list[Conflict] = []
    for region in _regions(pivot, others):
        field = _region_field(region, facts, base)
        _snap(region, others)
        ps, pe = region
        spans = _region_spans(pivot, others, ps, pe)
        texts = [v.chars[a:b] for v, a, b in spans]
        keys = [number_key(t) for t in texts]  # 12月 and 十二月 are one reading
        if len(set(keys)) < 2:
            continue
        votes = Counter(keys)
        consensus, ref, deviant = _reference(texts, keys, votes)
        kind, evidence = classify(ref, deviant)
        fs = _severity(kind, field, base)
        if fs is None:
            continue  # furniture punctuation is layout
        field, severity = fs
        as_date = kind != "punctuation" and any(_dated(v, a, b, dates) for v, a, b in spans)
        as_number = kind != "punctuation" and (field == "claim.value" or kind == "numeral")
        readings, shown, values = _readings(spans, keys, votes, as_date, as_number, dates)
        if field == "date" and None not in values and len(set(values)) == 1 and all(
                any(d.a <= a and b <= d.b for d in dates.get(id(v), ())) for v, a, b in spans):
            # every reading is one date and all name one day (今天 / 25日): worded apart only
            severity, evidence = "low", evidence + ["same_resolved_date"]
        consensus = shown[consensus] if consensus is not None else None
        cid = hashlib.sha1(f"{gid}\x00{salt}{ps}\x00{pe}\x00{sorted(votes.items())}".encode()).hexdigest()[:16]
        conflicts.append(Conflict(conflict_id="c_" + cid, group_id=gid, field=field, kind=kind,
                                  evidence=evidence, severity=severity, readings=readings,
                                  consensus=consensus, context=_context(pivot, ps, pe)))
    return conflicts


def compare_group(gid: str, versions: list[Version], ref: ReferenceDate | None = None) -> list[Conflict]:
    """Conflicts between the versions of one story (body and furniture). ``ref`` is the
    group's reference date (by default the best-evidenced among the versions' records)."""
    from .furniture import furniture_conflicts

    if ref is None:
        ref = group_reference([r for v in versions for r in v.records])
    pivot = max(versions, key=lambda v: (len(v.chars), v.key))
    punits = _units(pivot)
    others = [(v, align(pivot.chars, v.chars, _units(v), punits)) for v in versions if v is not pivot]
    dates = {id(v): version_dates(v, ref) for v in versions}
    facts = _pivot_facts(pivot, others, dates)
    return region_conflicts(gid, pivot, others, facts, dates=dates) + furniture_conflicts(gid, versions, ref)


def _raw_of(raw_texts: dict, source) -> str:
    """The raw text of a source, keyed by (path, doc_id) or by path alone.

    JSONL inputs may give many documents the same ``source`` (a site name), so
    (path, doc_id) is the key that never collides.
    """
    key = (source.path, source.doc_id)
    return raw_texts[key] if key in raw_texts else raw_texts[source.path]


def story_versions(records: Sequence[StoryRecord], raw_texts: dict) -> list[Version]:
    """One version per story record that has sentences (the units grouping and comparison use)."""
    return [build_version(r, _raw_of(raw_texts, r.source)) for r in records if r.sentences]


def version_doc(v: Version) -> str:
    """The source document of a version: two versions of one document never group."""
    return f"{v.record.source.path}\x00{v.record.source.doc_id}"


def check_group(members: Sequence[Version], raw_texts: dict) -> tuple[Group, list[Conflict]]:
    """The group record and the conflicts of one group of versions (``members`` in input order).

    Shared by the local check and the Ray engine (extract/distributed/check.py), so both write
    the same records for the same members."""
    gid = group_id([m.key for m in members])
    group = Group(group_id=gid, members=[
        MemberRef(source=m.record.source, story_id=m.key, start=m.record.start, end=m.record.end,
                  headline=m.record.headline) for m in members])
    # records of one source in a group are one version (a version the splitter cut in two)
    by_source: dict[tuple[str, str], list[StoryRecord]] = {}
    for m in members:
        by_source.setdefault((m.record.source.path, m.record.source.doc_id), []).append(m.record)
    merged = [build_version(recs, _raw_of(raw_texts, recs[0].source)) if len(recs) > 1 else
              next(m for m in members if m.record is recs[0]) for src, recs in by_source.items()]
    found = compare_group(gid, merged) if len(merged) > 1 else []
    found.sort(key=lambda c: (SEVERITY_RANK[c.severity], c.readings[0].source.path, c.readings[0].start))
    return group, found


def check_records(records: Sequence[StoryRecord], raw_texts: dict) -> tuple[list[Group], list[Conflict]]:
    """Group the versions among ``records`` and compare each group.

    ``raw_texts`` maps ``(source.path, source.doc_id)`` (or just ``source.path``) to the
    raw decoded text every offset points into.
    """
    versions = story_versions(records, raw_texts)
    grouping = group_versions([v.chars for v in versions], [version_doc(v) for v in versions])
    groups: list[Group] = []
    conflicts: list[Conflict] = []
    for idx in grouping.groups:
        group, found = check_group([versions[i] for i in idx], raw_texts)
        groups.append(group)
        conflicts.extend(found)
    return groups, conflicts


__all__ = ["check_group", "check_records", "compare_group", "story_versions", "version_doc"]
