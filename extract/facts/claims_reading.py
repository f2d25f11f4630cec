"""Claims: reading one numeral — its value (or range bounds), unit, and the qualifiers said with it.

Split from ``claims.py`` (issue 11: modules stay a few hundred lines). ``_candidate`` in
``claims.py`` calls these in order: ``_bare`` (a bare 百/千/万 is a number only with 余/多/上),
``_read_value``, ``_read_unit`` (infix 余/多, the unit, 元…角…分, a suffix qualifier) and
``_read_prefix`` (近, 超, 约 before the number).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

import regex

from extract.facts.numbers import numeral_tables, parse_number, parse_numeral_range, parse_power
from extract.facts.claims_ranges import (
    _Candidate, _and_a_half, _counted_magnitude, _counted_time_unit, _share, before_pause, share_tail,
)
from extract.facts.claims_patterns import PREFIX_WINDOW, unit_alias, _Patterns

#: before a bare 千/万, a word that makes it vague (数万名, 几千名, 成千名): no figure
_VAGUE_BEFORE = frozenset("数几成好")
#: a round magnitude that a qualifier before it makes a figure (超万人, 过亿元, 破千万, 近百万)
_ROUND = frozenset(("百", "千", "万", "亿", "百万", "千万", "百亿", "千亿", "万亿"))


def _bare(text: str, m: regex.Match, pats: _Patterns, numeral: str, num_end: int) -> Optional[bool]:
    """For a bare 百/千/万/亿: None when it is no number (百姓, 万人空巷), else whether 上 stands
    before it (上万人: at least). False for any other numeral."""
    tables, num_start = numeral_tables(), m.start()
    bare = not m.group("arabic") and not any(ch in tables.digits for ch in numeral) and not numeral.startswith("十")
    above = bare and text.endswith("上", 0, num_start) and numeral[0] in "百千万亿" and set(numeral) <= set("百千万亿")
    near = bare and numeral in _ROUND and _usable_prefix(text, pats.prefix.search(text, max(0, num_start - 4), num_start), pats.lex)
    if bare and not (above or near) and not pats.infix.match(text, num_end) \
            and not (numeral[0] in "百千" and len(numeral) > 1 and numeral[-1] in "万亿"
                     and pats.unit.match(text, num_end)) \
            and not (numeral in ("千", "万") and text.startswith("名", num_end)
                     and text[num_start - 1:num_start] not in _VAGUE_BEFORE):
        return None  # a bare 百/千/万 needs 余/多 (千余人), 上 (上万人), 百亿元 or 名 (万名新团员)
    return above


def _digit_pair(numeral: str, tables) -> bool:
    """Two Chinese digits, the second one more than the first (两三, 三四, 七八): said of a count
    they are an approximate range, never a number read digit by digit (23, 34)."""
    if len(numeral) != 2 or any(ch not in tables.digits for ch in numeral) or numeral.isdigit():
        return False
    a, b = tables.digits[numeral[0]], tables.digits[numeral[1]]
    return 0 < a and b == a + 1


def _read_value(cand: _Candidate, m: regex.Match, numeral: str, pct_unit: Optional[str], num_end: int) -> bool:
    """The candidate's value (or range bounds) and rule; False when the numeral has no reading."""
    tables = numeral_tables()
    try:
        if m.group("sup"):  # 10²: the superscript is an exponent (issue 9 F13)
            if m.group("amag") or pct_unit or num_end != m.end():
                return False
            cand.value, cand.rule = parse_power(m.group("arabic"), m.group("sup")), "arabic-power"
        elif _digit_pair(numeral, tables):
            raise ValueError("two neighbouring digits: an approximation (两三条, 三四个), not 23 or 34")
        else:
            cand.value = parse_number(numeral)
            cand.rule = _rule(m, numeral, pct_unit, tables)
    except ValueError:
        bounds = parse_numeral_range(numeral) if not m.group("arabic") else None
        if bounds is None:
            return False
        if tables.vague_digit in numeral:   # 十几名 reads as 十多名: more than ten (二十几万: 200000)
            cand.value = cand.lower = parse_number(numeral.replace(tables.vague_digit, ""))
            cand.qualifier, cand.rule = "more_than", "chinese-ten-odd"
            return True
        cand.lower, cand.upper, cand.qualifier, cand.rule = bounds[0], bounds[1], "range", "chinese-range"
    return True


def _read_unit(cand: _Candidate, text: str, m: regex.Match, numeral: str, pct_unit: Optional[str],
               pats: _Patterns) -> Optional[int]:
    """Infix qualifier (余, 多, with a magnitude), unit and suffix qualifier after the numeral;
    sets ``cand.end`` and returns it, or None when what follows makes it no claim."""
    lex, num_end = pats.lex, cand.num_end
    pos = num_end
    if (infix := pats.infix.match(text, pos)) and cand.value is not None \
            and (infix["q"] not in lex["round_only_infixes"] or numeral[-1:] in "十百千万0０"):
        cand.qualifier = lex["qualifier_infixes"][infix["q"]]
        if infix["mag"]:
            if m.group("sup"):
                return None
            try:
                cand.value = parse_number(numeral + infix["mag"])
            except ValueError:
                return None
            cand.has_magnitude = True
        pos = infix.end()
    pos = _skip_space(text, _counted_magnitude(cand, text, pos))
    num_end = cand.num_end   # 3个亿: the number runs to its magnitude
    if pct_unit:
        cand.unit = pct_unit
    elif (unit := pats.unit.match(text, pos)) and not (cand.has_magnitude and _opens_word(text, unit, lex)):
        cand.unit, pos = unit_alias(unit.group()), unit.end()
        pos = _counted_time_unit(cand, text, pos)   # 16个小时以上, 3个多月: the unit is 个小时, 个月
        if per := pats.per.match(text, pos):   # 4200元/吨, 50微克／立方米: a rate, counted per its second unit
            cand.per, pos = unit_alias(per["den"]), per.end()
    elif (big := lex["large_units"].get(text[pos:pos + 1])) and cand.value is not None \
            and cand.value >= big and not pats.number.match(text, pos + 1):
        cand.unit, pos = text[pos], pos + 1   # 收于3000点: index points (8点 is a time, 三点五 a decimal)
    if cand.unit in lex["share_units"]:
        if not _share(cand, numeral, lex):
            return None
        pos = share_tail(cand, text, pos)
    pos = _and_a_half(cand, text, pos, lex)
    pos = _jiao_fen(cand, text, pos)
    pos = _centimetres(cand, text, pos)
    if cand.unit is None:
        pos = _skip_space(text, num_end) if cand.qualifier == "exact" else pos
    if cand.unit and cand.unit in lex["currency_units"] and text.startswith("人民币", pos):
        pos += 3  # 10亿元人民币以内: the currency named again before the qualifier
    if (suffix := pats.suffix.match(text, pos)) and cand.qualifier == "exact" and cand.unit \
            and _suffix_qualifies(text, suffix, pats):
        cand.qualifier, pos = lex["qualifier_suffixes"][suffix.group()], suffix.end()
    cand.end = pos if (cand.unit or cand.qualifier != "exact") else num_end
    return cand.end


#: The smaller coins after 元: 两元八角 (2.8 元), 3元5角2分 (3.52 元); 角 and 分 take one digit each.
_JIAO_FEN = regex.compile(r"(?P<jiao>[零一二两三四五六七八九0-9０-９])角(?:(?P<fen>[一二两三四五六七八九1-9１-９])分)?")


def _jiao_fen(cand: _Candidate, text: str, pos: int) -> int:
    """两元八角 is 2.8 元, not 2 元: the 角 (tenths) and 分 (hundredths) after a 元 amount join it."""
    if cand.unit != "元" or cand.value is None or cand.qualifier != "exact" or not (m := _JIAO_FEN.match(text, pos)):
        return pos
    fen = parse_number(m["fen"]) if m["fen"] else 0
    cand.value += parse_number(m["jiao"]) / 10 + fen / Decimal(100)
    return m.end()


#: Centimetres after a whole number of metres: 18米74 (18.74 米), 六十二米七三 (62.73 米), 1米8: one or
#: two digits, read digit by digit, with no digit, unit, numeral or 4×100 after them; metres below 100.
_CENTIMETRES = regex.compile(r"(?P<cm>[0-9０-９]{1,2}|[〇零一二三四五六七八九]{1,2})(?![0-9０-９〇零一二两三四五六七八九十百千万亿.．%％×xX*＊A-Za-z])")


#: a unit after the digits following 米 makes them a count of their own (3米5公分), no centimetres
_UNIT_AFTER_CM = frozenset("米个人元次岁年月日天分秒厘公斤吨")


def _centimetres(cand: _Candidate, text: str, pos: int) -> int:
    """18米74 is 18.74 米 (an athletics mark, a height), not 18 米: the digits after 米 are its
    decimals, read one by one (七三 is .73, not .37 or 73), unless a unit follows them (3米5公分 stays as read)."""
    if cand.unit != "米" or cand.value is None or cand.qualifier != "exact" or cand.value != cand.value.to_integral_value() \
            or cand.value >= 100 or not (m := _CENTIMETRES.match(text, pos)) \
            or text[m.end():m.end() + 1] in _UNIT_AFTER_CM:
        return pos
    digits = "".join(str(parse_number(ch)) for ch in m["cm"])
    cand.value += Decimal("0." + digits)
    return m.end()




def _opens_word(text: str, unit: regex.Match, lex: dict) -> bool:
    """2000多万台湾同胞: the "unit" opens a word (``unit_words``); a number with a magnitude then
    stands without a unit (20000000, unit null) where one without is no claim at all."""
    return any(text.startswith(w, unit.start()) for w in lex["unit_words"] if w.startswith(unit.group()))


def _suffix_qualifies(text: str, suffix: regex.Match, pats: _Patterns) -> bool:
    """一户多个空调: 多个 is "several"; 8000人上下班: to and from work (suffix_not_before); 强/弱
    only before a pause (80％强，; not 3个强队)."""
    after = text[suffix.end():suffix.end() + 1]
    if suffix.group() == "多" and pats.unit.match(text, suffix.end()):
        return False
    if suffix.group() in pats.lex["suffix_only_before_pause"]:
        return before_pause(text, suffix.end())   # 80％强，: a little more; 3个强队: strong teams
    return not (after and after in pats.lex["suffix_not_before"].get(suffix.group(), ""))


def _usable_prefix(text: str, prefix: Optional[regex.Match], lex: dict) -> bool:
    """Whether a qualifier prefix found before a number qualifies it: 签约3家 holds 约 as the end of
    the word 签约, which does not make 3 approximate (损失约 does: 损失, then 约; ``prefix_not_after``,
    ``prefix_after_words``), nor does 过 of 经过千万次 make a figure of 千万."""
    if not prefix:
        return False
    word = prefix.group().strip()
    return not (prefix.start() and text[prefix.start() - 1] in lex["prefix_not_after"].get(word, ())
                and not text.endswith(tuple(lex["prefix_after_words"].get(word, ())), 0, prefix.start()))


def _read_prefix(cand: _Candidate, text: str, above: bool, pats: _Patterns) -> None:
    """A qualifier before the number (近, 超, 约; 上 of 上万人) moves the claim's start."""
    lex, num_start = pats.lex, cand.num_start
    if above and cand.qualifier == "exact":   # 上万人, 上千家: at least that many
        cand.qualifier, cand.prefix, cand.start = "at_least", "上", num_start - 1
    prefix = pats.prefix.search(text, max(0, num_start - PREFIX_WINDOW), num_start)
    word = prefix.group().strip() if prefix else ""
    rounded = cand.share_factor is not None or set(text[num_start:cand.num_end]) <= set("百千万亿")
    if word in lex["round_only_prefixes"] and not (rounded or cand.has_magnitude):
        prefix = None   # 去过5个国家: 过 is the verb's aspect; 销售额过亿元, 进度过七成, 粉丝过10万: more than
    elif not _usable_prefix(text, prefix, lex):
        prefix = None
    if prefix:
        said = lex["qualifier_prefixes"][prefix.group().strip()]
        if cand.qualifier == "exact" or (said == "approx" and cand.qualifier in ("more_than", "at_least")):
            cand.qualifier = said   # 约有2万多人, 约有95％以上: 约 says the whole figure is rough, 多/以上 only its tail
        cand.prefix, cand.start = prefix.group().strip(), prefix.start()


def _rule(m: regex.Match, numeral: str, pct_unit: Optional[str], tables) -> str:
    if pct_unit:
        return "percent-words"
    if m.group("arabic"):
        return "arabic+magnitude" if any(ch in tables.magnitudes or ch in tables.multipliers
                                         for ch in numeral) else "arabic"
    if len(numeral) >= 2 and all(ch in tables.digits for ch in numeral):
        return "digit-string"
    return "chinese-numeral"


def _skip_space(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] in " \u3000" else pos


def _trim_unit_magnitude(text: str, start: int, end: int, pats: _Patterns) -> int:
    """End the numeral before a 千/百 that begins a unit: 5千米 is 5 千米, not 5000 米."""
    for i in range(start + 1, end):
        if text[i] in "千百" and (u := pats.unit.match(text, i)) and len(u.group()) > 1:
            return i
    return end
