"""Claims: what a number counts or measures (``measure``), by the rule in :func:`_measure`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import regex

from extract.facts.claims_patterns import CLAUSE_END, MEASURE_WINDOW, _Patterns

if TYPE_CHECKING:
    from extract.facts.claims import _Candidate

def _measure(text: str, cand: _Candidate, s_start: int, s_end: int, pats: _Patterns) -> Optional[str]:
    """What the number counts or measures, by one rule in three steps:

    1. a count unit (``count_units``: 项, 名, 家 …) directly followed by a noun phrase: the
       number counts that noun phrase, up to the first ``measure_stop_words`` word, verb or
       clause break (列为九项重点任务之首 -> 重点任务; 移交3.1万名电诈犯罪嫌疑人 -> 电诈犯罪嫌疑人);
    2. otherwise the noun phrase before the number in its clause, without leading connectives
       and time expressions and without the verb, direction word or comparison before the
       number (规模以上工业增加值同比增长5.2% -> 规模以上工业增加值); when those words end
       with an object verb (移交, 投入 …) and words follow the unit, those words;
    3. nothing left (比上年增长20%): None, and :func:`_to_claim` takes the measure of the
       claim before it in the sentence when a direction word makes this its change.
    """
    if cand.unit in pats.lex["count_units"] and (noun := _counted_noun(text, cand, s_end, pats)):
        return noun
    phrase = _phrase_before(text, cand, s_start, pats)
    tail_match = regex.match(rf"[^{regex.escape(CLAUSE_END)}0-9]{{1,20}}", text[cand.end:s_end])
    tail = tail_match.group().strip("的“”\"' ") if tail_match else ""
    if len(phrase) >= 2 and not (tail and phrase.endswith(tuple(pats.lex["measure_object_verbs"]))):
        return phrase
    if not phrase and tail and pats.stop.match(tail):
        return None
    return tail or (phrase if len(phrase) >= 2 else None)


def _counted_noun(text: str, cand: _Candidate, s_end: int, pats: _Patterns) -> Optional[str]:
    """Step 1: the noun phrase right after a count unit, up to the first stop word, verb or
    clause break; None when it is no noun phrase of 2 to 16 characters."""
    after = cand.end
    while after < s_end and text[after] in "“\"'‘《":
        after += 1
    stop = pats.stop.search(text, after, min(s_end, after + MEASURE_WINDOW))
    noun = text[after:stop.start() if stop else min(s_end, after + MEASURE_WINDOW)].strip("“”\"'‘’《》 ")
    if 2 <= len(noun) <= 16 and regex.fullmatch(r"[\p{Han}A-Za-z“”《》]+", noun):
        return noun
    return None


def _phrase_before(text: str, cand: _Candidate, s_start: int, pats: _Patterns) -> str:
    """Step 2: the words before the number in its clause, without leading connectives and time
    expressions and without the verb, direction word or comparison before the number."""
    clause_start = max(s_start, cand.start - MEASURE_WINDOW)
    for i in range(cand.start - 1, clause_start - 1, -1):
        if text[i] in CLAUSE_END:
            clause_start = i + 1
            break
    phrase = text[clause_start:cand.start]
    while True:
        old = phrase
        if (p := pats.period.match(phrase.lstrip("“\"'‘ "))) and p.end() > 0:
            phrase = phrase.lstrip("“\"'‘ ")[p.end():]
        phrase = pats.leading.sub("", phrase)
        phrase = pats.trailing.sub("", phrase)
        phrase = _drop_comparison(phrase, pats)
        if phrase == old:
            break
    if phrase.count("”") > phrase.count("“"):
        phrase = "“" + phrase  # the leading quote was stripped with a connective: put it back
    return phrase


def _drop_comparison(phrase: str, pats: _Patterns) -> str:
    """比上年, 较去年同期, 比1998年: the baseline of a change, not the thing measured. Removed
    when it is all that is left before the number (with a time expression after a bare 比/较)."""
    m = pats.comparison.match(phrase)
    if not m:
        return phrase
    rest = phrase[m.end():]
    if m.group() in ("比", "较"):
        p = pats.period.match(rest)
        if not p or not p.end():
            return phrase
        rest = rest[p.end():]
    rest = regex.sub(r"^(?:同期|相比|的)+", "", rest)
    return rest if rest != phrase else phrase
