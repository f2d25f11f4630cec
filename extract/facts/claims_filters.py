"""Claims: numbers that are no quantities (ordinals, years, periods, names, restated lists)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from extract.facts.claims_patterns import CLAUSE_END, _PRODUCT, _Patterns

if TYPE_CHECKING:
    from extract.facts.claims import _Candidate

def _mixed_numeral(text: str, start: int, end: int, tables) -> bool:
    """二００二年, 二０一０年: Arabic and Chinese digits touching make one numeral in two scripts
    (CTB's full-width zero for 〇), which is a year or a code, never two quantities."""
    cn = set(tables.digits) - set("0123456789０１２３４５６７８９")
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    is_arabic = text[start:end][:1] in "0123456789０１２３４５６７８９"
    if is_arabic:
        return before in cn or after in cn
    return bool(before) and before in "0123456789０１２３４５６７８９" or bool(after) and after in "0123456789０１２３４５６７８９"


def _is_ordinal(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """Ordinals and labels, not quantities: N届 before a session name (十九届中央巡视, 十四届全国
    人大); a number whose unit is followed by 级 (二年级, 85公斤以上级: a grade or a class); a
    unitless number followed by a label suffix (3号线)."""
    if cand.unit == "届" and pats.session.match(text, cand.end):
        return True
    if cand.unit is not None and cand.unit != "级" and text.startswith("级", cand.end) \
            and not text.startswith("级别", cand.end):
        return True
    return cand.unit is None and bool(pats.ordinal_suffix.match(text, cand.num_end))


def _inside_name(cand: _Candidate, names) -> bool:
    """The number starts inside a recognised name that goes on after the claim (三棵树涂料)."""
    return any(a <= cand.num_start < b and cand.end < b for a, b in names)


def _restates_list(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """省、市两级 and 湖南、河南两省: a small count right after an enumeration of as many items
    restates the list; it is not a figure of its own."""
    if cand.value is None or cand.unit not in pats.lex["restatable_units"] or cand.value > 9:
        return False
    head = text[max(0, cand.start - 30):cand.start]
    head = regex.split(rf"[{regex.escape(CLAUSE_END)}“”《》]", head)[-1]
    m = regex.search(r"(?:[\p{Han}]{1,8}[、和])+[\p{Han}]{1,8}$", head)
    if not m:
        return False
    items = regex.split("[、和]", m.group())
    return len(items) == cand.value


def _in_product(text: str, start: int, end: int) -> bool:
    """3×4米, 3×10⁴吨, 4×100米接力: a factor of a product is no quantity of its own."""
    before = text[max(0, start - 2):start].rstrip(" \u3000")
    after = text[end:end + 2].lstrip(" \u3000")
    return bool(before and before[-1] in _PRODUCT or after and after[0] in _PRODUCT)


def _is_year(numeral: str, cand: _Candidate, text: str, tables) -> bool:
    """2023年, 二○二三年: a calendar year, not a duration."""
    if cand.unit != "年" or cand.has_magnitude or cand.value is None:
        return False
    if numeral.isascii() and numeral.isdigit() and len(numeral) == 4:
        return True
    return len(numeral) >= 2 and all(ch in tables.digits for ch in numeral)


def _is_period(text: str, cand: _Candidate, lex: dict) -> bool:
    """近3年, 前三季度, 未来5天, 5年来: a time reference, not a quantity."""
    if cand.unit not in lex["time_units"]:
        return False
    if any(text.startswith(s, cand.end) for s in lex["period_suffixes"]):
        return True
    head = text[max(0, cand.num_start - 3):cand.num_start]
    if any(head.endswith(e) for e in lex["period_prefix_exceptions"]):
        return False
    return any(head.endswith(p) for p in lex["period_prefixes"])
