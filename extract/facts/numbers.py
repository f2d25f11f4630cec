"""Exact parsing of numbers written in Chinese news text.

Pure functions, no spaCy. Every value is a :class:`decimal.Decimal`, never a
float, and comes back normalised by :func:`normalize_decimal` so that ``str()``
gives a plain string (``"328800000000"``, ``"1.57"``), never ``"3.288E+11"``.

Accepted surface forms (alone or mixed):

* Arabic digits, half or full width, with thousands separators (``1,389``,
  ``3 000``) and decimals (``47.264287``);
* Chinese numerals: ``七十一``, ``二百三十五万``, ``两千六百万``,
  ``六十二点五``, colloquial ``三万五`` (= 35000) and ``一万二`` (= 12000);
* digit-by-digit strings: ``二○二三`` (= 2023; ``○``/``〇`` are zero);
* Arabic numbers with Chinese magnitudes: ``3.4万``, ``1.2万亿``, ``5千万``;
* spelled-out fractions: ``百分之六十二点五`` (the prefix is dropped here;
  :func:`split_percent_prefix` tells the caller the unit).

Approximate numerals (``三四百``, ``十几``) are not single numbers:
:func:`parse_numeral_range` returns their bounds. Superscript digits are no
digits: ``10²`` is a power, read by :func:`parse_power` (= 100).

Exactness: arithmetic runs in a context whose precision grows with the input
and traps every rounding, so a value is exact for a numeral of any length or
the parse fails with :class:`ValueError` -- never a rounded value, never a
:mod:`decimal` exception. Whether a 61-digit run is a *quantity* is the
caller's decision (claims: it is not; see ``extract.facts.claims``).

The character tables live in ``extract/data/numerals.json`` and are loaded on
first use.
"""
from __future__ import annotations

import decimal
import functools
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional

import regex

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NUMERALS_FILE = DATA_DIR / "numerals.json"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％·・", "0123456789.,%..")   # 15·8: a middle dot as the point
MAX_EXPONENT = 30  # 10³⁰ and beyond is no quantity in news text


def _exact_context(digits: int) -> decimal.Context:
    """A context with room for ``digits`` significant digits that traps any rounding."""
    return decimal.Context(prec=max(60, digits + 10), Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN,
                           traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Overflow,
                                  decimal.DivisionByZero])


@dataclass(frozen=True)
class NumeralTables:
    """The numeral characters, as read from ``numerals.json``."""

    digits: dict[str, int]
    multipliers: dict[str, int]
    magnitudes: dict[str, int]
    decimal_points: frozenset[str]
    substitutions: dict[str, str]
    percent_prefixes: dict[str, str]
    vague_digit: str
    superscripts: dict[str, str]

    @property
    def numeral_chars(self) -> str:
        """Every character that can be part of a Chinese numeral."""
        return "".join(sorted(set(self.digits) | set(self.multipliers) | set(self.magnitudes)
                              | set(self.substitutions)))


@functools.cache
def numeral_tables() -> NumeralTables:
    """Load ``numerals.json`` once."""
    raw = json.loads(NUMERALS_FILE.read_text(encoding="utf-8"))
    return NumeralTables(
        digits={k: int(v) for k, v in raw["digits"].items()},
        multipliers={k: int(v) for k, v in raw["multipliers"].items()},
        magnitudes={k: int(v) for k, v in raw["magnitudes"].items()},
        decimal_points=frozenset(raw["decimal_points"]),
        substitutions=dict(raw["substitutions"]),
        percent_prefixes=dict(raw["percent_prefixes"]),
        vague_digit=raw["vague_digit"],
        superscripts=dict(raw["superscripts"]),
    )


def normalize_decimal(value: Decimal) -> Decimal:
    """Strip exponent artefacts: integral values get exponent 0, others lose trailing zeros.

    >>> str(normalize_decimal(Decimal("3.288E+11")))
    '328800000000'
    >>> str(normalize_decimal(Decimal("14600.00")))
    '14600'
    >>> str(normalize_decimal(Decimal("1.5700")))
    '1.57'
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    # room for every digit of the value written out in full: exact, whatever its length
    ctx = _exact_context(len(digits) + max(exponent, 0))
    if value == value.to_integral_value(context=ctx):
        return value.quantize(Decimal(1), context=ctx)
    return value.normalize(context=ctx)  # not integral: the exponent stays negative


def to_ascii_number(text: str) -> str:
    """Full-width digits to ASCII; drop thousands separators and spaces between digits."""
    s = text.translate(_FULLWIDTH)
    s = regex.sub(r"(?<=\d)[,\s\u3000](?=\d{3}(?!\d))", "", s)
    return s


def split_percent_prefix(text: str) -> tuple[Optional[str], str]:
    """``百分之六十二点五`` -> (``"%"``, ``"六十二点五"``); no prefix -> (None, text)."""
    for prefix, unit in numeral_tables().percent_prefixes.items():
        if text.startswith(prefix):
            return unit, text[len(prefix):]
    return None, text


def _is_digit_string(s: str, tables: NumeralTables) -> bool:
    return len(s) >= 2 and all(ch in tables.digits for ch in s)


def parse_number(text: str) -> Decimal:
    """Parse one number written with Arabic digits, Chinese numerals, or both.

    A leading ``百分之``/``千分之`` is dropped (``百分之一点五七`` -> 1.57).
    Raises :class:`ValueError` on anything that is not one well-formed number,
    e.g. ``十四五`` (two bare digits in a row) or ``三四百`` (use
    :func:`parse_numeral_range`).
    """
    tables = numeral_tables()
    _, s = split_percent_prefix(text.strip())
    for old, new in tables.substitutions.items():
        s = s.replace(old, new)
    s = to_ascii_number(s)
    s = regex.sub(r"\s+", "", s)
    if not s:
        raise ValueError("empty number")
    if _is_digit_string(s, tables):  # 二○二三 -> 2023
        return normalize_decimal(Decimal("".join(str(tables.digits[ch]) for ch in s)))
    try:
        # each character adds at most 8 digits (亿), so this precision is never exceeded
        return normalize_decimal(_parse_positional(s, tables, _exact_context(9 * len(s))))
    except decimal.DecimalException as exc:  # belt and braces: report as "not a number"
        raise ValueError(f"not an exact number: {s!r}") from exc


def multiply(a: Decimal, b: Decimal) -> Decimal:
    """``a * b`` exactly (the default context would round past 28 digits), normalised."""
    ta, tb = a.as_tuple(), b.as_tuple()
    assert isinstance(ta.exponent, int) and isinstance(tb.exponent, int)
    digits = len(ta.digits) + len(tb.digits) + max(ta.exponent, 0) + max(tb.exponent, 0)
    return normalize_decimal(_exact_context(digits).multiply(a, b))


def parse_power(base: str, exponent: str) -> Decimal:
    """``base`` (a number, see :func:`parse_number`) raised to a superscript ``exponent``.

    ``parse_power("10", "²")`` -> 100; ``parse_power("10", "⁻³")`` -> 0.001. Raises
    :class:`ValueError` when the exponent is not superscript digits (an optional
    leading ⁻) or its size exceeds :data:`MAX_EXPONENT`.
    """
    sup = numeral_tables().superscripts
    if not exponent or any(ch not in sup for ch in exponent):
        raise ValueError(f"not a superscript exponent: {exponent!r}")
    written = "".join(sup[ch] for ch in exponent)
    if not regex.fullmatch(r"-?[0-9]+", written) or abs(int(written)) > MAX_EXPONENT:
        raise ValueError(f"exponent out of range: {exponent!r}")
    value = parse_number(base)
    sign, digits, exp = value.as_tuple()
    assert isinstance(exp, int)
    ctx = _exact_context((len(digits) + abs(exp)) * (MAX_EXPONENT + 1))
    try:
        return normalize_decimal(ctx.power(value, int(written)))
    except decimal.DecimalException as exc:
        raise ValueError(f"not an exact power: {base}{exponent}") from exc


_ATOM = regex.compile(r"(?P<arabic>\d+(?:\.\d+)?)|(?P<point>[点點])(?P<frac>\d+)?|(?P<char>.)")


def _fraction(text: str, pos: int, tables: NumeralTables) -> tuple[Decimal, int]:
    """Read Chinese fraction digits after a decimal point; return (fraction, new position)."""
    digits = ""
    while pos < len(text) and text[pos] in tables.digits:
        digits += str(tables.digits[text[pos]])
        pos += 1
    if not digits:
        raise ValueError("decimal point without digits")
    return Decimal("0." + digits), pos


def _parse_positional(s: str, tables: NumeralTables, context: decimal.Context) -> Decimal:
    """Section-by-section reading of a positional numeral (see module docstring)."""
    with decimal.localcontext(context):
        return _Positional(s, tables).read()


class _Positional:
    """The state of one section-by-section reading; its arithmetic runs in the caller's context."""

    def __init__(self, s: str, tables: NumeralTables) -> None:
        self.s, self.tables = s, tables
        self.total = Decimal(0)
        self.section = Decimal(0)
        self.number: Optional[Decimal] = None
        self.top_magnitude = 0
        self.last_unit: Optional[int] = None  # value of the multiplier/magnitude just read
        self.prev = "start"  # kind of the previous atom: start, digit, zero, unit, decimal
        self.pos = 0

    def read(self) -> Decimal:
        """Read every atom of ``s``; the value."""
        while self.pos < len(self.s):
            m = _ATOM.match(self.s, self.pos)
            assert m is not None
            self.pos = m.end()
            if m.group("arabic"):
                self._arabic(m.group("arabic"))
            elif m.group("point"):
                self._point(m.group("frac"))
            else:
                self._char(m.group("char"))
        return self._value()

    def _arabic(self, written: str) -> None:
        if self.prev in ("digit", "decimal"):
            raise ValueError(f"two numbers in a row in {self.s!r}")
        self.number, self.prev = Decimal(written), "decimal" if "." in written else "digit"

    def _point(self, frac_digits: Optional[str]) -> None:
        """A decimal point, with its Arabic fraction digits or (read here) Chinese ones."""
        if self.number is None and self.prev == "unit" and self.last_unit is not None \
                and self.last_unit < 10000 and self.section:
            self.number, self.section = self.section, Decimal(0)  # 九十点七, 四百五十点八五亿: 90.7, 450.85亿
        elif self.number is None and self.prev not in ("zero",):
            raise ValueError(f"decimal point without integer part in {self.s!r}")
        if frac_digits:
            frac = Decimal("0." + frac_digits)
        else:
            frac, self.pos = _fraction(self.s, self.pos, self.tables)
        self.number, self.prev = (self.number or Decimal(0)) + frac, "decimal"

    def _char(self, ch: str) -> None:
        """A Chinese digit, multiplier (十百千) or magnitude (万亿)."""
        if ch in self.tables.digits:
            if self.prev in ("digit", "decimal"):
                raise ValueError(f"two digits in a row in {self.s!r}")
            self.number = Decimal(self.tables.digits[ch])
            self.prev = "zero" if self.number == 0 else "digit"
        elif ch in self.tables.multipliers:
            self._multiplier(self.tables.multipliers[ch])
        elif ch in self.tables.magnitudes:
            self._magnitude(self.tables.magnitudes[ch])
        else:
            raise ValueError(f"not a numeral character {ch!r} in {self.s!r}")

    def _multiplier(self, unit: int) -> None:
        if self.prev == "decimal":
            raise ValueError(f"multiplier after a decimal in {self.s!r}")
        self.section += (self.number if self.number is not None else Decimal(1)) * unit
        self.number, self.last_unit, self.prev = None, unit, "unit"

    def _magnitude(self, power: int) -> None:
        current = self.section + (self.number if self.number is not None else Decimal(0))
        if self.prev == "start":
            current = Decimal(1)  # bare 万 / 亿
        if power > self.top_magnitude:
            self.total = (self.total + current) * (Decimal(10) ** power)
            self.top_magnitude = power
        else:
            self.total += current * (Decimal(10) ** power)
        self.section, self.number, self.last_unit, self.prev = Decimal(0), None, 10 ** power, "unit"

    def _value(self) -> Decimal:
        """The total once every atom is read, with a colloquial trailing digit scaled."""
        number = self.number
        if number is not None and self.prev == "digit" and self.last_unit is not None and self.last_unit >= 100 \
                and not _ends_after_zero(self.s, self.tables):
            number *= Decimal(self.last_unit) / 10  # colloquial 三万五 = 35000, 一万二 = 12000
        return self.total + self.section + (number if number is not None else Decimal(0))


def _ends_after_zero(s: str, tables: NumeralTables) -> bool:
    """True if the final digit follows a zero (一百零五: the 五 is units, not tens)."""
    return len(s) >= 2 and s[-2] in tables.digits and tables.digits[s[-2]] == 0


def parse_numeral_range(text: str) -> Optional[tuple[Decimal, Decimal]]:
    """Bounds of an approximate Chinese numeral, or None if it is not one.

    ``三四百`` -> (300, 400); ``一千三四百`` -> (1300, 1400); ``七八十万`` ->
    (700000, 800000); ``十几`` -> (11, 19); ``二十几万`` -> (210000, 290000).
    ``几十``/``几百`` are too vague and give None.
    """
    tables = numeral_tables()
    s = to_ascii_number(text)
    vague = tables.vague_digit
    m = regex.fullmatch(rf"(?P<pre>.*十){vague}(?P<post>[{''.join(tables.magnitudes)}]*)", s)
    if m:
        low, high = m["pre"] + "一" + m["post"], m["pre"] + "九" + m["post"]
    else:
        digit_chars = "".join(ch for ch, v in tables.digits.items() if v > 0)
        m = regex.fullmatch(rf"(?P<pre>.*?)(?P<a>[{digit_chars}])(?P<b>[{digit_chars}])(?P<post>.*)", s)
        if not m or tables.digits[m["a"]] >= tables.digits[m["b"]]:
            return None
        if m["pre"] and m["pre"][-1] in tables.digits:
            return None
        low, high = m["pre"] + m["a"] + m["post"], m["pre"] + m["b"] + m["post"]
    try:
        return parse_number(low), parse_number(high)
    except ValueError:
        return None
