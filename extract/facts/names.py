"""Person names after a title, as the officials' rules read them (view offsets).

``name_after(c, p)``: a Chinese name (surname + one or two given characters, weighed by where a
name ends cleanly elsewhere in the text), a name with a middle dot, or a transliterated one.
``reporter_names(c, p)``: the names of a byline (新华社记者严赋憬张辛欣 → 严赋憬, 张辛欣).
``shared_title_names``: further names that share one title (副主席张又侠、何卫东).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

import regex

from . import lexicon
from .orgnames import is_org_name
from .positions import title_re

_HAN = regex.compile(r"\p{Han}")
_DOT_NAME = regex.compile(r"\p{Han}{1,6}(?:[·・•‧]\p{Han}{1,8}){1,3}")  # bounded: linear time
_REPORTER_TAIL = ("摄", "报道", "发")
FUNCTION_CHARS = set("的了在是和与及等说称们这那其该此各每都也还就对将已曾则从于被把让并而或者员时地，")
RARE_SURNAME = 20  # frequency (per the surname list) below which a run-on byline name is doubted

_starts_with = lexicon.starts_with


def given_ok(s: str) -> bool:
    """Whether every character of ``s`` may be part of a given name."""
    ng = lexicon.boundaries()["not_given"]
    return all(_HAN.match(ch) and ch not in ng for ch in s)


def _given_soft_ok(s: str) -> bool:
    """A two-character given name whose *first* character is place/unit-like (路, 又, 公…).

    The last character must still pass ``given_ok`` (沙市 after 湖南省长 is no name)."""
    return (len(s) == 2 and _HAN.match(s[0]) is not None and s[0] not in FUNCTION_CHARS
            and given_ok(s[1:]))


def clean_at(c: str, q: int) -> bool:
    """Whether a name may end at view offset ``q`` (end, non-Han, a verb/function word, or a
    numeral date or count: 李强八日)."""
    return (q >= len(c) or not _HAN.match(c[q]) or _starts_with(c, q, "name_end") is not None
            or lexicon.numeral_unit_at(c, q))


def _into_numeral(c: str, start: int, end: int) -> bool:
    """Whether a given name c[start:end] runs into a date or count (总理李强八日: 强八 reads 八日
    as part of the name); a name that ends where one begins is fine (主席张三三次)."""
    return (not lexicon.numeral_unit_at(c, end)
            and any(lexicon.numeral_unit_at(c, q) for q in range(start, end)))


def _transliterated(c: str, p: int) -> Optional[str]:
    """A transliterated foreign name at ``p`` (助教休顿, 制片杰瑞布凯默继…): a run of
    transliteration characters, 2 to 12 long, that ends where the run ends or at a verb."""
    chars = lexicon.transliteration_chars()
    k = p
    while k < len(c) and k - p < 12 and c[k] in chars and not (k > p + 1 and _starts_with(c, k, "name_end")):
        k += 1
    if k - p < 2 or (k < len(c) and c[k] in chars):
        return None
    return c[p:k]


def name_after(c: str, p: int, *, foreign: bool = False) -> Optional[str]:
    """A person's name starting at view offset ``p``, or None.

    A candidate that starts with a common word is no name (专家建议, 记者上午获悉,
    民警立即赶到), unless it is three characters long and ends cleanly (任志刚昨日).
    """
    n = _name_candidate(c, p, foreign=foreign)
    if n and "·" not in n and n[:2] in lexicon.common_words():
        if len(n) == 2 or not clean_at(c, p + len(n)):
            return None
    return n


def _dot_name(name: str) -> str:
    """A name with a middle dot, cut before a verb after its last part."""
    last = name.rfind("·") + 1
    for k in range(max(last, 1) + 1, len(name)):
        if _starts_with(name, k, "name_end"):
            return name[:k]
    return name


def _foreign_name(c: str, p: int) -> Optional[str]:
    """After an international title any Han run of 2 to 8 characters up to a verb is a name."""
    k = p
    while k < len(c) and k - p < 8 and _HAN.match(c[k]) and not (k > p + 1 and _starts_with(c, k, "name_end")):
        k += 1
    return c[p:k] if k - p >= 2 else None


def _name_candidate(c: str, p: int, *, foreign: bool = False) -> Optional[str]:
    """The raw name candidate at ``p`` (see ``name_after``)."""
    if p >= len(c) or _starts_with(c, p, "not_name"):
        return None
    m = _DOT_NAME.match(c, p)
    if m:
        return _dot_name(m.group())
    if foreign:
        return _foreign_name(c, p)
    translit = _transliterated(c, p)
    if translit and len(translit) >= 3:
        return translit
    sur = lexicon.surnames()
    if c[p:p + 2] in sur and len(c[p:p + 2]) == 2:
        slen = 2
    elif c[p] in sur:
        slen = 1
    else:
        return translit
    cands = [c[p:p + slen + g] for g in (2, 1) if p + slen + g <= len(c)
             and not _into_numeral(c, p + slen, p + slen + g)
             and (given_ok(c[p + slen:p + slen + g])
                  # 李路明说, 张又侠出席: a place-like character is fine in a name that ends cleanly
                  or (clean_at(c, p + slen + g) and _given_soft_ok(c[p + slen:p + slen + g])))]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    return _long_or_short(c, p, *cands)


def _long_or_short(c: str, p: int, long: str, short: str) -> str:
    """Surname + two or surname + one given characters: the one that ends cleanly here, else the
    one seen ending cleanly elsewhere in the text."""

    def seen_clean(n: str) -> int:
        """How often ``n`` occurs elsewhere followed by a clean boundary."""
        return clean_ends(c)[n] - (1 if clean_at(c, p + len(n)) else 0)

    if clean_at(c, p + len(short)) and not seen_clean(long):
        return short
    if clean_at(c, p + len(long)):
        return long
    if seen_clean(long):
        return long
    if seen_clean(short):
        return short
    return long


@lru_cache(maxsize=2)
def clean_ends(c: str) -> Counter:
    """How often each 2-4 character string occurs in ``c`` followed by a clean boundary: built
    once a text, so weighing name candidates stays linear (issue 9 F14). The boundaries are the
    positions :func:`clean_at` accepts, found in bulk (:func:`_clean_positions`)."""
    counts: Counter = Counter()
    for q in _clean_positions(c):
        if q >= 2:
            counts[c[q - 2:q]] += 1
            if q >= 3:
                counts[c[q - 3:q]] += 1
                if q >= 4:
                    counts[c[q - 4:q]] += 1
    return counts


def _clean_positions(c: str) -> list[int]:
    """Every q in 2..len(c) with ``clean_at(c, q)``, in order, by three scans instead of a test
    at each position: non-Han characters, starts of ``name_end`` words, numerals before a unit."""
    ends = {m.start() for m in _NOT_HAN.finditer(c)}
    ends.update(m.start() for m in _name_end_re().finditer(c))
    nums = lexicon.name_numerals()
    ends.update(q for q, ch in enumerate(c) if ch in nums and lexicon.numeral_unit_at(c, q))
    ends.add(len(c))
    return sorted(q for q in ends if q >= 2)


_NOT_HAN = regex.compile(r"\P{Han}")


@lru_cache(maxsize=1)
def _name_end_re() -> regex.Pattern:
    words = sorted(lexicon.boundaries()["name_end"], key=len, reverse=True)
    return regex.compile("(?=(?:" + "|".join(map(regex.escape, words)) + "))")


def _byline_run(c: str, p: int) -> str:
    """The Han run after a byline title, up to the next title or a numeral, without its tail
    (摄, 报道 and the place before it, 发, 摄影…)."""
    k = p
    while (k < len(c) and k - p < 12 and _HAN.match(c[k]) and not (k > p + 1 and title_re().match(c, k))
           and not lexicon.numeral_unit_at(c, k)):
        k += 1
    run = c[p:k]
    for tail in _REPORTER_TAIL:
        if run.endswith(tail):
            run = run[: -len(tail)]
            if tail == "报道" and len(run) >= 4:
                run = run[:-2]  # 记者胡金华上海报道: a place (usually two characters) before 报道
    return regex.split(r"摄影|摄|文$", run)[0] or run  # 记者李凌静摄影肖潇, 记者梅建明文/摄


def _split_names(s: str, sur: dict) -> Optional[list[str]]:
    """``s`` cut into names (surname + one or two given characters), the most names first, then
    the most common surnames; None when it cannot be cut."""
    if not s:
        return []

    def key(names: list[str]) -> tuple[int, int]:
        return (-len(names), sum(sur.get(n[:2], 0) or sur.get(n[0], 0) for n in names))

    best: Optional[list[str]] = None
    for slen in (2, 1):
        if s[:slen] not in sur or len(s[:slen]) != slen:
            continue
        for g in (2, 1):
            n = s[: slen + g]
            if len(n) == slen + g and given_ok(n[slen:]):
                rest = _split_names(s[slen + g:], sur)
                if rest is not None:
                    cand = [n] + rest
                    if best is None or key(cand) > key(best):
                        best = cand
    return best


def reporter_names(c: str, p: int) -> list[str]:
    """Names after a byline title: 严赋憬张辛欣 → [严赋憬, 张辛欣]."""
    if _starts_with(c, p, "not_name"):
        return []
    run = _byline_run(c, p)
    if 2 <= len(run) <= 9:
        names = _split_names(run, lexicon.surnames())
        if names:
            return names
    one = name_after(c, p)
    if one:  # 记者见到聊城…: in running text 记者 is often followed by a verb, not a name
        q = p + len(one)
        common = lexicon.surnames().get(one[:2], 0) or lexicon.surnames().get(one[0], 0)
        if (q < len(c) and _HAN.match(c[q]) and not _starts_with(c, q, "name_end") and c[q] != "摄"
                and common < RARE_SURNAME):
            return []
    return [one] if one else []


def shared_title_names(c: str, q: int, foreign: bool, title_starts: set[int]) -> list[tuple[str, int]]:
    """Further names after ``、`` that share the title before the first one.

    Stops at anything that is not a bare, cleanly ended name: an item with a title of its
    own (、山西省委书记唐登杰) belongs to the list-of-officials pattern instead.
    """
    out: list[tuple[str, int]] = []
    while q < len(c) and c[q] == "、":
        n = name_after(c, q + 1, foreign=foreign)
        if not n:
            break
        end = q + 1 + len(n)
        if not (end >= len(c) or c[end] in "、，。；" or _starts_with(c, end, "name_end")):
            break
        if is_org_name(n) or any(t in title_starts for t in range(q + 1, end + 1)):
            break
        out.append((n, end))
        q = end
    return out
