"""extract.facts.numbers: exact Decimal parsing of Arabic, Chinese and mixed numerals."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from extract.facts.numbers import (
    normalize_decimal,
    parse_number,
    parse_numeral_range,
    split_percent_prefix,
    to_ascii_number,
)

PARSE_CASES = [
    # (surface, expected str(value)), why it is hard
    ("3288亿", "328800000000"),            # float-free ×10^8, no 3.288E+11
    ("1.46万", "14600"),                   # decimal × magnitude must come out integral
    ("298.43万亿", "298430000000000"),     # stacked magnitudes 万亿 = 10^12
    ("47.264287亿", "4726428700"),         # six decimals: float would round
    ("1.2万亿", "1200000000000"),           # mixed Arabic + 万亿
    ("5千万", "50000000"),                  # Arabic with a Chinese multiplier, then magnitude
    ("1,389", "1389"),                      # thousands separator
    ("3 000", "3000"),                      # a space OCR put inside the number
    ("１２", "12"),                          # full-width digits
    ("１．５", "1.5"),                        # full-width decimal point
    ("七十一", "71"),                        # tens + units
    ("十四", "14"),                          # leading 十 means 一十
    ("二百三十五万", "2350000"),             # section then magnitude
    ("两千六百万", "26000000"),              # 两 is two
    ("一百零五", "105"),                     # 零 keeps the units place: not 150
    ("一千零五十", "1050"),                  # 零 then tens
    ("一亿二千万", "120000000"),             # smaller magnitude after a larger one adds
    ("两万亿", "2000000000000"),             # larger magnitude after a smaller one multiplies
    ("三万五千亿", "3500000000000"),          # 3.5 万亿 written out
    ("十四亿", "1400000000"),
    ("三万五", "35000"),                     # colloquial: trailing digit is one place down
    ("一万二", "12000"),                     # colloquial
    ("两百五", "250"),                       # colloquial after 百
    ("六十二点五", "62.5"),                  # Chinese decimal point
    ("三点五万", "35000"),                   # Chinese decimal with magnitude
    ("百分之六十二点五", "62.5"),             # percent prefix dropped, value kept
    ("百分之一点五七", "1.57"),               # exactly 1.57, two fraction digits kept
    ("千分之五", "5"),                       # per mille prefix
    ("二○○○", "2000"),                      # OCR ○ is zero; digit-by-digit string
    ("二〇二三", "2023"),                    # ideographic zero
    ("廿三", "23"),                          # 廿 = 二十
    ("0.5", "0.5"),
    ("100.00", "100"),                       # trailing zeros of an integral value dropped
]


@pytest.mark.parametrize("surface,expected", PARSE_CASES)
def test_parse_number(surface: str, expected: str) -> None:
    value = parse_number(surface)
    assert value == Decimal(expected)
    assert str(value) == expected  # what the JSON writer emits


INVALID = [
    "十四五",   # a plan name, not a number: two bare digits after 十
    "三四百",   # approximate: parse_numeral_range, not a single value
    "",        # nothing
    "三个",     # not a numeral character
    "点五",     # decimal point without integer part
]


@pytest.mark.parametrize("surface", INVALID)
def test_parse_number_rejects(surface: str) -> None:
    with pytest.raises(ValueError):
        parse_number(surface)


RANGE_CASES = [
    ("三四百", ("300", "400")),          # two adjacent digits share the 百
    ("一千三四百", ("1300", "1400")),     # prefix kept on both bounds
    ("七八十万", ("700000", "800000")),   # shared 十万
    ("十几", ("11", "19")),               # 几 after 十: eleven to nineteen
    ("二十几万", ("210000", "290000")),   # 几 with a magnitude
    ("五六", ("5", "6")),
]


@pytest.mark.parametrize("surface,bounds", RANGE_CASES)
def test_parse_numeral_range(surface: str, bounds: tuple[str, str]) -> None:
    assert parse_numeral_range(surface) == (Decimal(bounds[0]), Decimal(bounds[1]))


@pytest.mark.parametrize("surface", [
    "几十",   # too vague: no bounds stated
    "四三",   # descending digits are not a range
    "三百",   # an exact number
])
def test_parse_numeral_range_rejects(surface: str) -> None:
    assert parse_numeral_range(surface) is None


NORMALIZE_CASES = [
    (Decimal("3.288E+11"), "328800000000"),  # exponent artefact of multiplication
    (Decimal("14600.00"), "14600"),
    (Decimal("1.5700"), "1.57"),
    (Decimal("1E+1"), "10"),
    (Decimal("62.50"), "62.5"),
]


@pytest.mark.parametrize("value,expected", NORMALIZE_CASES)
def test_normalize_decimal(value: Decimal, expected: str) -> None:
    assert str(normalize_decimal(value)) == expected


def test_split_percent_prefix() -> None:
    assert split_percent_prefix("百分之六十二点五") == ("%", "六十二点五")
    assert split_percent_prefix("千分之五") == ("‰", "五")
    assert split_percent_prefix("六十") == (None, "六十")


def test_to_ascii_number() -> None:
    assert to_ascii_number("１，３８９") == "1389"
    assert to_ascii_number("3 000") == "3000"
    assert to_ascii_number("2024 2025") == "2024 2025"  # not a thousands group


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False))
def test_magnitudes_are_exact(value: Decimal) -> None:
    """Any decimal × 万 and × 亿 is exact and prints without an exponent."""
    text = format(value, "f")
    for mag, factor in (("万", 10**4), ("亿", 10**8), ("万亿", 10**12)):
        got = parse_number(text + mag)
        assert got == value * factor
        assert "E" not in str(got)
