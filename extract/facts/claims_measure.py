"""Claims: what a number counts or measures (``measure``), by the rule in :func:`_measure`."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

import regex

from extract.facts.claims_patterns import CLAUSE_END, MEASURE_WINDOW, _alternation, _Patterns, load_lexicon
from extract.facts.wordfeats import segment_lexicon

if TYPE_CHECKING:
    from extract.facts.claims import _Candidate
    from schemas import Claim

def _measure(text: str, cand: _Candidate, s_start: int, s_end: int, pats: _Patterns,
             earlier: Sequence[Claim] = ()) -> Optional[str]:
    """What the number counts or measures, by one rule in three steps:

    1. a count unit (``count_units``: 项, 名, 家 …) directly followed by a noun phrase: the
       number counts that noun phrase, up to the first ``measure_stop_words`` word, verb or
       clause break (列为九项重点任务之首 -> 重点任务; 移交3.1万名电诈犯罪嫌疑人 -> 电诈犯罪嫌疑人);
    2. otherwise the noun phrase before the number in its clause, without leading connectives
       and time expressions and without the verb, direction word or comparison before the
       number (规模以上工业增加值同比增长5.2% -> 规模以上工业增加值); when those words end
       with an object verb (移交, 投入 …) and words follow the unit, those words. The words
       start after a claim earlier in the clause (金卡为360元和普卡为180元 -> 普卡), and are
       trimmed by their parts of speech (:func:`_trim`): a speaker with a ``measure_frame_verbs``
       verb, time words and connectives before, adverbs, prepositions, time words and
       ``measure_link_verbs`` verbs after (汇丰预测今年中国经济增速将接近8% -> 中国经济增速); when
       nothing is left after that earlier claim (3388万平方米、48万套; 从53000美元增加到7万美元),
       the two count or measure the same thing: its measure;
    3. nothing left (比上年增长20%): None, and :func:`_to_claim` takes the measure of the
       claim before it in the sentence when a direction word makes this its change.
    """
    if cand.unit in pats.lex["fate_count_units"] and (fate := _fate(text, cand.end, pats)):
        return fate   # 造成3人死亡、5人受伤, 机上132人全部遇难: a count of people measures what befell them
    if cand.unit in pats.lex["count_units"] and (noun := _counted_noun(text, cand, s_end, pats)):
        return noun
    prev = next((c for c in reversed(earlier) if s_start <= c.end <= cand.start
                 and not any(ch in CLAUSE_END for ch in text[c.end:cand.start])), None)
    before = _phrase_before(text, cand, prev.end if prev else s_start, pats)
    before = _basis_re().sub("", before, count=1)   # 按一年计意向成交: the basis is no part of the measure
    if prev is not None:
        before = regex.sub(r"^[、和及与或]", "", before)   # 金卡为360元和普卡为180元: 普卡
    tail_match = regex.match(rf"[^{regex.escape(CLAUSE_END)}0-9]{{1,20}}", text[cand.end:s_end])
    tail = tail_match.group().strip("的“”\"' ") if tail_match else ""
    if before.endswith(tuple(pats.lex["measure_means_prepositions"])):
        return _noun_opening(tail) or None   # 以5700元/平米的价格回购: the price, not who pays it
    phrase = _trim(before, pats)
    if prev is not None and not phrase:
        return prev.measure   # 3388万平方米、48万套: the list goes on counting the same thing
    verb = _tag(before)[-1] if before else ("", "")
    if (phrase and _tag(phrase)[-1][1] == "v" and phrase[-1] not in pats.lex["measure_link_verbs"]
            or verb[1] == "v" and verb[0] not in pats.lex["measure_link_verbs"]) and (object_noun := _noun_opening(tail)):
        return object_noun   # 收取了190万英镑现金花红, 4家银行均收取5元费用: the verb's object after the amount
    if len(phrase) >= 2 and not (tail and phrase.endswith(tuple(pats.lex["measure_object_verbs"]))):
        return phrase
    if not phrase and tail[:1] in ("是", "为") and (share := _noun_opening(tail[1:])):
        return share   # 其中80%是学生签证: the share is of what it is
    if not phrase and tail and pats.stop.match(tail):
        return None
    return _noun_opening(tail) or (phrase if len(phrase) >= 2 else None)   # 他90%的时间都在练 -> 时间


@lru_cache(maxsize=1)
def _basis_re() -> regex.Pattern:
    """A 按…计/按…计算 frame (``basis_frames``) among the words before a number: the basis a figure is
    reckoned on (按一年计, 按可比价格计算), no part of what it measures."""
    frames = load_lexicon()["basis_frames"]
    closes = []
    for c in frames["closes"]:   # 计, not the 计 of 总计: what stands before it in a not_closing word
        heads = _alternation(w[:-len(c)] for w in frames["not_closing"] if w.endswith(c))
        closes.append((f"(?<!{heads})" if heads else "") + regex.escape(c))
    return regex.compile(rf"(?!{_alternation(frames['not_opening'])})(?:{_alternation(frames['opens'])})[^，,。；;]{{1,10}}?(?:{'|'.join(closes)})")



def _fate(text: str, end: int, pats: _Patterns) -> Optional[str]:
    """The word of what befell the people counted, right after the count (``fate_words``: 死亡,
    受伤, 遇难, 确诊), past an adverb (``fate_adverbs``: 全部, 均); None when none follows."""
    for adverb in ("", *pats.lex["fate_adverbs"]):
        if text.startswith(adverb, end):
            for word in pats.lex["fate_words"]:
                if text.startswith(word, end + len(adverb)):
                    return word
    return None


#: another count of the same unit right after a count, in a list (658家、301家电影院, 3个和5个项目)
_LISTED_COUNT = regex.compile(r"[、和及与][0-9０-９.．,，一二三四五六七八九十百千万亿两]+[多余]?")


def _counted_noun(text: str, cand: _Candidate, s_end: int, pats: _Patterns) -> Optional[str]:
    """Step 1: the noun phrase right after a count unit, up to the first stop word, verb or
    clause break; None when it is no noun phrase of 2 to 16 characters."""
    after = cand.end
    if (same := _LISTED_COUNT.match(text, after)) and text.startswith(cand.unit, same.end()):
        after = same.end() + len(cand.unit)   # 658家、301家电影院: the list's counts share its last noun
    while after < s_end and text[after] in "“\"'‘《":
        after += 1
    end = min(s_end, after + MEASURE_WINDOW)
    stop = _stop_word(text, after, end, pats)
    if stop is not None and stop > after and text[stop] in "和与及" \
            and (more := _stop_word(text, stop + 1, end, pats)) is not None \
            and regex.fullmatch(r"\p{Han}{2,10}", text[stop + 1:more]) \
            and all(flag.startswith(_NOMINAL) for _, flag in _tag(text[stop + 1:more])):
        joiner, stop = text[stop], more   # 30枚陆基和海基弹道导弹、: two modifiers of one noun joined by 和
    else:
        joiner = None
    if stop is not None and stop > after and text[stop] == "的" and not regex.search(r"[”\"’》]", text[after:stop]):
        nxt = _stop_word(text, stop + 1, end, pats)
        if head := _noun_opening(text[stop + 1:nxt if nxt is not None else end]):
            return head   # 两名头顶新年饰帽的俄罗斯女孩: what is counted is the head after 的
    noun = text[after:stop if stop is not None else end].strip("“”\"'‘’《》 ")
    if not (2 <= len(noun) <= 16 and regex.fullmatch(r"[\p{Han}A-Za-z“”《》]+", noun)):
        return None
    words = _tag(noun)
    if words[0][1].startswith(_NOT_NOUN_START):
        return None   # 22人由副局长…带队: a preposition, adverb or verb follows the count, no noun
    # a verb ends the noun (5家上市公司出现亏损) unless a noun follows it (4100个定点帮扶村: a compound)
    cut = next((k for k, (w, flag) in enumerate(words) if k and w != joiner and (flag.startswith(_EDGE) or flag == "v" and not (
        k + 1 < len(words) and words[k + 1][1].startswith("n")))), len(words))
    if cut == len(words) and len(words) > 1 and words[-1][1] == "v" and not noun.endswith(_heads(pats)):
        cut -= 1   # 9家景区确定为…: the verb after the counted noun
    noun = _reopen_quote("".join(w for w, _ in words[:cut]))   # 5套“伊斯坎德尔”战役战术导弹系统
    return noun if len(noun) >= 2 else None   # 10余名市民却发现 -> 市民


def _stop_word(text: str, start: int, end: int, pats: _Patterns) -> Optional[int]:
    """Where the first ``measure_stop_words`` word, direction word, trigger or clause break after
    ``start`` begins; a stop word of Chinese characters counts only where a word begins, and one of
    a single character only as a word of its own (words.txt, by forward maximum matching): 中 ends
    56家银行中, not 600家中外企业, and 上 does not end 5家上市公司."""
    window = text[start:end]
    words = segment_lexicon(window)
    starts, singles = {a for a, _ in words}, {a for a, b in words if b - a == 1}
    for m in pats.stop.finditer(window):
        a, b = m.span()
        # 5家上市公司: a stop word right after the unit that the tagger reads as no verb opens the noun
        if not regex.fullmatch(r"\p{Han}+", m.group()) or (a in singles if b - a == 1 else a in starts) \
                and not (a == 0 and b - a > 1 and _tag(window)[0] != (m.group(), "v")):
            return start + a
    return None


def _phrase_before(text: str, cand: _Candidate, s_start: int, pats: _Patterns) -> str:
    """Step 2: the words before the number in its clause, without leading connectives and time
    expressions and without the verb, direction word or comparison before the number."""
    from extract.facts.event_verbs import is_word, text_outside   # the tagger's module, loaded on first use

    clause_start = max(s_start, cand.start - MEASURE_WINDOW)
    i, glosses = cand.start - 1, []
    while i >= clause_start:
        if text[i] in "）)" and (g := _GLOSS.search(text, max(clause_start, i - 13), i + 1)) and g.end() == i + 1:
            glosses.append(g.span())   # 制造业采购经理指数（PMI）为49.4%: a bracketed gloss inside the phrase
            i = g.start() - 1
            continue
        if text[i] in CLAUSE_END:
            clause_start = i + 1
            break
        i -= 1
    phrase = text_outside(text, clause_start, cand.start, sorted(glosses))
    while True:
        old = phrase
        if (p := pats.period.match(phrase.lstrip("“\"'‘ "))) and p.end() > 0:
            phrase = phrase.lstrip("“\"'‘ ")[p.end():]
        phrase = pats.leading.sub("", phrase)
        phrase = pats.trailing.sub("", phrase)
        phrase = _drop_comparison(phrase, pats)
        if phrase == old and (per := phrase.rfind("每")) >= 0 and pats.unit.fullmatch(phrase, per + 1):
            phrase = phrase[:per]   # 价格为每吨3800元, 价格每吨分别降低: the rate's base is no part of the measure
        if phrase == old and phrase[-1:] and phrase[-1] in pats.lex["direction_chars"]:
            # 沪指涨0.55%: the one-character direction verb (下降 went with the trailing words), with the
            # character before it when the two make a word (利润大增, 人口净增: 大增, 净增)
            phrase = phrase[:-2] if len(phrase) > 2 and is_word(phrase[-2:]) else phrase[:-1]
        if phrase == old:
            break
    return _reopen_quote(phrase)


#: a short bracketed gloss (an abbreviation, a code) right after a noun: （PMI）, （M2）, (CPI)
_GLOSS = regex.compile(r"[（(][A-Za-z0-9\p{Han}·.\- ]{1,12}[）)]")


def _reopen_quote(phrase: str) -> str:
    """``phrase`` with its opening quote put back where stripping took it and left the closing one."""
    return "“" + phrase if phrase.count("”") > phrase.count("“") else phrase


#: a day printed in full or in part (2023年12月5日, 12月5日, 5日), as a frame verb's date
_DAY = regex.compile(r"(?:(?:[12][0-9]{3}年)?[0-9]{1,2}月)?[0-9]{1,2}日|")

#: parts of speech (jieba's tags) trimmed from the ends of a measure: adverbs (将, 已, 也), prepositions
#: (从, 以, 在), connectives (并, 而, 和), particles (的, 了, 着), adjectives used as adverbs (顺利, 积极:
#: jieba's ad) and, at the ends only, time words (今年)
_EDGE = ("d", "p", "c", "u", "y", "ad")
_LEADING = ("d", "p", "c", "y", "t", "mq")   # not 的/地/得 (u): a word's first character (地心探险)
#: jieba's tags of nouns, names, verbal nouns, abbreviations and foreign words: a measure holds one
_NOMINAL = ("n", "vn", "an", "j", "eng", "nz", "l")
#: postpositions closing a scope before a share (企业中近九成, 案件中…占40％)
_SCOPE_POSTPOSITIONS = (("中", "f"), ("内", "f"))
#: prepositions of a change's baseline (面积由1991年的200平方米增加到…, 从53000美元增加到…)
_BASELINE_PREPOSITIONS = ("由", "从", "比", "较")
#: verbs of a share, before the whole it is a share of (东部…数量占全国的48％)
_SHARE_VERBS = ("占", "占到")
#: the first word after a count unit that opens no noun phrase (由, 却, 只有)
_NOT_NOUN_START = ("d", "p", "c", "u", "y", "r")


@lru_cache(maxsize=4096)
def _tag(phrase: str) -> tuple[tuple[str, str], ...]:
    """The words of ``phrase`` with jieba's part-of-speech tags (the tagger the events use for
    clause verbs, loaded on first use); cached, as a phrase and its trimmed form are tagged again
    by the later steps of the rule."""
    from extract.facts.event_verbs import _tagger

    return tuple((w.word, w.flag) for w in _tagger().cut(phrase))


def _noun_opening(tail: str) -> str:
    """The noun phrase opening the words after a unit (past a per-unit such as /平米 and 的), up
    to its first verb, adverb, preposition, connective or particle: 价格 of /平米的价格回购."""
    tail = regex.sub(r"^(?:/[^\p{Han}]{0,3}\p{Han}{1,2})?的?", "", tail)
    words = _tag(tail) if tail else []
    cut = next((k for k, (_, flag) in enumerate(words) if flag == "v" or flag.startswith(_NOT_NOUN_START)), len(words))
    if not any(flag.startswith(_NOMINAL) for _, flag in words[:cut]):
        return ""   # 50元~100元不等的收入: 不等 is no noun
    noun = "".join(w for w, _ in words[:cut]).strip("“”\"'‘’、 ")
    return noun if len(noun) >= 2 else ""


def _heads(pats: _Patterns) -> tuple[str, ...]:
    return tuple(pats.lex["measure_head_nouns"])


def _trim(phrase: str, pats: _Patterns) -> str:
    """The noun phrase of the words before a number: without a speaker and a frame verb before it
    (汇丰预测…), nor time words, numerals and connectives opening it (此后网友…, 今年…); nor adverbs,
    prepositions, particles, time words or a ``measure_link_verbs`` verb closing it (…价格已确定,
    …跌去, …较去年), unless it ends with a ``measure_head_nouns`` word the tagger splits (占比, 增速).
    An empty string when nothing is left."""
    if not phrase:
        return phrase
    words = list(_tag(phrase))
    frames, links, heads = set(pats.lex["measure_frame_verbs"]), set(pats.lex["measure_link_verbs"]), _heads(pats)
    objects = set(pats.lex["measure_object_verbs"])
    k = max((i for i, (w, _) in enumerate(words[:-1]) if w in frames), default=-1)
    words = words[k + 1:]   # 汇丰预测今年中国经济增速 -> 今年中国经济增速
    if k >= 0 and ((when := _DAY.match(rest := regex.sub(r"^[于在将]", "", "".join(w for w, _ in words)))).end()
                   or (when := pats.period.match(rest)) and when.end()):
        words = list(_tag(rest[when.end():]))   # 央行决定于2023年12月5日下调…: the date after the frame verb
    base = next((i for i, (w, _) in enumerate(words) if i and w in _BASELINE_PREPOSITIONS + _SHARE_VERBS
                 and words[i - 1][1].startswith(_NOMINAL)
                 and not "".join(x for x, _ in words[i:]).startswith(heads)), len(words))   # 全球占比: a head noun
    words = words[:base]   # 面积由1991年的, 组织数量占全国的: the baseline or the whole is no part of the measure
    nouns_too = set(pats.lex["object_verbs_also_nouns"])   # 国际组织代表: after a noun, 组织 is one
    verb = max((i for i, (w, _) in enumerate(words[:-1]) if w in objects
                and not (w in nouns_too and i and words[i - 1][1].startswith(_NOMINAL))), default=-1)
    while 0 <= verb < len(words) - 1 and words[verb + 1][1].startswith("u"):
        verb += 1   # 申请了提升补助资金: past the verb's particle
    obj = words[verb + 1:]
    if verb >= 0 and len("".join(w for w, _ in obj)) >= 2 and all(w != "的" for w, _ in obj) \
            and any(flag.startswith(_NOMINAL) for _, flag in obj):
        words = obj   # 实现利税, 要求公安机关说明不立案理由: the object verb's object
    while words and not "".join(w for w, _ in words).endswith(heads):
        if words[-1][1].startswith(_EDGE) or words[-1][1] == "t" or words[-1][0] in links \
                or len(words) > 1 and words[-1] in _SCOPE_POSTPOSITIONS:   # “小巨人”企业中，超八成…
            words.pop()
            continue
        k = len(words) - 1
        while k > 0 and words[k][1] == "v":
            k -= 1
        if k == len(words) - 1 or not words[k][1].startswith("d") or k == 0:
            break
        del words[k:]   # 花旗股价已累计跌去: the verbs after an adverb link the measure to the number
    while words and words[0][1].startswith(_LEADING) and not words[0][0].startswith(("“", "《")):
        words.pop(0)
    if not any(flag.startswith(_NOMINAL) for _, flag in words):
        return ""   # 年底前完成, 大幅“瘦身”至: a verb with no noun names no measure
    out = _reopen_quote("".join(w for w, _ in words).strip("“”\"'‘’、 "))
    return out if len(out) >= 2 else ""


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
