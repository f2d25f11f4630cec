"""Positions (organisation + title) as printed before an official's name, in view offsets.

``title_re()`` finds title words (with their prefixes: 副, 原, 常务…) from the lexicon;
``position_at(c, m)`` reads the position whose title is the match ``m``: the organisation before
it (orgnames.org_before), a qualifier folded into the title, a former-prefix (原); ``chain``
follows positions joined by 、 (中共中央总书记、国家主席、…) and fills an elided organisation.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, Optional

import regex

from . import lexicon
from .orgnames import SHARED_HEADS, OrgBefore, is_org_name, org_before



@dataclass
class Pos:
    """A position as printed: title, organisation and where it stands (view offsets)."""

    title: str
    org: Optional[str]
    start: int          # view offsets of the position as printed
    end: int
    org_elided: bool = False
    former: bool = False
    regional: bool = False
    self_org: bool = False
    dirty: bool = False     # unexplained text before the title: the name must end cleanly


class TitleAt(NamedTuple):
    """``position_at``'s answer: the position, whether its title is anonymous (有关负责人) and
    whether it is a reporter's (记者)."""

    pos: Pos
    anonymous: bool
    reporter: bool


@cache
def title_re() -> regex.Pattern:
    """Prefixes* + title, longest alternatives first."""
    pre = "|".join(sorted(map(regex.escape, lexicon.title_prefixes()), key=len, reverse=True))
    tit = "|".join(sorted(map(regex.escape, lexicon.titles()), key=len, reverse=True))
    return regex.compile(rf"(?P<pre>(?:{pre})*)(?P<title>{tit})")


def _former_prefixes() -> list[str]:
    return [p for p, f in lexicon.title_prefixes().items() if f]


def _fold_qualifier(qualifier: str, title: str, pre: str, head: str) -> tuple[str, Optional[str]]:
    """(title, org) for a short qualifier before a title: 财政|部长 shares 部 with the title (the
    organisation 财政部); otherwise the qualifier is part of the title (本报|记者)."""
    if not pre and head in SHARED_HEADS and is_org_name(qualifier + head):
        return title, qualifier + head
    return qualifier + title, None


def _former(c: str, found: OrgBefore, org: Optional[str], former: bool) -> tuple[Optional[str], int, bool]:
    """(org, start, former) after a former-prefix (原) leading the organisation or printed
    before it (原国务院副总理)."""
    ostart = found.start
    anchored = org is not None or found.kind == "anonymous"
    for fp in _former_prefixes():
        if org and org.startswith(fp) and is_org_name(org[len(fp):]):
            org, former = org[len(fp):], True
        elif anchored and c[max(ostart - len(fp), 0):ostart] == fp:
            ostart, former = ostart - len(fp), True
    return org, ostart, former


def _title_lead(c: str, i: int, title: str) -> tuple[str, int, int]:
    """(title, where it starts, where what precedes it ends) for a title at view offset ``i``,
    after the word right before it: a field joins the title (营销|总监 → 营销总监), a descriptor is
    skipped (知名|演员 → 演员, the organisation read before 知名); see name_boundaries.txt."""
    field = lexicon.ends_at(c, i, "title_field")
    if field:
        return field + title, i - len(field), i - len(field)
    desc = lexicon.ends_at(c, i, "title_descriptor")
    return title, i, i - len(desc) if desc else i


#: title classes (titles.txt) of a state's offices: a country printed before one is its organisation
_POLITY = frozenset(("gov", "intl", "party", "legislature", "military", "court", "police"))


def position_at(c: str, m: regex.Match) -> TitleAt:
    """The position whose title is match ``m`` of ``title_re()`` in the view ``c``."""
    info = lexicon.titles()[m.group("title")]
    pre = m.group("pre")
    former = False
    for fp in _former_prefixes():
        if pre.startswith(fp):
            pre, former = pre[len(fp):], True
    title = pre + m.group("title")
    title, tstart, before = _title_lead(c, m.start(), title)
    found = org_before(c, before, regional="regional" in info.flags, polity=info.cls in _POLITY,
                       shares="" if pre or before < m.start() else m.group("title")[0])
    if before < m.start() and found.kind == "qualifier":
        found = OrgBefore(None, found.start, "dirty")   # 红御|营销总监: unexplained, not folded
    org = found.org
    if found.kind == "qualifier":
        title, org = _fold_qualifier(found.text, title, pre, m.group("title")[0])
    org, ostart, former = _former(c, found, org, former)
    dirty = found.kind == "dirty"
    start = ostart if org or (ostart < before and not dirty) else tstart
    pos = Pos(title, org, start, m.end(), former=former, regional="regional" in info.flags,
              self_org="self" in info.flags, dirty=dirty)
    return TitleAt(pos, found.kind == "anonymous", "reporter" in info.flags)


def chain(c: str, pos: Pos, by_end: dict[int, regex.Match]) -> list[Pos]:
    """``pos`` with the positions joined to it by 、 before (中共中央总书记、国家主席、…)."""
    out = [pos]
    while out[0].start > 0 and c[out[0].start - 1] == "、" and out[0].start - 1 in by_end:
        prev, anon, _ = position_at(c, by_end[out[0].start - 1])
        if anon:
            break
        out.insert(0, prev)
    elide(out)
    return out


def elide(positions: list[Pos]) -> None:
    """Fill a missing organisation from the position before (国家能源局党组书记、局长)."""
    for k in range(1, len(positions)):
        pos, prev = positions[k], positions[k - 1]
        if pos.org or pos.self_org or not prev.org:
            continue
        org = prev.org
        if pos.regional:
            place = regex.sub(r"(?<=[省市县区州])(?:委|人民政府|政府)$", "", org)
            if place == org:
                continue
            org = place
        pos.org, pos.org_elided = org, True
