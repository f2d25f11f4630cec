"""Issue 9 ("Nothing lost on real text"): numbers, claims, officials and organisations.

F3: no digit run of any length raises out of the claims component; F13: wrong facts on
malformed or unusual numbers and names; F14: the linear-time rewrites give the same answers
as the quadratic code they replaced (time itself is measured in bench/bench_linear.py, never
here).
"""
from __future__ import annotations

import regex
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from extract.facts import lexicon
from extract.facts.claims import MAX_SENTENCE, SENTENCE_WINDOW, find_claims
from extract.facts.numbers import multiply, normalize_decimal, parse_number, parse_power
from extract.facts.officials import _clean_at, _clean_ends, _occurrences, find_officials
from extract.facts.organizations import _Cand, _select, find_organizations

D = Decimal


# --- F3: absurdly long digit runs -------------------------------------------------------------

LONG_PARSES = [
    # (surface, expected), why it is hard
    ("1" * 61, "1" * 61),                       # issue 9 F3: 61 digits overflowed a 60-digit context
    ("9" * 200 + "亿", "9" * 200 + "0" * 8),     # a magnitude on top: 208 digits, still exact
    ("1" * 70 + ".5", "1" * 70 + ".5"),         # a fraction after 70 digits must not be rounded away
    ("１" * 65, "1" * 65),                       # full-width digits, same length rule
]


@pytest.mark.parametrize("surface,expected", LONG_PARSES)
def test_issue9_f3_long_numbers_parse_exactly(surface: str, expected: str) -> None:
    value = parse_number(surface)
    assert value == D(expected) and str(value) == expected   # exact, no exponent, no rounding


def test_issue9_f3_normalize_decimal_has_no_precision_ceiling() -> None:
    # issue 9 F3: quantize in a fixed 60-digit context raised InvalidOperation
    assert str(normalize_decimal(D("1E+70"))) == "1" + "0" * 70


def test_issue9_f3_multiply_is_exact_past_28_digits() -> None:
    # the default decimal context rounds a product to 28 digits: 30 ones × 亿 lost two of them
    assert str(multiply(D("1" * 30), D(10**8))) == "1" * 30 + "0" * 8
    assert str(multiply(D("0.5"), D("1" * 40))) == "5" * 39 + ".5"   # D("1" * 40) / 2 rounds


LONG_CLAIMS = [
    # (text, claims expected), why it is hard
    ("1" * 61, []),                        # issue 9 F3: raised decimal.InvalidOperation
    ("共有" + "1" * 61 + "元", []),         # with a unit: still a code or debris, not a quantity
    ("共有" + "1" * 61 + "万元", []),       # with a magnitude on top
    ("共有" + "8" * 500 + "人", []),        # far beyond any precision
    ("共有" + "1" * 31 + "元", []),         # 31 digits: 10^30 and more is no quantity
    ("共有" + "1" * 30 + "元", ["1" * 30]),  # 30 digits: the largest value still claimed
    ("共有" + "一" * 61 + "人", []),        # a Chinese digit string of the same length
]


@pytest.mark.parametrize("text,values", LONG_CLAIMS, ids=[f"case{i}" for i in range(len(LONG_CLAIMS))])
def test_issue9_f3_long_digit_runs_are_not_claims(text: str, values: list[str]) -> None:
    assert [str(c.value) for c in find_claims(text)] == values


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=400), st.sampled_from(["", "元", "万元", "亿", "%", "个百分点"]),
       st.sampled_from(["0123456789", "０１２３４５６７８９", "〇一二三四五六七八九"]))
def test_issue9_f3_no_digit_run_raises(n: int, unit: str, digits: str) -> None:
    # issue 9 F3: no run of digits of any length may raise out of the claims component
    text = "同比增长" + "".join(digits[(i * 7 + 3) % 10] for i in range(n)) + unit
    for c in find_claims(text):
        assert c.value is None or abs(c.value) < D(10) ** 30


# --- F13: wrong facts -------------------------------------------------------------------------

F13_CLAIMS = [
    # (text, claim text, value, lower, upper, qualifier), why it is hard
    ("投资１２３，４５６．７８亿元", "１２３，４５６．７８亿元", "12345678000000", None, None, "exact"),
    # ↑ issue 9 F13: full-width digits, full-width comma grouping thousands, full-width point (was 456.78亿)
    ("投资123，456．78亿元", "123，456．78亿元", "12345678000000", None, None, "exact"),
    # ↑ the same after the pipeline's normaliser made the digits ASCII: the full-width point is the evidence
    ("投资１２３，４５６亿元", "１２３，４５６亿元", "12345600000000", None, None, "exact"),
    # ↑ full-width digits without a decimal part
    ("面积10²平方米", "10²平方米", "100", None, None, "exact"),
    # ↑ issue 9 F13: a superscript is an exponent, never a digit (was 102)
    ("误差10⁻³米", "10⁻³米", "0.001", None, None, "exact"),   # a negative exponent stays exact
    ("约10~20万人", "约10~20万人", None, "100000", "200000", "approx"),
    # ↑ issue 9 F13: 万 serves both ends and 约 the whole range (was exact 200000)
    ("约50元~100元", "约50元~100元", None, "50", "100", "approx"),   # 约 before a range with units
    ("月薪3000—1万元", "3000—1万元", None, "3000", "10000", "range"),
    # ↑ 3000万 would exceed 1万, and 3000 is within two orders of magnitude of 万: 3,000 to 10,000
    ("浓度由50至40吨", "40吨", "40", None, None, "exact"),
    # ↑ no range (50 > 40) after a word separator: from 50 to 40, the 40 stands
]


@pytest.mark.parametrize("text,surface,value,lower,upper,qualifier", F13_CLAIMS,
                         ids=[f"case{i}" for i in range(len(F13_CLAIMS))])
def test_issue9_f13_claims(text: str, surface: str, value, lower, upper, qualifier: str) -> None:
    (c,) = find_claims(text)
    assert text[c.start:c.end] == c.text == surface
    assert (c.value, c.lower, c.upper, c.qualifier) == (
        D(value) if value else None, D(lower) if lower else None, D(upper) if upper else None, qualifier)


F13_NO_CLAIM = [
    # text, why it is hard
    ("资金3.1.4万元", "issue 9 F13: two decimal points, no trustworthy reading (was 4万元 = 40000)"),
    ("资金1,2345元", "a comma that does not group three digits"),
    ("资金100-50亿元", "issue 9 F13: 100亿 is not below 50亿; was lower 100, upper 5e9"),
    ("资金3-1万元", "3万 > 1万 after the shared magnitude: a subtraction or a code"),
    ("重3×10⁴吨", "a factor of a product is no quantity of its own"),
    ("4×100米接力", "4×100: an event's name, not 100 metres"),
    ("分别为100，200，300人", "ASCII digits and the clause comma: a list, not 100200300"),
    ("投资123，456亿元", "a thousands group or a clause comma: normalised text cannot tell"),
]


@pytest.mark.parametrize("text,why", F13_NO_CLAIM, ids=[w for _, w in F13_NO_CLAIM])
def test_issue9_f13_malformed_numbers_are_not_claims(text: str, why: str) -> None:
    assert find_claims(text) == []


MAGNITUDES = {"万": 10**4, "亿": 10**8, "万亿": 10**12}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=1, max_value=99999),
       st.sampled_from(sorted(MAGNITUDES)), st.sampled_from(["-", "—", "~", "至"]))
def test_issue9_f13_a_range_is_never_upside_down(low: int, high: int, mag: str, sep: str) -> None:
    # issue 9 F13: 100-50亿元 gave lower 100 and upper 5e9. A range's low end is the shared
    # magnitude reading, or the bare number only where it is within 100× of the magnitude.
    for c in find_claims(f"投资{low}{sep}{high}{mag}元"):
        if c.qualifier == "range":
            assert c.lower is not None and c.upper == high * MAGNITUDES[mag]
            assert c.lower < c.upper
            assert c.lower == low * MAGNITUDES[mag] or (c.lower == low and low * 100 >= MAGNITUDES[mag])


def test_issue9_f3_power_exponent_is_bounded() -> None:
    # an exponent of 99 is no quantity; 1.5⁻² has no exact decimal
    assert parse_power("10", "²") == 100
    for base, exponent in [("10", "⁹⁹"), ("1.5", "⁻²"), ("10", "")]:
        with pytest.raises(ValueError):
            parse_power(base, exponent)


F13_OFFICIALS = [
    # (text, name), why it is hard
    ("国务院总理李强八日在北京会见外宾", "李强"),    # issue 9 F13: was 李强八 (八日 is a date)
    ("总理李强三月访问东南亚", "李强"),              # a month
    ("总理李强十五日说", "李强"),                    # a two-character day
    ("部长王伟二十八日表示", "王伟"),                # a three-character day
    ("国务院总理李强廿八日出席", "李强"),            # 廿 is twenty (numerals.json substitutions)
    ("主席张三三次会见", "张三"),                    # a name may end where a count begins
    ("主任张一山表示", "张一山"),                    # a numeral in a given name followed by no unit stays
]


@pytest.mark.parametrize("text,name", F13_OFFICIALS, ids=[n for n, _ in F13_OFFICIALS])
def test_issue9_f13_names_stop_before_dates(text: str, name: str) -> None:
    assert [o.name for o in find_officials(text)] == [name]


# --- Run-on text: local windows keep the time linear ------------------------------------------

def test_issue9_f14_runon_sentence_is_quoted_around_the_claim() -> None:
    # a 20,000-character "sentence" copied into each of its claims made the output quadratic
    text = "增长3万人" * 4000
    claims = find_claims(text)
    assert len(claims) == 4000
    assert all(len(c.sentence or "") <= 2 * SENTENCE_WINDOW + len(c.text) for c in claims)
    assert all(c.sentence and c.text in c.sentence for c in claims)
    short = "全年增长3万人。"
    assert len(short) < MAX_SENTENCE and find_claims(short)[0].sentence == short


# --- F14: the linear rewrites agree with the definitions they replaced -----------------------

def _select_by_definition(cands: list[_Cand]) -> list[tuple[int, int, str]]:
    """The former quadratic _select: drop a mention held by a longer one not starting with it."""
    best: dict[tuple[int, int], _Cand] = {}
    order = {"known_org": 0, "org_before_title": 1, "org_suffix": 2}
    for cd in cands:
        if (cd.start, cd.end) not in best or order[cd.rule] < order[best[(cd.start, cd.end)].rule]:
            best[(cd.start, cd.end)] = cd
    spans = sorted(best.values(), key=lambda x: (x.start, -(x.end - x.start)))
    kept = []
    for cd in spans:
        inside = [o for o in spans if o is not cd and o.start <= cd.start and cd.end <= o.end
                  and o.end - o.start > cd.end - cd.start]
        if not inside or all(o.start == cd.start for o in inside):
            kept.append((cd.start, cd.end, cd.rule))
    return kept


SPAN = st.tuples(st.integers(0, 12), st.integers(1, 6), st.sampled_from(["known_org", "org_before_title", "org_suffix"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(SPAN, max_size=10))
def test_issue9_f14_org_selection_matches_definition(spans: list[tuple[int, int, str]]) -> None:
    # issue 9 F14: _select compared every mention with every other (44 s on 80k characters)
    cands = [_Cand("x", s, s + n, rule) for s, n, rule in spans]
    assert [(c.start, c.end, c.rule) for c in _select(cands)] == _select_by_definition(cands)


NAMES_TEXT = st.text(alphabet="李强王伟张三、总理说。", max_size=40)


@settings(max_examples=200, deadline=None)
@given(NAMES_TEXT, st.lists(st.text(alphabet="李强王伟张三", min_size=2, max_size=3), max_size=4, unique=True))
def test_issue9_f14_mentions_match_a_search_per_name(text: str, names: list[str]) -> None:
    # issue 9 F14: one regex search per official over the whole text was quadratic on long pages
    found = _occurrences(text, names)
    for n in names:
        assert found[n] == [m.span() for m in regex.finditer(regex.escape(n), text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="李强王伟张三八日说、。", max_size=40))
def test_issue9_f14_clean_end_counts_match_a_scan(text: str) -> None:
    # issue 9 F14: weighing a name candidate scanned the whole text each time (总理李强、 × 16,000: 61 s)
    counts = _clean_ends(text)
    for n in {text[i:i + k] for k in (2, 3, 4) for i in range(len(text) - k + 1)}:
        expected = sum(1 for i in range(len(text) - len(n) + 1)
                       if text.startswith(n, i) and _clean_at(text, i + len(n)))
        assert counts[n] == expected, n


REPEATED = [
    # (unit, repetitions), why it is hard: each was quadratic before issue 9 F14
    ("（新华社", 200),                    # organisations: nested-mention check over all pairs
    ("总理李强、", 200),                  # officials: candidate weighing scanned the whole text
    ("中共中央政治局常委、国务院总理", 60),   # officials and organisations together
]


def _mention_counts(text: str) -> Counter:
    counts: Counter = Counter()
    for o in find_organizations(text):
        counts["org:" + o.name] += len(o.mentions)
    for p in find_officials(text):
        counts["official:" + p.name] += len(p.mentions)
    return counts


@pytest.mark.parametrize("unit,n", REPEATED, ids=[u for u, _ in REPEATED])
def test_issue9_f14_repetitions_give_facts_in_proportion(unit: str, n: int) -> None:
    """Not timed: on n, 2n and 3n repetitions the same facts come back, each with mentions
    growing by the same step (the first repeat may differ: nothing stands before it)."""
    a, b, c = (_mention_counts(unit * k) for k in (n, 2 * n, 3 * n))
    assert a and set(a) == set(b) == set(c)
    for key in a:
        assert c[key] - b[key] == b[key] - a[key], key


# --------------------------------------------------------------------------- through the whole pipeline
@pytest.mark.parametrize("printed, value, unit", [
    # the normaliser folds full-width digits; the comma and point must fold with them (issue 9 F13)
    ("１２３，４５６．７８亿元", "12345678000000", "元"),
    ("１２３，４５６亿元", "12345600000000", "元"),
    # NFKC would turn ² into 2 before the claims parser sees it (issue 9 F13)
    ("10²平方米", "100", "平方米"),
])
def test_issue9_f13_numbers_survive_normalisation(nlp, printed, value, unit):
    from extract.inputs import RawDoc
    from extract.pipeline import extract_items

    raw = f"新华社北京12月25日电 今年全市新增投资{printed}。"
    (story,) = [r for r in extract_items([RawDoc(path="p", doc_id="d", text=raw)], nlp)]
    (claim,) = [c for c in story.claims if c.unit == unit]
    assert (str(claim.value), raw[claim.start:claim.end]) == (value, printed)
