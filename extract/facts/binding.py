"""Binding the recogniser's PER spans to the officials the rules found (issue 10).

The rules (officials.py) decide *binding*: which title and organisation go with a name. Where
the name begins and ends is what they get wrong on real text (总统从头至尾反, 部长理事会 →
理事会, 大使馆的设立 → 馆的设立, a name running into a verb). The trained recogniser
(recognizer.py) is better at that, and worse at binding, so with its PER spans for a text:

* a rule name that a PER span covers exactly is *confirmed*: score raised halfway to 1;
* a rule name that a PER span starting at the same character (for 李强总理 order: ending at
  the same character) re-cuts, shorter or longer, takes the PER span's text, if that is a sane
  name: 2–4 Han characters, or a transliterated name with ·;
* a rule name whose start a PER span shares but cannot replace (a longer pkuseg word such as
  陈玉书于, or a transliterated name cut short) is kept as the rules read it;
* any other rule name is doubted: bound to a known organisation (国务院副总理丁薛祥, which the
  model misses), or to any organisation when punctuation ends the name, it is kept with half
  its score; otherwise (总统从头至尾反, 县长都要面)
  it is dropped (``UNMATCHED = "keep_known_org"``; "keep_org" keeps every name bound to an
  organisation, "drop" drops all, "downscore" keeps all at half score; measured with
  bench/measure_officials_heldout.py and measure_officials.py: "drop" costs 4 of the 46 seed
  officials, "keep_org" 2 points of held-out precision). A reporter's byline is dropped only when
  it begins with a common word (记者招待会 → 招待会);
* a PER span directly after a title (or directly before a post-name title, 李强总理) that the
  rules did not bind becomes an official (recall).

A record the model touched says so in its ``rule``: ``org_title_name+ner:zh_newsfacts_ner-0.2.0``.
Work is in the officials' view coordinates (textview.TextView); the spans arrive in text
offsets and are mapped here.
"""
from __future__ import annotations

from functools import cache
from typing import Callable, Iterable, Optional

import regex

from . import lexicon

_HAN_NAME = regex.compile(r"\p{Han}{2,4}")
_DOT_NAME = regex.compile(r"[\p{Han}A-Za-z]{1,8}(?:[·・•‧][\p{Han}A-Za-z]{1,10}){1,3}")

#: what happens to a rule name the model does not support: "keep_known_org" (default), "keep_org",
#: "drop" or "downscore" (measured with bench/measure_officials_heldout.py and measure_officials.py)
UNMATCHED = "keep_known_org"
DOWNSCORE = 0.5


def sane_name(s: str) -> bool:
    """A span the model may re-cut a name to: 2–4 Han characters, a name with ·, or a
    transliterated name of up to 8 characters (内塔尼亚胡, 阿克谢年科)."""
    if _HAN_NAME.fullmatch(s) or _DOT_NAME.fullmatch(s):
        return True
    translit = lexicon.transliteration_chars()
    return 5 <= len(s) <= 8 and all(ch in translit for ch in s)


#: a rule name whose start a longer or unusable PER span shares is kept (the model read a word
#: edge past the name: 陈玉书于); "overlap": any overlapping PER span keeps it; False: dropped
OVERLAP_KEEPS = "same_start"
#: re-cuts the model may make: "restricted" (see _recut_ok) or "any"
LONGER = "restricted"
SHORTER = "restricted"


def _recut_ok(rule: str, model: str) -> bool:
    """Whether the model's span may replace the rule's name.

    Shorter: a name of 4+ characters that is not transliterated (the rules ran a Chinese name into
    the next word). Longer: the rules cut a name short (巴音朝|鲁, 普里马科|夫, a dotted name); the
    model's span may grow it unless what it adds begins with a word that ends names (于, 说, 表示:
    name_boundaries.txt ``name_end``) or a title (中将): the edges of a word-level model ran a
    name into those (陈玉书于, 陶青说, 袁守芳中将)."""
    if len(model) < len(rule):
        if SHORTER == "any":
            return True
        translit = lexicon.transliteration_chars()
        return len(rule) >= 4 and not all(ch in translit for ch in rule)
    if LONGER == "any" or "·" in model:
        return True
    if not model.startswith(rule):
        return False
    i = len(rule)
    if lexicon.starts_with(model, i, "name_end") or lexicon.starts_with(model, i, "not_given"):
        return False
    titles = lexicon.titles()
    return not any(model[i:i + k] in titles for k in range(1, len(model) - i + 1))


def to_view(idx, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text-offset spans to view offsets (``idx[v]`` is the text offset of view char ``v``)."""
    inv = {t: v for v, t in enumerate(idx)}
    out = []
    for s, e in spans:
        vs, ve = inv.get(s), inv.get(e - 1)
        if vs is not None and ve is not None and ve >= vs:
            out.append((vs, ve + 1))
    return sorted(set(out))


def name_span(f) -> tuple[int, int]:
    """View span of a found official's name."""
    if f.rule.startswith("name_title"):
        return f.start, f.start + len(f.name)
    return f.end - len(f.name), f.end


def _reporter(f, per: list[tuple[int, int]], by_start: dict, c: str, tag: str) -> bool:
    """Whether a byline's name stays; a longer PER span at its start re-cuts it (记者李中|文 →
    李中文). Bylines are short and often outside the model's reach: only a common word
    (记者招待会) that no PER span supports is dropped."""
    ns, ne = name_span(f)
    alt = [(s, e) for s, e in by_start.get(ns, []) if e > ne and sane_name(c[s:e]) and _recut_ok(f.name, c[s:e])]
    if alt:
        f.name, f.end = c[alt[0][0]:alt[0][1]], alt[0][1]
        f.rule += tag
        return True
    return f.name[:2] not in lexicon.common_words() or any(s < ne and ns < e for s, e in per)


def _recut(f, c: str, by_start: dict, by_end: dict) -> Optional[tuple[int, int]]:
    """The PER span that re-cuts a rule name (same start; same end for 李强总理 order), if any."""
    ns, ne = name_span(f)
    post = f.rule.startswith("name_title")
    alt = [(s, e) for s, e in (by_end.get(ne, []) if post else by_start.get(ns, []))
           if sane_name(c[s:e]) and _recut_ok(f.name, c[s:e])]
    if not alt:
        return None
    s, e = alt[0]
    f.name = c[s:e]
    if post:
        f.start = s
    else:
        f.end = e
    return s, e


def _clean_end(c: str, ne: int) -> bool:
    """Whether the text after a name ends it cleanly: punctuation or the end of the text."""
    return ne >= len(c) or not c[ne].isalnum()


def _known_org(org: str) -> bool:
    """An organisation the lexicons vouch for: a known name or alias, a country or place whose
    title it is (美国总统, 法国外长: places.txt), or one holding a unit with a strong suffix
    (嘉兴市公安局|侦查中心, 委员会, 有限公司: orgs.tsv, org_suffixes.txt)."""
    if org in lexicon.org_index() or org in lexicon.places():
        return True
    return any(org.find(suf, 2) > 0 for suf in _strong_suffixes())


@cache
def _strong_suffixes() -> tuple[str, ...]:
    return tuple(s for s, (_kind, strong) in lexicon.org_suffixes().items() if strong and len(s) >= 2)


def _place_before_title(title: str) -> Optional[str]:
    """The country or place a title begins with (美国总统 → 美国), which the rules fold into it."""
    places = lexicon.places()
    return next((title[:k] for k in range(min(len(title) - 1, 8), 1, -1) if title[:k] in places), None)


def _doubted(f, per: list[tuple[int, int]], unmatched: str, c: str) -> bool:
    """Whether a rule name no PER span supports stays (see UNMATCHED), its score lowered."""
    ns, ne = name_span(f)
    if OVERLAP_KEEPS and any((s == ns if OVERLAP_KEEPS == "same_start" else s < ne and ns < e) for s, e in per):
        return True   # the model saw a person here but cut it elsewhere (word edges): keep the rule's
    if f.name[:2] in lexicon.common_words() or not sane_name(f.name):
        return False   # 从头至尾反: a common word, or no name's shape, and nothing vouches for it
    org = f.positions[-1].org or _place_before_title(f.positions[-1].title)
    if (unmatched == "downscore" or (unmatched == "keep_org" and org)
            or (unmatched == "keep_known_org" and org and (_known_org(org) or _clean_end(c, ne)))):
        f.score = round(f.score * DOWNSCORE, 3)
        return True
    return False


def addable(c: str, s: int, e: int) -> bool:
    """Whether a PER span the rules did not bind may become an official: a sane name, or one
    surname character directly before a title (毛主席, 李主席: the title decides, in ``add``)."""
    return sane_name(c[s:e]) or (e - s == 1 and c[s] in lexicon.surnames())


def bind(found: list, c: str, per: list[tuple[int, int]], tag: str, *,
         add: Callable[[int, int], list], unmatched: Optional[str] = None) -> list:
    """The rule officials ``found`` (officials._Found, view offsets into ``c``) re-cut, confirmed
    or dropped by the PER spans ``per`` (view offsets); plus the officials ``add(start, end)``
    makes for PER spans the rules did not bind. ``tag`` is appended to the rule of every record
    the model touched."""
    unmatched = unmatched or UNMATCHED
    spans = set(per)
    by_start: dict[int, list[tuple[int, int]]] = {}
    by_end: dict[int, list[tuple[int, int]]] = {}
    for s, e in per:
        by_start.setdefault(s, []).append((s, e))
        by_end.setdefault(e, []).append((s, e))
    out, used = [], set()
    for f in found:
        if f.reporter:
            if _reporter(f, per, by_start, c, tag):
                out.append(f)
            continue
        span = name_span(f)
        if span in spans:   # confirmed: score raised halfway to 1
            f.score = round(1 - (1 - f.score) / 2, 3)
        else:
            span = _recut(f, c, by_start, by_end)
            if span is None:
                if _doubted(f, per, unmatched, c):
                    out.append(f)
                continue
        f.rule += tag
        used.add(span)
        out.append(f)
    kept = [name_span(f) for f in out]
    for s, e in per:
        if (s, e) not in used and addable(c, s, e) and not any(a < e and s < b for a, b in kept):
            for g in add(s, e):
                g.rule += tag
                out.append(g)
    return out
