"""Organisation names as the officials' and organisations' rules read them.

``is_org_name(s)``: whether a string reads as an organisation (known from orgs.tsv, or ending in an
organisation suffix). ``org_before(c, i)``: what is printed right before a title at offset ``i`` of
a view (TextView): an organisation, an anonymous marker (有关负责人), a short qualifier to fold into
the title (本报记者, 营销总监), unexplained text, or nothing; as a typed ``OrgBefore``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple, Optional

import regex

from . import lexicon

SHARED_HEADS = frozenset("部局厅院行校所社署处委")  # a title's first character that can also end its organisation
ORG_CHARS = regex.compile(r"[\p{Han}A-Za-z0-9（）()“”‘’·\-]")
_DATE = regex.compile(r"(?:\d+|[〇一二三四五六七八九十]+)[年月日号](?:电|讯)?")

#: What ``org_before`` found: ``org`` an organisation (or, for a regional title, a place);
#: ``qualifier`` one or two characters that belong to the title (本报|记者, 营销|总监);
#: ``anonymous`` an anonymous title (有关|负责人); ``dirty`` unexplained text (the name after the
#: title must then end cleanly); ``none`` nothing at all.
OrgKind = Literal["org", "qualifier", "anonymous", "dirty", "none"]


class OrgBefore(NamedTuple):
    """The text before a title: ``text`` (the organisation or qualifier, else None), where it
    starts (a view offset), and what it is."""

    text: Optional[str]
    start: int
    kind: OrgKind

    @property
    def org(self) -> Optional[str]:
        """The organisation, or None when there is none."""
        return self.text if self.kind == "org" else None


def org_suffix(s: str) -> Optional[str]:
    """The longest organisation suffix (orgs' suffix list) ``s`` ends with."""
    suf = lexicon.org_suffixes()
    for k in range(min(8, len(s)), 0, -1):
        if s[-k:] in suf:
            return s[-k:]
    return None


def known_tail(s: str) -> Optional[str]:
    """The longest known organisation name or alias that ``s`` ends with."""
    idx = lexicon.org_index()
    for k in range(len(s), 1, -1):
        if s[-k:] in idx:
            return s[-k:]
    return None


def is_org_name(s: str) -> bool:
    """Whether ``s`` reads as an organisation: known, or ending in a suffix."""
    return len(s) >= 2 and (s in lexicon.org_index() or org_suffix(s) is not None
                            or known_tail(s) is not None)


def balance(r: str) -> str:
    """Drop everything up to an unmatched closing quote/bracket, or an open one."""
    depth = {"”": "“", "’": "‘", "）": "（", ")": "("}
    for close, open_ in depth.items():
        bal = 0
        cut = -1
        for i, ch in enumerate(r):
            if ch == open_:
                bal += 1
            elif ch == close:
                if bal == 0:
                    cut = i
                else:
                    bal -= 1
        if cut >= 0:
            r = r[cut + 1:]
    for open_ in ("“", "‘", "（", "("):
        close = {v: k for k, v in depth.items()}[open_]
        last_open = r.rfind(open_)
        if last_open >= 0 and r.find(close, last_open) < 0:
            r = r[last_open + 1:]
    return r


def _run_before(c: str, i: int) -> str:
    """The run of organisation characters right before ``i`` that could be a name: balanced, after
    the last date, after the rightmost stop word, and after 和/与/及 joining two organisations."""
    j = i
    while j > 0 and i - j < 40 and ORG_CHARS.match(c[j - 1]):
        j -= 1
    r = balance(c[j:i])
    dates = list(_DATE.finditer(r))
    if dates:
        r = r[dates[-1].end():]
    best = _stop_end(r)
    if best >= 0:
        r = r[best:]
    if r[:1] in ("访", "记") and i - len(r) > 0 and c[i - len(r) - 1] in "—-－":
        r = r[1:]   # ——访中国石油天然气总公司总经理周永康, ——记…公司总裁: a profile's verb, no part of a name
    for k in range(len(r) - 1, 0, -1):  # 和/与/及 only after a complete organisation, or after a title and its name
        if r[k] in lexicon.boundaries()["org_conj"] and (is_org_name(r[:k]) or _titled_name_ends(r, k)) \
                and is_org_name(r[k + 1:]):
            return r[k + 1:]
    return r


def _titled_name_ends(r: str, k: int) -> bool:
    """A title, then a name of two to four characters, ends at ``k`` (商务部部长王文涛|与欧盟委员会): the
    conjunction joins that official to what follows, no part of an organisation's name."""
    return any(title_ends_at(r, k - n) for n in (2, 3, 4) if k - n > 0)


#: jieba's tags of names and place words: a boundary character inside one is part of the name (华为 nr,
#: 对外经济贸易大学 nt, 对华 nz, 对外 s); inside a function word (现在 t, 对于 p, 但是 c) it still ends one
_NAME_TAGS = frozenset({"nr", "nz", "ns", "nt", "s"})


@lru_cache(maxsize=4096)
def _in_names(r: str) -> frozenset[int]:
    """The offsets of ``r`` inside a word of two or more characters that the tagger tags as a name
    or place word (its dictionary's words, HMM off)."""
    from .event_verbs import tag   # loads the tagger; orgnames is imported before event_verbs

    out, at = set(), 0
    for word, flag in tag(r):
        if len(word) > 1 and flag in _NAME_TAGS:
            out.update(range(at, at + len(word)))
        at += len(word)
    return frozenset(out)


def _own_word(r: str, k: int, w: str) -> bool:
    """Whether the boundary word ``w`` at ``r[k:]`` ends a name there: a one-character one not inside
    a name the tagger knows (为 in 华为|技术有限公司, 对 in 对外经济贸易大学 or 中国人民|对外|友好协会, issue
    15: names of modern companies and bodies); in 而|现在, 对于 or 就是 it still does."""
    return len(w) > 1 or k not in _in_names(r)


def _stop_end(r: str) -> int:
    """Where the rightmost stop word of ``r`` ends (a verb or preposition that never sits in a name:
    在, 为, 会见, as a word of its own: :func:`_own_word`), or -1."""
    best = -1
    for w in lexicon.boundaries()["org_stop"]:
        k = r.rfind(w)
        while k >= 0 and k + len(w) > best:
            if _own_word(r, k, w):
                best = k + len(w)
                break
            k = r.rfind(w, 0, k)
    return best


def _opens_with_name_end(cand: str) -> bool:
    """Whether ``cand`` opens with a word that ends a name (说, 对), as a word of its own."""
    w = lexicon.starts_with(cand, 0, "name_end")
    return w is not None and _own_word(cand, 0, w)


def org_before(c: str, i: int, *, regional: bool = False, polity: bool = False, shares: str = "") -> OrgBefore:
    """What is printed right before view offset ``i`` (where a title starts), and where it starts.

    ``regional``: the title is a regional one (省长), so a short unvalidated place is its
    organisation; ``polity``: a title of a state (总统, 外长, 大使), so a country before it is its
    organisation (an occupation's country, 中国著名导演, is a nationality); ``shares``: the title's
    first character, where it may also end the organisation (部 of 部长: :func:`_shared_head`)."""
    r = _run_before(c, i)
    start = i - len(r)
    if not r:
        return OrgBefore(None, i, "none")
    if lexicon.ends_at(r, len(r), "anonymous"):
        return OrgBefore(None, start, "anonymous")
    known = known_tail(r)
    if known is not None and len(known) < len(r):
        entry = lexicon.org_index()[known]
        if entry.parent is None and entry.kind != "media":
            return OrgBefore(known, i - len(known), "org")   # a national body is never a sub-unit (新华社中共中央)
    for s in range(len(r) - 1):
        cand = r[s:]
        if is_org_name(cand) and not _opens_with_name_end(cand):
            return OrgBefore(cand, i - len(cand), "org")
    for s in range(len(r) - 1 if polity else 0):
        if r[s:] in lexicon.countries() and r[s - 1:s] != "驻":   # not 中国驻美国|大使: the embassy's host
            return OrgBefore(r[s:], i - len(r) + s, "org")   # 俄罗斯|总统, 越南|国家主席: the country is the position's
    if regional and 2 <= len(r) <= 6:
        return OrgBefore(r, start, "org")
    if lexicon.starts_with(r, 0, "org_conj"):
        return OrgBefore(None, i, "none")          # 和|建筑师: a conjunction, no qualifier
    if 1 <= len(r) <= 2 and not title_ends_at(c, start):
        return OrgBefore(r, start, "qualifier")
    if joined := _shared_head(r, shares):
        return OrgBefore(joined, start, "org")
    return OrgBefore(None, start, "dirty")         # 记者朱楠|实习生: a name after a title is no qualifier


def _shared_head(r: str, head: str) -> Optional[str]:
    """美国商务|部长, 美国国防|部长: a known body (商务部) after a country or place shares its last
    character ``head`` with the title, as 财政|部长 does (a qualifier the positions fold): the country
    and the body are the organisation. None for anything else before the title."""
    if head not in SHARED_HEADS:
        return None
    joined = r + head
    known = known_tail(joined)
    rest = joined[:len(joined) - len(known)] if known else None
    if known and len(known) > 2 and (rest in lexicon.countries() or rest in lexicon.places()):
        return joined
    return None


def title_ends_at(c: str, i: int) -> bool:
    """Whether a title word of the lexicon ends at view offset ``i`` (记者|朱楠实习生)."""
    titles = lexicon.titles()
    return any(c[i - n:i] in titles for n in range(1, min(i, 8) + 1))
