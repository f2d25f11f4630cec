"""Officials listed before a collective title: 江泽民、李鹏、朱镕基等党和国家领导人出席.

People's Daily and CCTV print the leaders at an event as a list of names closed by 等 and a
collective title (党和国家领导人, 中央领导同志, 省领导). No title stands beside each name, so the
title-led rules of :mod:`extract.facts.officials` miss them all. Each listed name becomes an official
whose position is that collective title (organisation 党和国家 / 中央 / 省…, title 领导人 /
领导同志 / 领导), rule ``list_before_collective_title``. The words are language data
(``extract/data/collective_titles.txt``). Three in four listed names must look like one (a known
surname, a given name the name statistics accept, no organisation's name), or the list is not
taken; then all are kept (尉健行, whose 行 reads as a bank's, does not sink 江泽民、…、李岚清等).
"""
from __future__ import annotations

from functools import cache
from importlib import resources

import regex

from . import lexicon
from .names import given_ok
from .orgnames import is_org_name

__all__ = ["listed_leaders", "collective_titles"]


@cache
def _collective() -> list[tuple[str, str]]:
    """(organisation, title) pairs, longest organisation first."""
    path = resources.files("extract") / "data" / "collective_titles.txt"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            org, title = line.split("\t")
            rows.append((org if org != "-" else "", title))
    return sorted(rows, key=lambda r: (-len(r[0]), -len(r[1])))


def collective_titles() -> list[str]:
    """The collective titles as printed (党和国家领导人, 中央领导同志, 领导人): the recogniser's
    trigger includes them, so a sentence listing leaders is read by the model too."""
    return [o + t for o, t in _collective()]


@cache
def _tail_re() -> regex.Pattern:
    """等 (or 等同志) and the collective title; the list is read backwards from it."""
    tails = "|".join(regex.escape(o + t) for o, t in _collective())
    return regex.compile(rf"等(?:同志)?(?:在京的)?(?P<tail>{tails})")


#: two to 30 names of 2–3 characters joined by 、, ending where 等 starts (searched in a bounded
#: window before each 等: a long run of 、 without one costs nothing)
_NAMES = regex.compile(r"\p{Han}{2,3}(?:、\p{Han}{2,3}){1,29}$")
_WINDOW = 30 * 4


def _is_name(s: str) -> bool:
    return s[0] in lexicon.surnames() and given_ok(s[1:]) and not is_org_name(s)


def listed_leaders(c: str) -> list[tuple[str, str, str, int, int, int, int]]:
    """(name, organisation, title, name start, name end, title start, title end) for every name
    of every such list in ``c`` (view text); a list whose names mostly do not look like names is
    skipped whole."""
    out = []
    for m in _tail_re().finditer(c):
        lo = max(0, m.start() - _WINDOW)
        ms = _NAMES.search(c, lo, m.start())
        if ms is None:
            continue
        names = ms.group().split("、")
        pos = ms.start()
        if len(names[0]) == 3 and not _is_name(names[0]) and _is_name(names[0][1:]):
            names[0], pos = names[0][1:], pos + 1   # 会见了王毅、李强等: the list starts after 了
        if sum(_is_name(n) for n in names) < 0.75 * len(names):
            continue   # a list mostly of names holds only names (尉健行: its 行 reads as a bank's)
        tail = m.group("tail")
        org, title = next((o, t) for o, t in _collective() if o + t == tail)
        for n in names:
            out.append((n, org, title, pos, pos + len(n), m.start("tail"), m.end("tail")))
            pos += len(n) + 1
    return out
