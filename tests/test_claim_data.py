"""Integrity of the language data behind numeric claims (extract/data)."""
from __future__ import annotations

import json
import subprocess
import sys
import typing
from decimal import Decimal
from pathlib import Path

import pytest
import regex

from extract.facts.claims_patterns import PREFIX_WINDOW
from schemas import Claim

DATA = Path(__file__).resolve().parent.parent / "extract" / "data"
NUMERALS = DATA / "numerals.json"
UNITS = DATA / "units.txt"
LEXICON = DATA / "claim_lexicon.json"


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"duplicate keys: {dupes}"
    return dict(pairs)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)


def _unit_lines() -> list[str]:
    return [line.split("#", 1)[0].strip() for line in UNITS.read_text(encoding="utf-8").splitlines()
            if line.split("#", 1)[0].strip()]


QUALIFIERS = set(typing.get_args(Claim.model_fields["qualifier"].annotation))
DIRECTIONS = set(typing.get_args(typing.get_args(Claim.model_fields["direction"].annotation)[0]))


def test_files_name_their_source() -> None:
    assert _load(NUMERALS)["_source"] == "written for newsfacts"
    assert _load(LEXICON)["_source"] == "written for newsfacts"
    head = UNITS.read_text(encoding="utf-8").splitlines()[:3]
    assert any("written for newsfacts" in line for line in head)


def test_numerals_well_formed() -> None:
    n = _load(NUMERALS)
    for table in ("digits", "multipliers", "magnitudes"):
        assert n[table], table
        assert all(len(ch) == 1 for ch in n[table]), table
    assert set(n["digits"].values()) == set(range(10))
    assert {n["digits"][ch] for ch in "零〇○"} == {0}      # OCR ○ must read as zero
    assert {n["digits"][ch] for ch in "两俩"} == {2}
    assert set(n["multipliers"].values()) == {10, 100, 1000}
    assert set(n["magnitudes"].values()) == {4, 8}
    tables = [set(n[t]) for t in ("digits", "multipliers", "magnitudes", "substitutions")]
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            assert not a & b, a & b
    assert n["vague_digit"] not in n["digits"]
    assert set(n["percent_prefixes"].values()) <= {"%", "‰", "‱"}


def test_units_well_formed() -> None:
    units = _unit_lines()
    assert units
    dupes = {u for u in units if units.count(u) > 1}
    assert not dupes, dupes
    magnitudes = set(_load(NUMERALS)["magnitudes"])
    for unit in units:
        assert unit and not regex.search(r"\s", unit), repr(unit)
        assert not regex.search(r"[0-9]", unit), unit
        assert unit[0] not in magnitudes, unit      # 万/亿 belong to the value, not the unit
    for needed in ("人次", "人", "个百分点", "个", "元", "%", "‰", "‱", "倍", "亩", "平方公里", "个月"):
        assert needed in units, needed
    for not_a_unit in ("月", "日", "号", "时", "版"):      # dates, times, page numbers
        assert not_a_unit not in units, not_a_unit


def test_lexicon_qualifiers_and_directions() -> None:
    lex = _load(LEXICON)
    for table in ("qualifier_prefixes", "qualifier_infixes", "qualifier_suffixes"):
        assert set(lex[table].values()) <= QUALIFIERS, table
        assert all(lex[table]), table
    assert set(lex["direction_words"].values()) <= DIRECTIONS
    # one character each, and none a direction word too (it would then cut measure phrases)
    assert set(lex["direction_chars"].values()) <= DIRECTIONS
    assert all(len(c) == 1 for c in lex["direction_chars"]) and not set(lex["direction_chars"]) & set(lex["direction_words"])
    assert lex["qualifier_suffixes"]["以上"] == "at_least"   # documented choice: includes the number
    assert lex["qualifier_suffixes"]["及以下"] == "at_most"
    # suffix_not_before: each key is a suffix qualifier, each value a string of single characters
    assert set(lex["suffix_not_before"]) <= set(lex["qualifier_suffixes"])
    assert all(isinstance(v, str) and v and len(set(v)) == len(v) for v in lex["suffix_not_before"].values())


LIST_KEYS = ["range_separators", "range_word_separators", "direction_fillers", "ordinal_prefixes", "period_prefixes", "time_units",
             "period_suffixes", "bare_one", "set_phrases", "set_phrase_patterns", "measure_leading_words",
             "measure_trailing_words", "period_patterns", "period_prefix_exceptions", "measure_object_verbs",
             "measure_head_nouns", "measure_frame_verbs", "measure_link_verbs", "measure_means_prepositions",
             "object_verbs_also_nouns", "fate_words", "fate_count_units", "fate_adverbs", "event_labels",
             "measure_stop_words"]


def test_object_verbs_also_nouns_are_object_verbs() -> None:
    """object_verbs_also_nouns only narrows measure_object_verbs (国际组织代表: 组织 after a noun)."""
    lex = _load(LEXICON)
    assert set(lex["object_verbs_also_nouns"]) <= set(lex["measure_object_verbs"])


@pytest.mark.parametrize("key", LIST_KEYS)
def test_lexicon_lists_have_no_duplicates_or_blanks(key: str) -> None:
    items = _load(LEXICON)[key]
    assert items and all(isinstance(x, str) and x.strip() == x and x for x in items), key
    dupes = {x for x in items if items.count(x) > 1}
    assert not dupes, dupes


def test_lexicon_time_units_are_units() -> None:
    units = set(_unit_lines())
    assert set(_load(LEXICON)["time_units"]) <= units


def test_set_phrases_hold_a_numeral() -> None:
    n = _load(NUMERALS)
    numeral_chars = set(n["digits"]) | set(n["multipliers"]) | set(n["magnitudes"])
    for phrase in _load(LEXICON)["set_phrases"]:
        assert numeral_chars & set(phrase), phrase   # otherwise it can block nothing


@pytest.mark.parametrize("key", ["set_phrase_patterns", "period_patterns"])
def test_patterns_compile_and_never_match_empty(key: str) -> None:
    for pattern in _load(LEXICON)[key]:
        compiled = regex.compile(pattern)
        assert compiled.fullmatch("") is None, pattern


@pytest.mark.parametrize("key", ["set_phrase_patterns", "period_patterns"])
def test_patterns_repeat_boundedly(key: str) -> None:
    """Issue 9 F14: set phrases are tried at every position (overlapped) and periods over
    whole sentences, so an unbounded repetition ([0-9]+G) was quadratic on a long digit run."""
    for pattern in _load(LEXICON)[key]:
        unbounded = regex.sub(r"\\.|\[(?:\\.|[^\]])*\]", "x", pattern)   # drop escapes and classes
        assert not regex.search(r"[+*]|\{\d*,\}", unbounded), pattern


def test_range_word_separators_are_range_separators() -> None:
    lex = _load(LEXICON)
    assert set(lex["range_word_separators"]) <= set(lex["range_separators"])
    assert all(not regex.search(r"[-~—–－～〜]", w) for w in lex["range_word_separators"])   # words only


def test_superscripts_are_exponent_characters() -> None:
    """Issue 9 F13: superscripts are an exponent (10² = 100), never digits of the number."""
    sup = _load(NUMERALS)["superscripts"]
    assert sorted(v for v in sup.values() if v.isdigit()) == [str(d) for d in range(10)]
    assert set(sup.values()) - set("0123456789") == {"-"}
    assert not set(sup) & set(_load(NUMERALS)["digits"]) and not set(sup) & set("0123456789")


def test_data_loaded_lazily() -> None:
    """Importing the modules reads no data file; the first call does."""
    code = (
        "import extract.facts.claims as c, extract.facts.numbers as n\n"
        "assert c.load_units.cache_info().currsize == 0\n"
        "assert c.load_lexicon.cache_info().currsize == 0\n"
        "assert n.numeral_tables.cache_info().currsize == 0\n"
        "c.find_claims('3个')\n"
        "assert c.load_units.cache_info().currsize == 1\n"
    )
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_issue15_lexicon_keys() -> None:
    """The words issue 15 added: names hold a numeral (else they block nothing), count and
    currency units are units, prefix exceptions name real prefixes."""
    lex, n = _load(LEXICON), _load(NUMERALS)
    units = set(_unit_lines())
    numeral_chars = set(n["digits"]) | set(n["multipliers"]) | set(n["magnitudes"])
    for name in lex["names_with_numerals"]:
        assert (numeral_chars | set("0123456789")) & set(name), name   # 三棵树, 汉诺威96
    assert set(lex["year_label_units"]) <= units   # a unit the claims read, or the filter never fires
    assert set(lex["pronoun_count_units"]) <= units
    assert all(w[0] in numeral_chars for w in lex["always_pronoun_counts"])
    assert set(lex["count_units"]) - {"万千瓦"} <= units
    assert set(lex["currency_units"]) <= units and set(lex["restatable_units"]) <= units | {"省", "市", "地", "国", "方", "县", "区"}
    assert set(lex["prefix_not_after"]) <= set(lex["qualifier_prefixes"])
    # 损失约: each word ends with a character that would block its prefix, or it would change nothing
    assert all(w[-1] in lex["prefix_not_after"][p] for p, words in lex["prefix_after_words"].items() for w in words)
    assert set(lex["ordinal_units"]) <= units   # a unit the claims read, or the filter never fires
    # issue 15 (fresh68, fresh70): the bare 一 kept before 个百分点 and the half amounts read as figures
    assert set(lex["bare_one_units"]) <= units
    # 半 + one of them is read as 0.5 of it: a unit, or 个 and a unit (半个小时)
    assert all(u in units or u[0] == "个" and u[1:] in units for u in lex["half_amount_units"])
    assert not set(lex["half_amount_not_after"]) & {"半", "的", "了"}   # 的半吨, 减薪了半年 stay figures
    assert max(map(len, lex["qualifier_prefixes"])) < PREFIX_WINDOW   # a longer prefix is never searched for
    assert set(lex["event_label_units"]) <= units   # the sports-event filter looks at these units only
    # a count of people measures what befell them (3人死亡): units the claims read, words of two characters
    assert set(lex["fate_count_units"]) <= units
    assert all(len(w) >= 2 for w in lex["fate_words"]) and not set(lex["fate_words"]) & set(lex["fate_adverbs"])
    # opens with a unit (or a unit from a value on, 点赞), is none
    assert all(any(w.startswith(u) for u in units | set(lex["large_units"])) and w not in units for w in lex["unit_words"])
    # a unit only from a value on is no unit at any value: else the threshold never applies
    assert lex["large_units"] and all(u not in units and len(u) == 1 and v >= 2 for u, v in lex["large_units"].items())
    # a printed unit is recorded as its alias: every alias is read from units.txt, and what it maps to is
    # no alias itself (recorded units are final); a rate's denominators are no units already, nor empty
    aliases = lex["unit_aliases"]
    assert aliases and set(aliases) <= units and not set(aliases.values()) & set(aliases)
    assert all(a.endswith(b) or a in ("％",) for a, b in aliases.items())
    frames = lex["basis_frames"]   # 按…计算: every list non-empty and without repeats; the exceptions are of the ends
    assert set(frames) == {"opens", "closes", "not_opening", "not_closing"}
    assert all(frames[k] and len(set(frames[k])) == len(frames[k]) for k in frames)
    assert all(w.startswith(tuple(frames["opens"])) for w in frames["not_opening"])
    assert all(w.endswith(tuple(frames["closes"])) and w not in frames["closes"] for w in frames["not_closing"])
    assert lex["per_denominators"] and not set(lex["per_denominators"]) & units
    assert all(len(w) == 1 for w in lex["per_denominators"])
    assert lex["weekday_heads"] and all(h in ("周", "星期", "礼拜") for h in lex["weekday_heads"])
    for key in ("session_name_starts", "ordinal_suffixes", "ordinal_units", "approx_verbs", "measure_stop_words", "comparison_heads",
                "event_labels", "event_label_units", "session_count_before", "negative_prefixes", "unit_words",
                "quoted_name_heads"):
        words = lex[key]
        assert words and len(words) == len(set(words)) and all(w and w.strip() == w for w in words), key


#: jieba's part-of-speech tags that name things (a word given to the tagger is a name or a noun)
_NAME_TAGS = {"n", "nr", "ns", "nt", "nz"}


def test_tagger_words_well_formed() -> None:
    """data/tagger_words.txt (2026-11-25): a source line, one word and a naming tag a line, no word twice,
    each word of two characters or more; the tagger then reads each as one word."""
    from extract.facts.event_verbs import TAGGER_WORDS, tag, tagger_words

    head = TAGGER_WORDS.read_text(encoding="utf-8").splitlines()[:3]
    assert any("Written for newsfacts" in line for line in head)
    pairs = tagger_words()
    words = [w for w, _ in pairs]
    assert pairs and len(words) == len(set(words))
    assert all(len(w) >= 2 and t in _NAME_TAGS for w, t in pairs)
    for w, t in pairs:
        assert tag(w + "报")[0] == (w, t), w   # 沪指报: the index, then 报
