"""Claims: the data (units, lexicon, names with numerals) and the patterns built from it, and
the limits the claim rules share. Split from :mod:`extract.facts.claims` (issue 11: modules of
about 400 lines at most)."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import regex

from extract.facts.numbers import numeral_tables

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNITS_FILE = DATA_DIR / "units.txt"
LEXICON_FILE = DATA_DIR / "claim_lexicon.json"

CLAUSE_END = "。！？；!?;\n" + "，,：:（()）"  # sentences: extract.text.sentences
#: characters before a number searched for a qualifier prefix (``qualifier_prefixes``: 没有超出过两亿, the longest, has 5)
PREFIX_WINDOW = 6
MAX_NUMERAL_CHARS = 40      # longer numerals are codes or debris, not quantities
MAX_CLAIM_DIGITS = 30       # values from 10^30 on are not quantities in news
MAX_SENTENCE = 600          # a longer "sentence" is run-on text: quote a window instead
SENTENCE_WINDOW = 200
MEASURE_WINDOW = 100
_PRODUCT = "×✕"
_MALFORMED_BEFORE = regex.compile(r"[0-9０-９][.．,][ \u3000]?$")
_MALFORMED_AFTER = regex.compile(r"[ \u3000]?[.．,][0-9０-９]")



def _alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def load_units() -> tuple[str, ...]:
    """Units from ``units.txt``, in file order."""
    units = []
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            units.append(line)
    return tuple(units)


@functools.cache
def load_lexicon() -> dict:
    """The raw ``claim_lexicon.json``."""
    return json.loads(LEXICON_FILE.read_text(encoding="utf-8"))


def unit_alias(unit: str) -> str:
    """The unit a claim records for ``unit`` as printed (``unit_aliases``: ％ is %, 个百分点 is 百分点)."""
    return load_lexicon()["unit_aliases"].get(unit, unit)


@dataclass(frozen=True)
class _Patterns:
    number: regex.Pattern
    unit: regex.Pattern
    prefix: regex.Pattern
    infix: regex.Pattern
    suffix: regex.Pattern
    separator: regex.Pattern
    set_phrase: tuple[regex.Pattern, ...]
    period: regex.Pattern
    direction: regex.Pattern
    leading_direction: regex.Pattern   # a direction word opening a measure phrase (下调金融机构存款准备金率)
    half_amount: regex.Pattern         # 半 before a unit it halves (半吨, 半个月)
    leading: regex.Pattern
    trailing: regex.Pattern
    code: regex.Pattern     # a character next to which a number is a code (5G, GOIP3)
    direction_reach: int    # longest direction word + filler: how far back a direction can start
    names: regex.Pattern    # names holding a numeral (三棵树, orgs.tsv names): no quantity inside
    session: regex.Pattern  # N届 followed by this starts a session name: an ordinal
    ordinal_suffix: regex.Pattern   # after the number (and unit): a label (二年级, 3号线)
    event_label: regex.Pattern      # after the number and unit: a sports event (500米计时赛)
    approx_verb: regex.Pattern      # 约占…, 不到…的: a qualifier away from the number
    stop: regex.Pattern     # where the noun phrase after a count unit ends
    comparison: regex.Pattern       # 比上年…: a baseline before the number, not the measure
    per: regex.Pattern      # after a unit: a slash and the unit it is counted per (元/吨)
    lex: dict = field(repr=False)


@functools.cache
def _patterns() -> _Patterns:
    lex = load_lexicon()
    tables = numeral_tables()
    mags = "".join(tables.magnitudes)
    cn = regex.escape(tables.numeral_chars + tables.vague_digit)
    number = _number_pattern(tables)
    fillers = _alternation(lex["direction_fillers"])
    return _Patterns(
        number=regex.compile(number),
        unit=regex.compile(_alternation(load_units())),
        prefix=regex.compile(rf"(?:{_alternation(list(lex['qualifier_prefixes']))})[ \u3000]?$"),
        infix=regex.compile(rf"(?P<q>{_alternation(list(lex['qualifier_infixes']))})(?P<mag>[{mags}]*)"),
        suffix=regex.compile(_alternation(list(lex["qualifier_suffixes"]))),
        separator=regex.compile(rf"[ \u3000]?(?:{_alternation(lex['range_separators'])})[ \u3000]?"),
        # one pattern each: joined into one alternation they defeat the regex module's literal
        # prefix search, and the overlapped scan of a story took twenty times as long
        set_phrase=tuple(regex.compile(p) for p in [_alternation(lex["set_phrases"])] + lex["set_phrase_patterns"]),
        period=regex.compile("|".join(f"(?:{p})" for p in lex["period_patterns"])),
        direction=regex.compile(rf"(?P<w>{_alternation([*lex['direction_words'], *lex['direction_chars']])})(?:{fillers})?$"),
        leading_direction=regex.compile(rf"(?P<w>{_alternation(list(lex['direction_words']))})"),
        half_amount=regex.compile(rf"半(?:{_alternation(lex['half_amount_units'])})"),
        leading=regex.compile(rf"^(?:[“”\"'‘’《》\s]|{_alternation(lex['measure_leading_words'])})+"),
        trailing=regex.compile(
            rf"(?:[“”\"'‘’\s]|{_alternation(lex['measure_trailing_words'] + list(lex['direction_words']))})+$"),
        code=regex.compile(f"[{lex['code_neighbours']}]"),
        direction_reach=max(map(len, lex["direction_words"])) + max(map(len, lex["direction_fillers"]), default=0),
        names=regex.compile(_alternation(_names_with_numerals(lex, tables))),
        session=regex.compile(_alternation(lex["session_name_starts"])),
        ordinal_suffix=regex.compile(_alternation(lex["ordinal_suffixes"])),
        event_label=regex.compile(_alternation(lex["event_labels"])),
        approx_verb=regex.compile(_alternation(lex["approx_verbs"] + list(lex["distal_qualifiers"]) + list(lex["adverb_qualifiers"]))),
        stop=regex.compile(_alternation(lex["measure_stop_words"] + list(lex["direction_words"])
                                        + _trigger_words()) + rf"|[{regex.escape(CLAUSE_END)}、0-9０-９{cn}]"),
        comparison=regex.compile(rf"^(?:{_alternation(lex['comparison_heads'])})"),
        per=regex.compile(rf"[/／](?P<den>{_alternation(list(load_units()) + lex['per_denominators'])})"),
        lex=lex,
    )


def _number_pattern(tables) -> str:
    """A number as printed: a percent prefix (百分之), then Arabic digits (thousands groups with one
    separator throughout: 1,389; １２３，４５６．７８), superscripts and magnitudes, or Chinese numerals
    with an optional decimal part."""
    digits = "".join(tables.digits)
    mags = "".join(tables.magnitudes)
    cn = regex.escape(tables.numeral_chars + tables.vague_digit)
    points = "".join(tables.decimal_points)
    pct = _alternation(list(tables.percent_prefixes))
    arabic = (r"[0-9０-９]{1,3}(?P<sep>[,，])[0-9０-９]{3}(?:(?P=sep)[0-9０-９]{3})*"
              r"(?:[.．][0-9０-９]+)?(?![0-9０-９])"
              r"|[0-9]{1,3}(?:[ \u00a0\u2009][0-9]{3})+(?![0-9.．])"
              r"|[0-9０-９]+(?:[.．·・][0-9０-９]+)?")   # 15·8％: a middle dot for the point (1990s print)
    sup = regex.escape("".join(tables.superscripts))
    return (rf"(?P<pct>{pct})?(?:(?P<arabic>{arabic})(?P<sup>[{sup}]+)?(?P<amag>[十百千{mags}]*)"
            rf"|(?P<cn>[{cn}]+(?:[{points}][{digits}]+[{mags}]*)?))")


def _names_with_numerals(lex: dict, tables) -> list[str]:
    """Names whose numerals are no quantity: the lexicon's list plus every organisation name or
    alias in orgs.tsv that holds a numeral and a unit right after it (三棵树, 五粮液)."""
    from extract.facts import lexicon as org_lexicon

    numeral = set(tables.digits) | set(tables.multipliers) | set(tables.magnitudes)
    names = set(lex["names_with_numerals"])
    for name in org_lexicon.org_index():
        if len(name) >= 3 and any(ch in numeral for ch in name):
            names.add(name)
    return sorted(names)


def _trigger_words() -> list[str]:
    """Event trigger verbs (event_triggers.txt): a noun phrase after a count ends at one."""
    from extract.facts.events import triggers

    return list(triggers())


def _numerals(text: str, pats: _Patterns):
    """The number pattern's matches; a Chinese numeral run that begins with a weekday's digit
    after 周/星期/礼拜 (``weekday_heads``: 周五一天) is read from its second character, and a
    weekday's digit alone is no number (周二周三: Tuesday and Wednesday, not 二周). After 每 the
    digit counts again (每周三次)."""
    heads = tuple(pats.lex["weekday_heads"])
    for m in pats.number.finditer(text):
        if m.group("cn") and m.group()[0] in _WEEKDAY_DIGITS and text.endswith(heads, 0, m.start()) \
                and not any(text.endswith("每" + h, 0, m.start()) for h in heads):
            if len(m.group()) > 1 and (rest := pats.number.match(text, m.start() + 1)) is not None:
                yield rest
            continue
        yield m


_WEEKDAY_DIGITS = frozenset("一二三四五六")
