"""Numeric claims: "侦办…案件68.9万起", "同比上升近52%", "50元~100元".

:func:`find_claims` scans characters (not tokens: OCR text segments badly) with
the ``regex`` module and returns :class:`schemas.Claim` records whose offsets
index the text it was given. The ``claims`` spaCy factory wraps it.

Decisions (documented here and in the tests):

* A claim needs a unit, a percent form or a magnitude (万/亿). Bare numbers are
  years, codes or list markers far more often than quantities.
* A bare ``一`` + measure word (一批, 一个, 一系列, 一起) is not a claim unless a
  qualifier or magnitude comes with it (一万人, 一个多月): it is almost always
  the indefinite article. ``九项`` and ``两个`` are claims.
* 以上/以下/以内 include the stated number (``at_least``/``at_most``, as in
  Chinese legal usage); 不到/不足/小于 are ``less_than``; 超/逾/余/多 are
  ``more_than``. Bounds go in ``lower``/``upper``; ``value`` keeps the number.
* Ranges (50元~100元, 三四百件, 十几个) have qualifier ``range``, ``lower`` and
  ``upper`` set and ``value`` None: no single number was stated.
* Years (2023年, 二○二三年), dates and times (月/日/号/时 are not units),
  ordinals (第三个), codes (5G, GOIP3), "近3年"-style periods, "N年来", and
  numerals starting inside a set phrase (一带一路, 十四五, 统一) are not claims.

Malformed and absurd numbers (issue 9) are not claims; a wrong value is worse
than none:

* a numeral written with more than ``MAX_NUMERAL_CHARS`` characters, or whose
  value reaches 10^``MAX_CLAIM_DIGITS``, is a code, an identifier or OCR debris
  (61 ones in a row); :mod:`extract.facts.numbers` still parses it exactly;
* a digit run touching a second decimal point or a thousands comma that does
  not group three digits (3.1.4万元, 1,2345) has no reading we can trust;
* a number inside a product (3×4米, 3×10⁴吨, 4×100米接力) is not read;
* superscript digits are an exponent, never digits: 10²平方米 is 100 平方米
  (rule ``arabic-power``), with the text as printed;
* a full-width comma groups thousands like ``,`` when every group has three
  digits and the number is typeset in full width, i.e. holds a full-width digit
  or point (１２３，４５６．７８亿 = 12345678000000; after normalisation
  123，456．78亿). Without that evidence the comma may end a clause or separate
  a list (100，200，300人): the run is ambiguous and no claim;
* two numbers joined by a range separator whose low end is not below the high
  end -- after a magnitude written once serves both ends (5—10万元) -- are no
  range. The high end still stands alone after a word separator (由50至40吨:
  from 50 to 40) but not after a dash or tilde (100-50亿元 is a subtraction or
  a code). The magnitude is not shared when the low end, read without it, is
  within two orders of magnitude of it (3000—1万元 is 3,000 to 10,000).
* an approximate prefix before a range covers the whole range: 约10~20万人 is
  100000 to 200000 with qualifier ``approx`` (``value`` None, bounds set).

Every claim's work is local (a bounded window around it), so the time is linear
in the text: a run-on "sentence" over ``MAX_SENTENCE`` characters is quoted as
the ``SENTENCE_WINDOW`` characters either side of the claim, and the measure is
sought at most ``MEASURE_WINDOW`` characters back.
"""
from __future__ import annotations

import bisect
from decimal import Decimal
from typing import Optional

import regex
from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from extract.facts.numbers import numeral_tables
from schemas import Claim
from extract.text.sentences import split_sentences
from extract.facts.claims_filters import (
    _distal_qualifier, _in_product, _inside_name, _is_clock_or_rate_base, _is_ordinal, _is_period, _is_year, _not_a_count,
    _drop_restatements, _mixed_numeral, _no_numeral, _pronoun_count, _refers_back,
)
from extract.facts.claims_measure import _measure
from extract.facts.claims_ranges import (
    _Candidate, _compound_durations, _fraction_candidates, _half_candidates, _merge_ranges, _power_candidates, _shared_unit,
    _signed,
)
from extract.facts.claims_reading import _bare, _read_prefix, _read_unit, _read_value, _trim_unit_magnitude
from extract.facts.claims_patterns import (  # noqa: F401  (re-exported: the limits tests read)
    CLAUSE_END, MAX_CLAIM_DIGITS, MAX_NUMERAL_CHARS, MAX_SENTENCE, MEASURE_WINDOW, SENTENCE_WINDOW,
    _MALFORMED_AFTER, _MALFORMED_BEFORE, _PRODUCT, _Patterns, _numerals, _patterns, load_lexicon,
    load_units,
)

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


def find_claims(text: str, names: list[tuple[int, int]] = ()) -> list[Claim]:
    """All numeric claims in ``text``, in order, with offsets into ``text``.

    ``names``: (start, end) spans of names (the recogniser's ORG/LOC/PER spans): a number
    inside one that the name goes on after (三棵树涂料, 三门峡市) is part of the name."""
    pats = _patterns()
    blocked = {i for pat in pats.set_phrase for m in pat.finditer(text, overlapped=True) for i in range(m.start(), m.end())}
    blocked |= {i for m in pats.names.finditer(text) for i in range(m.start(), m.end())}
    candidates = _disjoint(c for m in _numerals(text, pats) if (c := _candidate(text, m, pats, blocked)))
    compounds = _compound_durations(text, pats) + _fraction_candidates(text, pats) + _power_candidates(text, pats)
    candidates = [c for c in candidates if not any(d.start < c.end and c.start < d.end for d in compounds)]
    extra = [c for c in compounds + _half_candidates(text, pats) if c.start not in blocked]   # 半斤八两: an idiom
    candidates = sorted(candidates + extra, key=lambda c: c.start)
    candidates = [c for c in candidates if not _inside_name(c, names)]
    candidates = _drop_restatements(text, candidates, pats)
    merged = _merge_ranges(text, candidates, pats)
    kept = [_signed(text, c, pats.lex) for c in _shared_unit(text, merged) if c.unit or c.has_magnitude]
    ctx = _Context(text, _sentence_spans(text))
    claims: list[Claim] = []
    for cand in kept:
        claims.append(_to_claim(text, cand, ctx, pats, claims))
    return claims


def _object_of_verb(text: str, measure: str, s_start: int, end: int, pats: _Patterns) -> bool:
    """The measure phrase is the object of an object verb (申请了提升补助资金4万元: 提升 names the
    subsidy, it does not raise it)."""
    at = text.rfind(measure, s_start, end)
    head = text[s_start:at].rstrip("了着过的")
    return at >= 0 and head.endswith(tuple(pats.lex["measure_object_verbs"]))


def _disjoint(candidates) -> list[_Candidate]:
    """Candidates in order, each starting after the one before ends: 40余万名 read the 万 as its
    magnitude, so the 万名 the number pattern finds again after 余 is no claim of its own."""
    out: list[_Candidate] = []
    for c in candidates:
        if not out or c.start >= out[-1].end:
            out.append(c)
    return out


class _Context:
    """Per-text lookups shared by all claims: sentence index, periods per sentence."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.sentences = sentences or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]
        self.periods: dict[int, tuple[list[int], list[int], list[str]]] = {}
        self.last_sentence = -1   # sentence of the claim made last

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def periods_of(self, text: str, idx: int, pats: "_Patterns") -> tuple[list[int], list[int], list[str]]:
        """Starts, ends and texts of the time expressions of sentence ``idx`` (found once)."""
        if idx not in self.periods:
            s_start, s_end = self.sentences[idx]
            found = [p for p in pats.period.finditer(text, s_start, s_end) if p.group()]
            self.periods[idx] = ([p.start() for p in found], [p.end() for p in found], [p.group() for p in found])
        return self.periods[idx]


def _rejected(text: str, m: regex.Match, pats: _Patterns, numeral_start: int, num_end: int,
              blocked: set[int]) -> bool:
    """Whether the numeral match is no quantity by its shape or what stands around it."""
    lex, tables = pats.lex, numeral_tables()
    num_start, numeral = m.start(), text[numeral_start:num_end]
    if numeral_start in blocked or len(numeral) > MAX_NUMERAL_CHARS:
        return True
    if m.group("arabic") and (_MALFORMED_BEFORE.search(text, max(0, numeral_start - 3), numeral_start)
                              or _MALFORMED_AFTER.match(text, m.end("arabic"))):
        return True  # 3.1.4万元, 1,2345: a second point or a broken group, no trustworthy reading
    if _in_product(text, num_start, m.end()):
        return True
    if m.group("sep") == "，" and not regex.search("[０-９．]", m.group("arabic")):
        return True  # 100，200，300人: a list, or groups whose full-width digits were made ASCII
    before, after = text[max(0, num_start - 1):num_start], text[num_end:num_end + 1]
    if before and pats.code.match(before) or after and pats.code.match(after):
        return True
    if any(text.endswith(p, 0, num_start) for p in lex["ordinal_prefixes"]):
        return True
    if _mixed_numeral(text, numeral_start, num_end, tables) or _no_numeral(numeral, m.group("pct")):
        return True  # 二００二年: one numeral in two scripts (a year or a code), no quantity
    # 数十家, 几百人: too vague to be a number
    return bool(num_start and text[num_start - 1] in "数几" and m.group("cn") and m.group("cn")[0] in "十百千万")


def _candidate(text: str, m: regex.Match, pats: _Patterns, blocked: set[int]) -> Optional[_Candidate]:
    """Read one numeral match with its qualifier, unit and context; None if it is no claim."""
    lex, tables = pats.lex, numeral_tables()
    num_start = m.start()
    numeral_start = m.start("arabic") if m.group("arabic") else m.start("cn")
    num_end = _trim_unit_magnitude(text, numeral_start, m.end(), pats)
    if num_end <= numeral_start or _rejected(text, m, pats, numeral_start, num_end, blocked):
        return None
    numeral = text[numeral_start:num_end]
    above = _bare(text, m, pats, numeral, num_end)
    if above is None:
        return None
    pct_unit = tables.percent_prefixes.get(m.group("pct")) if m.group("pct") else None
    cand = _Candidate(start=num_start, num_start=num_start, num_end=num_end, end=num_end, rule="")
    cand.has_magnitude = any(ch in tables.magnitudes for ch in numeral)
    if not _read_value(cand, m, numeral, pct_unit, num_end) or _read_unit(cand, text, m, numeral, pct_unit, pats) is None:
        return None
    _read_prefix(cand, text, above, pats)
    if _is_year(numeral, cand, text, tables) or _is_period(text, cand, lex) or _refers_back(text, cand, lex) \
            or _pronoun_count(text, cand, lex):
        return None
    if _is_ordinal(text, cand, pats) or _is_clock_or_rate_base(text, cand, pats) or _not_a_count(text, cand, pats):
        return None
    if cand.qualifier in ("exact", "at_least", "more_than"):   # 约占…的百分之八十; 大约冲洗上千个: approx outranks 上
        said = _distal_qualifier(text, num_start, pats)
        cand.qualifier = said if said and (cand.qualifier == "exact" or said == "approx") else cand.qualifier
    if numeral in lex["bare_one"] and not pct_unit and cand.qualifier == "exact" and cand.value == 1 \
            and not (cand.unit in lex["bare_one_units"] and "每" not in text[max(0, cand.start - 4):cand.start]) \
            and not _one_duration(text, cand, lex["bare_one_duration"]):
        return None   # not 一年半; 下降一个百分点 is a figure, 每增长一个百分点 a rate's base
    if any(v is not None and abs(v) >= _TOO_LARGE for v in (cand.value, cand.lower, cand.upper)):
        return None  # 10^30 and more: a code or debris, not a quantity (issue 9 F3)
    return cand


_TOO_LARGE = Decimal(10) ** MAX_CLAIM_DIGITS


def _one_duration(text: str, cand: _Candidate, spec: dict) -> bool:
    """一个月下来, 经过一年的运作, 为期一个月: a bare 一 in a time unit framed as a span of time
    (``bare_one_duration``) is a duration claim, where 有一天 and 一年一度 are no figure."""
    if text.endswith(tuple(spec["not_after"]), 0, cand.start):
        return False   # 有时一天下来: a habitual day; 这一天: an anaphor
    return cand.unit in spec["units"] and (text.endswith(tuple(spec["before"]), 0, cand.start)
                                           or text.startswith(tuple(spec["after"]), cand.end))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The record's sentences (issue 11: one splitter for every extractor and the records), so a
    claim's ``sentence`` is the text of a record sentence."""
    return split_sentences(text)


def _to_claim(text: str, cand: _Candidate, ctx: _Context, pats: _Patterns, earlier: list[Claim]) -> Claim:
    idx = ctx.sentence_of(cand.start)
    s_start, s_end = ctx.sentences[idx]
    direction = None
    window = max(s_start, cand.start - pats.direction_reach)   # the pattern is anchored at cand.start
    if d := pats.direction.search(text, window, cand.start):
        direction = pats.lex["direction_words"].get(d["w"]) or pats.lex["direction_chars"][d["w"]]
    measure = _measure(text, cand, s_start, s_end, pats, earlier)
    if direction is None and measure and (d := pats.leading_direction.match(measure)) \
            and d.end() < len(measure) and not _object_of_verb(text, measure, s_start, cand.start, pats):
        # 下调金融机构存款准备金率0.25个百分点: the verb before its object gives the change's direction
        direction, measure = pats.lex["direction_words"][d["w"]], measure[d.end():]
    if measure is None and earlier and ctx.last_sentence == idx and (direction or earlier[-1].unit == cand.unit):
        # 3.4万余人，同比上升近52%: the change is of the claim before; 组织地税收入600.3亿元，比上年增收90亿元
        # and 东部占48％，中部占45％: a figure of the same unit naming nothing is of the same thing
        measure = earlier[-1].measure
    ctx.last_sentence = idx
    lower, upper = cand.lower, cand.upper
    if cand.qualifier in ("more_than", "at_least"):
        lower = cand.value
    elif cand.qualifier in ("less_than", "at_most"):
        upper = cand.value
    score = 0.95 if cand.rule.startswith("arabic") or cand.rule == "percent-words" else 0.85
    if cand.unit is None:
        score = 0.6
    if s_end - s_start > MAX_SENTENCE:   # run-on text: quote the claim's neighbourhood
        s_start, s_end = max(s_start, cand.start - SENTENCE_WINDOW), min(s_end, cand.end + SENTENCE_WINDOW)
    return Claim(start=cand.start, end=cand.end, text=text[cand.start:cand.end], rule=cand.rule,
                 score=score, value=cand.value, unit=cand.unit, per=cand.per, qualifier=cand.qualifier,
                 lower=lower, upper=upper, measure=measure, direction=direction,
                 period=_period(cand, ctx, idx, text, pats), sentence=text[s_start:s_end].strip())


def _period(cand: _Candidate, ctx: _Context, idx: int, text: str, pats: _Patterns) -> Optional[str]:
    """The last time expression before the claim in its sentence, else the first after it; a ；
    bounds the search like a sentence end (coordinate clauses have periods of their own)."""
    starts, ends, texts = ctx.periods_of(text, idx, pats)
    s_start, s_end = ctx.sentences[idx]
    lo = max(text.rfind("；", s_start, cand.start), text.rfind(";", s_start, cand.start))
    hi = min([i for i in (text.find("；", cand.end, s_end), text.find(";", cand.end, s_end)) if i >= 0] or [s_end])
    k = bisect.bisect_right(ends, cand.start)      # periods ending at or before the claim
    if k and starts[k - 1] > lo:
        return texts[k - 1]
    k = bisect.bisect_left(starts, cand.end)
    return texts[k] if k < len(texts) and ends[k] <= hi else None


class ClaimsComponent:
    """spaCy component: sets ``doc._.claims`` to :func:`find_claims` of ``doc.text``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        """Load the data files now rather than on the first document."""
        _patterns()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc_text(doc), name_spans(doc))
        return doc


#: Labels of the recogniser's spans (doc.spans["ner"], extract.facts.recognizer) that are names.
NAME_LABELS = ("ORG", "LOC", "PER")


def name_spans(doc: Doc, key: str = "ner") -> list[tuple[int, int]]:
    """(start, end) character spans of the names the recogniser left on ``doc`` (none when it
    did not run): exact offsets from the group's ``chars`` attribute when present."""
    if key not in doc.spans:
        return []
    group = doc.spans[key]
    chars = group.attrs.get("chars")
    if chars:
        return [(a, b) for a, b, label, *_ in chars if label in NAME_LABELS]
    return [(s.start_char, s.end_char) for s in group if s.label_ in NAME_LABELS]


@Language.factory("claims", default_config={})
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """Factory for ``nlp.add_pipe("claims")``."""
    return ClaimsComponent(nlp, name)
