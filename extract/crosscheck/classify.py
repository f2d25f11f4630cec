"""Classify a discrepancy between a reference reading and a deviating one."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .canon import is_punct
from .numerals import NUMERAL_CHARS as NUMERALS
from .numerals import lookalike_pair, numeral_pair, only_numbers_differ


@lru_cache(maxsize=1)
def confusables() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(same pinyin, similar shape) maps, loaded once from extract/data/confusables/."""
    base = resources.files("extract") / "data" / "confusables"
    pinyin: dict[str, set[str]] = {}
    for line in (base / "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        pinyin.setdefault(cols[0], set()).update("".join(cols[1:]))
    shape: dict[str, set[str]] = {}
    for line in (base / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        chars = [c for c in line.split("\t") if c]
        for c in chars:
            shape.setdefault(c, set()).update(x for x in chars if x != c)
    return pinyin, shape


def char_relation(a: str, b: str) -> list[str]:
    """Evidence for one substituted character pair."""
    pinyin, shape = confusables()
    ev = []
    if b in shape.get(a, ()) or a in shape.get(b, ()):
        ev.append("similar_shape")
    if b in pinyin.get(a, ()) or a in pinyin.get(b, ()):
        ev.append("same_pinyin")
    return ev


def strip_punct(s: str) -> str:
    return "".join(ch for ch in s if not is_punct(ch))


def classify(ref: str, other: str) -> tuple[str, list[str]]:
    """(kind, evidence) for ``other`` deviating from ``ref``.

    A number changed is a numeral discrepancy however it changed: digits in either width or
    Chinese numerals swapped (42%/47%, 二/三), a digit dropped (300/3000), or a numeral read
    as its look-alike (十/千, 万/方: extract/data/confusables/numerals.txt), issue 12.
    """
    if strip_punct(ref) == strip_punct(other):
        return "punctuation", []
    if not other:
        return "omission", []
    if not ref:
        return "insertion", []
    if set(ref) <= NUMERALS and set(other) <= NUMERALS and sorted(ref) != sorted(other):
        return "numeral", _shape(ref, other)
    if len(ref) != len(other) and only_numbers_differ(ref, other):  # ９月２５日 / 九月二千五日
        return "numeral", []
    if len(ref) != len(other) and (ref in other or _subsequence(ref, other)):
        return "insertion", []
    if len(ref) != len(other) and (other in ref or _subsequence(other, ref)):
        return "omission", []
    if sorted(ref) == sorted(other):
        return "transposition", []
    diffs = [(a, b) for a, b in zip(ref, other) if a != b] if len(ref) == len(other) else []
    if diffs and all(numeral_pair(a, b) for a, b in diffs):
        return "numeral", _shape(ref, other)
    if diffs:
        rels = [char_relation(a, b) for a, b in diffs]
        if all("similar_shape" in r for r in rels):
            ev = ["similar_shape"] + (["same_pinyin"] if all("same_pinyin" in r for r in rels) else [])
            return "similar_glyph", ev
        if all("same_pinyin" in r for r in rels):
            return "homophone", ["same_pinyin"]
    return "substitution", []


def _shape(ref: str, other: str) -> list[str]:
    """["similar_shape"] when a substituted numeral is a look-alike of its counterpart (十/千)."""
    same = len(ref) == len(other) and any(lookalike_pair(a, b) for a, b in zip(ref, other) if a != b)
    return ["similar_shape"] if same else []


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
