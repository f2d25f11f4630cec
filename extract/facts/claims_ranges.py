"""Claims: the candidate record, ranges (50元~100元, 百分之二十至三十, 约10~20万人), shares counted
in tenths (六成) and 半数. Split from :mod:`extract.facts.claims` (issue 11: modules of about 400
lines at most)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import regex

from extract.facts.claims_filters import _is_period
from extract.facts.claims_patterns import PREFIX_WINDOW, unit_alias, _Patterns, _alternation
from extract.facts.numbers import multiply, normalize_decimal, parse_number, parse_numeral_range


@dataclass
class _Candidate:
    start: int          # first character, qualifier prefix included
    num_start: int      # first character of the numeral (percent prefix included)
    num_end: int        # end of the numeral and its magnitudes
    end: int            # end of the claim, unit and suffix qualifier included
    rule: str
    value: Optional[Decimal] = None
    lower: Optional[Decimal] = None
    upper: Optional[Decimal] = None
    unit: Optional[str] = None
    per: Optional[str] = None   # a rate's second unit: 4200元/吨 is 4200 元 per 吨
    qualifier: str = "exact"
    has_magnitude: bool = False
    prefix: Optional[str] = None
    share_factor: Optional[Decimal] = None   # 7成 = 70 %: the factor a bare low end (5—7成) takes too


def _share(cand: _Candidate, numeral: str, lex: dict) -> bool:
    """六成 = 60 %, 二三成 = 20..30 % (``share_units``: tenths); a discount of two digits that make no
    range is one figure in hundredths (八五折 = 85 %); False when no share is read (a share of more
    than ten tenths is no share)."""
    unit, factor = lex["share_units"][cand.unit]
    if cand.value is not None and cand.value > 10:
        bounds = parse_numeral_range(numeral)   # 二三 read as the digit string 23
        if bounds is None and cand.unit in lex["hundredths_shares"] and len(numeral) == 2 and cand.value < 100:
            cand.unit, cand.share_factor = unit, Decimal(1)   # 八五折, 七五折: 85 %, 75 % of the price
            return True
        if bounds is None or bounds[1] > 10:
            return False
        cand.value, (cand.lower, cand.upper), cand.qualifier = None, bounds, "range"
    cand.unit, cand.share_factor = unit, Decimal(factor)
    cand.value, cand.lower, cand.upper = (v if v is None else multiply(v, Decimal(factor))
                                          for v in (cand.value, cand.lower, cand.upper))
    return True



def _merge_ranges(text: str, cands: list[_Candidate], pats: _Patterns) -> list[_Candidate]:
    """Join 50元~100元, 50%—60%, 300户至500户, 约10~20万人 into one range candidate.

    Two numbers joined by a separator that make no range (low end not below the high
    end) stay apart; after a dash or tilde the high end is dropped as well (see the
    module docstring).
    """
    out: list[_Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        sep = pats.separator.fullmatch(text, prev.end, cand.start) if prev is not None else None
        if sep and prev.rule == "percent-words" and cand.unit is None and not cand.has_magnitude:
            cand.unit = prev.unit   # 百分之二十至三十: the spelled-out fraction serves both ends
        if not (sep and prev is not None and prev.value is not None and cand.value is not None
                and _range_qualifier(prev, pats) and _open_end(cand)
                and (prev.unit is None or prev.unit == cand.unit) and prev.per in (None, cand.per)
                and cand.unit is not None):
            out.append(cand)
            continue
        lower = _shared_lower(text, prev, cand)
        if lower is None or lower >= cand.value:
            if prev.unit is None and not any(w in sep.group() for w in pats.lex["range_word_separators"]):
                out.pop()  # 100-50亿元: an expression we cannot read, neither number is a claim
                continue
            out.append(cand)
            continue
        out[-1] = _Candidate(start=prev.start, num_start=prev.num_start, num_end=cand.num_end,
                             end=cand.end, rule="range", lower=lower, upper=cand.value,
                             unit=cand.unit, per=cand.per, qualifier=_range_qualifier(prev, pats) or "range",
                             has_magnitude=prev.has_magnitude or cand.has_magnitude, prefix=prev.prefix)
    return out


def _open_end(cand: _Candidate) -> bool:
    """``cand`` can end a range: no prefix of its own, and exact or only 余/多 after its number
    (5万亿-5.3万亿余元, 3000-4000多元: the rounding of both bounds, not a bound beyond the range)."""
    return cand.prefix is None and cand.qualifier in ("exact", "more_than")


def _range_qualifier(prev: _Candidate, pats: _Patterns) -> Optional[str]:
    """The qualifier a range starting with ``prev`` takes: ``range`` (3000多-4000多元 too: 多 and
    余 round each bound), or ``approx`` when an approximate prefix stands before it (约10~20万人);
    None when ``prev`` cannot start one."""
    if prev.qualifier == "exact" or prev.qualifier == "more_than" and prev.prefix is None:
        return "range"
    if prev.qualifier == "approx" and prev.prefix and pats.lex["qualifier_prefixes"].get(prev.prefix) == "approx":
        return "approx"
    return None


def _shared_lower(text: str, prev: _Candidate, cand: _Candidate) -> Optional[Decimal]:
    """The low end of ``prev``—``cand``: 5—10万元 is 50,000 to 100,000 (the magnitude written
    once serves both ends; so does a share, 5—7成 is 50 to 70 %), but 3000—1万元 is 3,000 to 10,000 (3000 is within two orders of
    magnitude of 万). None when the magnitude reading is the only one and it fails."""
    assert prev.value is not None and cand.value is not None
    if cand.share_factor is not None and prev.unit is None and not prev.has_magnitude:
        return multiply(prev.value, cand.share_factor)   # 5—7成: 50 to 70 %
    if prev.unit is not None or prev.has_magnitude or not cand.has_magnitude:
        return prev.value
    mag = regex.search(r"[万亿]+$", text[cand.num_start:cand.num_end])
    if not mag:
        return prev.value
    factor = parse_number("1" + mag.group())
    shared = multiply(prev.value, factor)
    if shared < cand.value:
        return shared
    return prev.value if multiply(prev.value, Decimal(100)) >= factor else None



#: after a share in tenths, the half or the one digit that follows it (七成半 = 75 %, 八成五 = 85 %),
#: the digit only before a pause, 的 or a suffix qualifier (七成五星级酒店 is 70 % of five-star hotels)
_SHARE_TAIL = regex.compile(r"半|(?P<digit>[一二三四五六七八九])(?=[，。、；：,.;:）)”\s的]|以上|以下|左右|多|$)")


def share_tail(cand: _Candidate, text: str, pos: int) -> int:
    """七成半 is 75 %, 八成五 85 %: a half or a digit of a tenth after the share joins it; returns the
    position after what was read."""
    if cand.share_factor != 10 or cand.value is None or cand.qualifier == "range" or not (m := _SHARE_TAIL.match(text, pos)):
        return pos
    cand.value += parse_number(m["digit"]) if m["digit"] else Decimal(5)
    return m.end()


def _and_a_half(cand: _Candidate, text: str, pos: int, lex: dict) -> int:
    """三年半, 两天半, 两岁半 (``half_units``): a span and a half (3.5 年), read on past 半; not 三年半年 (a half-year
    word follows). 一个半小时, 三个半月: 个 with 半 and a time unit is 1.5 个小时, 3.5 个月. Returns
    the position after the unit."""
    if (cand.unit in lex["time_units"] or cand.unit in lex["half_units"]) and text.startswith("半", pos) \
            and cand.value is not None \
            and cand.qualifier == "exact" and not text.startswith(("半年", "半天", "半月", "半小时"), pos):
        cand.value, pos = cand.value + Decimal("0.5"), pos + 1
    elif cand.unit == "个" and cand.value is not None and (m := _HALF_AFTER_GE.match(text, pos)):
        cand.unit, cand.value, pos = "个" + m.group(1), cand.value + Decimal("0.5"), m.end()
    return pos


def _counted_time_unit(cand: _Candidate, text: str, pos: int) -> int:
    """After the unit 个, a time unit makes one unit with it (16个小时以上: 个小时), and 多 before it
    makes the count more_than (3个多月: 3 个月); returns the position after what was read."""
    if cand.unit != "个":
        return pos
    if more := _MORE_AFTER_GE.match(text, pos):
        cand.unit, cand.qualifier = "个" + more.group(1), "more_than"
        return more.end()
    if span := _TIME_AFTER_GE.match(text, pos):
        cand.unit = "个" + span.group(1)
        return span.end()
    return pos


#: The time units 个 counts (16个小时, 三个月); 半 or 多 may stand between (一个半小时, 3个多月).
_GE_TIME_UNITS = "月|小时|钟头|星期|季度|工作日"
_TIME_AFTER_GE = regex.compile(rf"({_GE_TIME_UNITS})")
_HALF_AFTER_GE = regex.compile(rf"半({_GE_TIME_UNITS})")
_MORE_AFTER_GE = regex.compile(rf"多({_GE_TIME_UNITS})")


_COUNTED_MAGNITUDE = regex.compile(r"个(?P<more>多)?(?P<mag>[万亿])(?![吨人户亩千米分]|元户)")


def _counted_magnitude(cand: _Candidate, text: str, pos: int) -> int:
    """一个多亿, 3个亿, 两个多亿元: a magnitude counted with 个 (spoken style) multiplies the
    number, 多 making it more_than; not 两个万吨级码头 or 三个万人大会, where 万 opens a word.
    Returns the position after the magnitude (``pos`` when there is none)."""
    if cand.value is None or cand.has_magnitude or not (m := _COUNTED_MAGNITUDE.match(text, pos)):
        return pos
    cand.value *= Decimal(100_000_000 if m["mag"] == "亿" else 10_000)
    cand.has_magnitude = True
    if m["more"]:
        cand.qualifier = "more_than"
    cand.num_end = m.end()   # the number as said runs to its magnitude
    return m.end()


#: what may follow 强/弱 (``suffix_only_before_pause``: 80％强，): a pause, or the end of the text
_PAUSE = frozenset("，。；！？、,.;!?）)\n")


def before_pause(text: str, i: int) -> bool:
    """A pause (or the end of ``text``) at ``i``."""
    return i >= len(text) or text[i] in _PAUSE


def _suffix_qualifier(cand: _Candidate, text: str, pats: _Patterns) -> bool:
    """以上/以下/以内 right after a word-written share (半数以上), or 强/弱 before a pause (2／3强，): its
    qualifier; whether one was there."""
    if (suffix := pats.suffix.match(text, cand.end)) and (suffix.group() in ("以上", "以下", "以内") or (
            suffix.group() in pats.lex["suffix_only_before_pause"] and before_pause(text, suffix.end()))):
        cand.qualifier, cand.end = pats.lex["qualifier_suffixes"][suffix.group()], suffix.end()
        return True
    return False


def _prefix_qualifier(cand: _Candidate, text: str, pats: _Patterns) -> bool:
    """超过/近/约 just before a word-written share (超过半数, 近四分之一): its qualifier, and the claim
    starts there; whether one was there."""
    if prefix := pats.prefix.search(text, max(0, cand.num_start - PREFIX_WINDOW), cand.num_start):
        cand.qualifier, cand.prefix = pats.lex["qualifier_prefixes"][prefix.group().strip()], prefix.group().strip()
        cand.start = prefix.start()
        return True
    return False


def _half_candidates(text: str, pats: _Patterns) -> list[_Candidate]:
    """超过半数, 半数以上, 一半以上 (``half_words``): 50 %, with the qualifier that comes with it; 半数
    with none (半数人) is no figure anyone stated, nor 一半 alone (一半是海水), but 的一半 is (half of
    a named whole: 只剩下理论值的一半); half amounts (下降半个百分点) are :func:`_half_amount_candidates`."""
    out = []
    lex = pats.lex
    words = lex["half_words"]
    for m in regex.finditer(_alternation(list(words)), text):
        value, unit = words[m.group()]
        cand = _Candidate(start=m.start(), num_start=m.start(), num_end=m.end(), end=m.end(), rule="half-word",
                          value=Decimal(value), unit=unit)
        if _suffix_qualifier(cand, text, pats) or _prefix_qualifier(cand, text, pats) \
                or (m.group() == "一半" and text[m.start() - 1:m.start()] == "的"):   # 理论值的一半
            out.append(cand)
    return out + _half_amount_candidates(text, pats)


#: 半个多月, 半个多小时: 多 between the measure word and the unit (more than half of it)
_HALF_MORE = regex.compile(r"半个多(?:月|小时|星期)")


def _half_amount_candidates(text: str, pats: _Patterns) -> list[_Candidate]:
    """下降半个百分点, 半吨煤, 减薪20％半年, 少则半小时, 进行了半个月的实地考察 (``half_amount_units``): 半 alone before a
    unit is 0.5 of it, with a qualifier said before it (不满半年: less_than). Not after a numeral or a
    word that takes 半 into another reading (``half_amount_not_after``: 上半年 a date, 三年半 and 一个半小时
    read with their number, 每半年 a rate's base), nor before a report's or a term's name
    (``half_amount_not_before``: 半年报, 半年度); a period (半年后, 近半个月) is a time reference."""
    lex = pats.lex
    out = []
    for m in [*pats.half_amount.finditer(text), *_HALF_MORE.finditer(text)]:
        if m.start() and text[m.start() - 1] in lex["half_amount_not_after"] \
                or text.startswith(tuple(lex["half_amount_not_before"]), m.end()):
            continue
        unit = m.group()[1:].replace("多", "")
        cand = _Candidate(start=m.start(), num_start=m.start(), num_end=m.start() + 1, end=m.end(), rule="half-amount",
                          value=Decimal("0.5"), unit=unit_alias(unit))
        if _is_period(text, cand, lex):
            continue   # 半年后, 近半个月, 半个小时后: a time reference
        after = text.startswith("多", m.end()) and text[m.end() + 1:m.end() + 2] not in lex["suffix_not_before"]["多"]
        if after or "多" in m.group():   # 工作半年多, 半个多月: more than half of it
            cand.qualifier, cand.end = "more_than", m.end() + after
            out.append(cand)
            continue
        _suffix_qualifier(cand, text, pats)
        _prefix_qualifier(cand, text, pats)
        out.append(cand)
    return out


_FRACTION = regex.compile(r"(?<![百千万0-9０-９一二两三四五六七八九十])(?P<den>[二三四五六七八九十]|[2-9２-９]|[1１][0０])分之"
                          r"(?P<num>[一二三四五六七八九]|[1-9１-９])(?![0-9０-９一二三四五六七八九十百千万点．.])")
# 总保费的1／10, 约占1/3: a fraction written with a slash, only where a share is told (after 的, 占, 为,
# 约, 近, 达: 1/3 elsewhere may be a date, 1月3日)
_SLASH_FRACTION = regex.compile(r"(?<=[的占为约近达])(?P<num>[1-9１-９])[/／](?P<den>[2-9２-９]|[1１][0０])"
                                r"(?![0-9０-９./／．])")
_CENT = Decimal("0.01")


def _fraction_candidates(text: str, pats: _Patterns) -> list[_Candidate]:
    """近四分之一, 三分之二 (a fraction of a whole, written in words), and 1／10 after 的 or 占 (a slash):
    a share in %, 25 and 66.67 (two decimals where it does not terminate), with the qualifier that
    comes with it."""
    out = []
    for m in [*_FRACTION.finditer(text), *_SLASH_FRACTION.finditer(text)]:
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if not 0 < num < den:
            continue
        value = num * 100 / den
        value = normalize_decimal(value if value == value.quantize(_CENT) else value.quantize(_CENT))
        cand = _Candidate(start=m.start(), num_start=m.start(), num_end=m.end(), end=m.end(), rule="fraction-words",
                          value=value, unit="%")
        _suffix_qualifier(cand, text, pats)
        _prefix_qualifier(cand, text, pats)   # 超过三分之一以上: the prefix has the last word
        out.append(cand)
    return out


_N = r"[0-9０-９]{1,4}|[零〇一二两三四五六七八九十]{1,4}"
# a race time's hundredths after 秒 (4分44秒82, 10秒05, 1分52秒3): Arabic digits only
_FRAC = r"(?:(?<=秒)(?P<frac>[0-9０-９]{1,3}))?"
_COMPOUND = regex.compile(
    rf"(?:(?P<h>{_N})个?小时(?P<m>{_N})分(?:钟)?(?:(?P<s>{_N})秒{_FRAC})?|(?P<m2>{_N})分(?:钟)?(?P<s2>{_N})秒{_FRAC}"
    rf"|(?<![0-9０-９分])(?P<s3>[0-9０-９]{{1,3}})秒(?P<frac3>[0-9０-９]{{2}}))"
    r"(?![0-9０-９零〇一二两三四五六七八九十.．次个名人件条只台元米倍%％岁])")   # 每30秒12次: a count


def _compound_durations(text: str, pats: _Patterns) -> list[_Candidate]:
    """28小时33分30秒, 2小时15分钟, 3分20秒: a duration in several units is one claim in the
    smallest unit printed (102810 秒, 135 分钟, 200 秒); a race time's fraction after 秒 counts
    (4分44秒82 is 284.82 秒, 10秒05 is 10.05 秒); 8时30分 and 零时零分零五秒 are times of day."""
    out = []
    for m in _COMPOUND.finditer(text):
        if m.group("m2") and text[m.start() - 1:m.start()] in ("时", "点"):
            continue   # 零时零分零五秒: minutes and seconds of a clock time
        h, mins, sec = m.group("h"), m.group("m") or m.group("m2"), m.group("s") or m.group("s2") or m.group("s3")
        frac = m.group("frac") or m.group("frac3")
        try:
            value = (parse_number(h) * 60 if h else Decimal(0)) + (parse_number(mins) if mins else Decimal(0))
            unit = "分钟"
            if sec:
                value, unit = value * 60 + parse_number(sec), "秒"
            if frac:   # 4分44秒82: hundredths (one digit: tenths) of a second
                value += parse_number(frac).scaleb(-len(frac))
        except ValueError:
            continue
        cand = _Candidate(start=m.start(), num_start=m.start(), num_end=m.end(), end=m.end(),
                          rule="compound-duration", value=value, unit=unit)
        if prefix := pats.prefix.search(text, max(0, m.start() - 4), m.start()):
            cand.qualifier = pats.lex["qualifier_prefixes"][prefix.group().strip()]
            cand.prefix, cand.start = prefix.group().strip(), prefix.start()
        if not _is_period(text, cand, pats.lex):   # 3分20秒后: a time reference
            out.append(cand)
    return out


# a minus sign is read only after these (跌至-9.39%, 增长-2%, 为-5℃, （-3）): after a unit, a label or
# a digit (2000元/吨-3000元/吨, 成人-50元, 30-40) a dash joins or lists
_MINUS_AFTER = frozenset("至到为是达长：:（( \t\u3000\n")


def _signed(text: str, cand: _Candidate, lex: dict) -> _Candidate:
    """零下20摄氏度, 跌至-9.39%: a ``negative_prefixes`` word right before the number makes it
    negative (a one-character minus sign only after ``_MINUS_AFTER``), and the claim's span takes
    it in."""
    for w in lex["negative_prefixes"]:
        if cand.start == cand.num_start and text.endswith(w, 0, cand.start) and (
                len(w) > 1 or cand.start == 1 or text[cand.start - 2] in _MINUS_AFTER):   # 30-40天, 成人-50元: no sign
            neg = lambda v: None if v is None else -v   # noqa: E731
            cand.value, cand.lower, cand.upper = neg(cand.value), neg(cand.upper), neg(cand.lower)
            cand.start -= len(w)
            break
    return cand


def _shared_unit(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """90．5和92．5公斤: a bare number joined by 和/与/及 to the next number, which has the unit, is
    counted in that unit too (printed once, after the second); a year-like or unit-bearing first
    number is left as it is."""
    for a, b in zip(cands, cands[1:]):
        if a.unit is None and not a.has_magnitude and a.value is not None and a.qualifier == "exact" \
                and b.unit is not None and b.start == a.end + 1 and text[a.end:b.start] in ("和", "与", "及") \
                and not (a.value == a.value.to_integral_value() and 1900 <= a.value <= 2099):
            a.unit = b.unit
    return cands


_POWER_OF_TEN = regex.compile(r"(?<![0-9０-９.．])(?:10|１０)的(?P<n>[1-9][0-9]?|[１-９][０-９]?)次方")


def _power_candidates(text: str, pats: _Patterns) -> list[_Candidate]:
    """约10的6次方公里, 10的18次方克: a power of ten written out in words, its unit after it (the
    numbers 10 and 6 alone count nothing: 6次 is the exponent, no six times)."""
    out = []
    for m in _POWER_OF_TEN.finditer(text):
        cand = _Candidate(start=m.start(), num_start=m.start(), num_end=m.end(), end=m.end(), rule="power-words",
                          value=Decimal(10) ** int(parse_number(m.group("n"))))
        if unit := pats.unit.match(text, m.end()):
            cand.unit, cand.end = unit.group(), unit.end()
        _prefix_qualifier(cand, text, pats)
        out.append(cand)
    return out
