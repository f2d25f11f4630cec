"""Numbers in the comparison text (issue 12): where they are, what they say, which glyphs pass for them.

A *number run* is a maximal run of digits (already ASCII in the comparison form, so width does
not matter) or of Chinese numerals. A Chinese run counts as a number when it is at least two
characters long and parses (三百, 十二), or is one numeral followed by a counter or a date
unit (三月, 五个): 统一 and 一些 are words, not numbers. A run's value comes from
:func:`extract.facts.numbers.parse_number` (read-only).

``number_key`` writes every number run as its value, so 12月25日 and 十二月二十五日 compare
equal: printing a number in the other numeral style is not a discrepancy.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from extract.facts.numbers import parse_number

CN_NUMERALS = "零〇○一二两三四五六七八九十百千万亿"
NUMERAL_CHARS = set("0123456789" + CN_NUMERALS + "点.%")
_CN_DIGITS = "零〇○一二两三四五六七八九"
_RUN = re.compile(rf"(?:百分之|千分之)?(?:[0-9]+(?:,[0-9]{{3}})*(?:[.·・][0-9]+)?[十百千万亿]*"   # 15·8: a middle dot as the point
                  rf"|[{CN_NUMERALS}]+(?:点[{_CN_DIGITS}]+)?[万亿]*)%?")
COUNTERS = set("个名家项年月日号天次位条件元人岁倍届种成批座所辆台吨米周季期类股只场架艘部层")


@lru_cache(maxsize=1)
def lookalikes() -> dict[str, set[str]]:
    """char → the characters that pass for it, from extract/data/confusables/numerals.txt."""
    text = (resources.files("extract") / "data" / "confusables" / "numerals.txt").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group = [c for c in line.split("\t") if c]
        for c in group:
            out.setdefault(c, set()).update(x for x in group if x != c)
    return out


def numeral_pair(a: str, b: str) -> bool:
    """Two characters whose swap is a numeral error: both numerals, or a numeral and its look-alike."""
    if a in NUMERAL_CHARS and b in NUMERAL_CHARS:
        return True
    return (a in NUMERAL_CHARS or b in NUMERAL_CHARS) and b in lookalikes().get(a, ())


def lookalike_pair(a: str, b: str) -> bool:
    return b in lookalikes().get(a, ())


def _value(run: str) -> Optional[str]:
    pct = run.endswith("%") or run.startswith(("百分之", "千分之"))
    core = run.rstrip("%")
    try:
        v = parse_number(core)
    except (ValueError, ArithmeticError):
        return None
    return f"{v}%" if pct and not run.startswith("千分之") else str(v)


def runs(text: str) -> list[tuple[int, int, Optional[str]]]:
    """(start, end, value) of every number run in ``text``; value None when it does not parse."""
    out = []
    for m in _RUN.finditer(text):
        s, e = m.span()
        run = m.group(0)
        if not any(c.isdigit() for c in run):
            nxt = text[e:e + 1]
            if len(run) < 2 and not (nxt and nxt in COUNTERS) and text[max(0, s - 1):s] != "第":
                continue
        out.append((s, e, _value(run)))
    return out


def value_of(text: str) -> Optional[str]:
    """The value(s) of the number runs in a reading, space-separated; None when it holds no
    number that parses (a 3O0 is no number: that is worth seeing too)."""
    found = runs(text)
    vals = [v for _, _, v in found]
    if not vals or any(v is None for v in vals):
        return None
    if any(lookalikes().get(c) for (_, e, _), (s, _, _) in zip(found, found[1:]) for c in text[e:s]):
        return None  # 3O0: one number with a letter in it, not two numbers
    return " ".join(vals)


def number_key(text: str) -> str:
    """``text`` with every parsable number run written as its value."""
    parts, last = [], 0
    for s, e, v in runs(text):
        if v is None:
            continue
        parts.append(text[last:s])
        parts.append(f"\x00{v}\x00")
        last = e
    parts.append(text[last:])
    return "".join(parts)


def skeleton(text: str) -> str:
    """``text`` with every number run (parsable or not) replaced by one placeholder."""
    return skeleton_map(text)[0]


def skeleton_map(text: str) -> tuple[str, list[int]]:
    """The skeleton, and for each of its characters the index in ``text`` where it starts
    (one more entry: ``len(text)``)."""
    out, where, last = [], [], 0
    for s, e, _ in runs(text):
        out.append(text[last:s] + "\x00")
        where += list(range(last, s + 1))
        last = e
    out.append(text[last:])
    where += list(range(last, len(text) + 1))
    return "".join(out), where


def only_numbers_differ(a: str, b: str) -> bool:
    """The two readings differ in their numbers and nowhere else (９月２５日 / 九月二千五日)."""
    return a != b and bool(runs(a)) and skeleton(a) == skeleton(b) and number_key(a) != number_key(b)
