"""Event triggers: the verbs that name what happened on a date, and how one is chosen for a date.

Split from :mod:`extract.facts.events` (issue 11: modules of about 400 lines at most).
:func:`_trigger` picks the trigger for a date: the first trigger verb after it in its sentence
(before the next date), else one earlier in its own clause; :func:`_next_sentence` lets a date
that only sets the scene anchor the next sentence's trigger. A trigger verb followed by a noun
tail (考察站), out of its verb's context (通过 "by means of"), in a countdown or inside a
在…时 frame is none (:func:`_first_trigger`).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Optional, Sequence

from schemas import DateValue

from .dates import lexicon
from .event_places import _CLAUSE_END, WHEN_FRAME as _WHEN, _places

if TYPE_CHECKING:
    from .events import _Text

__all__ = ["triggers"]


@cache
def triggers() -> tuple[str, ...]:
    """Trigger verbs, longest first, loaded on first use."""
    path = resources.files("extract") / "data" / "event_triggers.txt"
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip()
        if w:
            words.append(w)
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def _trigger_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(w) for w in triggers()) + ")+")


def _noun(text: str, m: re.Match) -> bool:
    """考察站, 访问团, 主持人 (``trigger_nouns``): a trigger verb opening a noun names a thing, not a happening;
    通过保持投资 (``trigger_contexts``: 通过 is "by means of" without its verb's context) neither."""
    if text.startswith(_nouns(), m.start()):
        return True
    if m.group(0) in lexicon()["word_start_triggers"] and _glued(text, m.start()):
        return True   # 王先生于昨天抵达, 问题产生于1998年: 生于 is 先生|于, 产生|于
    if m.group(0) == "开始" and _start_of_period().match(text, m.end()):
        return True   # 从今年10月1日开始的2010财政年度: a period named by its start
    ctx = lexicon()["trigger_contexts"].get(m.group(0))
    if ctx is None:
        return False
    if text.startswith(tuple(ctx.get("not_after", ())), m.end()) or m.end() == len(text):
        return "not_after" in ctx   # 开始的, 开始后: no happening's start
    return "after" in ctx and not (text.startswith(tuple(ctx["after"]), m.end())
                                   or text.endswith(tuple(ctx["before"]), 0, m.start()))


def _glued(text: str, i: int) -> bool:
    """The character before ``i`` and the one at it are a word (words.txt, or jieba's dictionary:
    先生, 考生, 产生): a trigger starting at ``i`` is no word of its own there."""
    if i == 0:
        return False
    from .event_verbs import is_word   # event_verbs imports this module

    return is_word(text[i - 1:i + 1])


@cache
def _start_of_period() -> re.Pattern:
    nouns = "|".join(map(re.escape, lexicon()["start_period_nouns"]))
    return re.compile(rf"的(?:[0-9０-９一二三四五六七八九〇○零]{{2,4}}年?)?(?:{nouns})")


@cache
def _nouns() -> tuple[str, ...]:
    return tuple(lexicon()["trigger_nouns"])


@cache
def _year_verb_re() -> re.Pattern:
    """A trigger that closes its phrase right after a year: 一九九四年成立的 (not 去年通过运河)."""
    return re.compile(_trigger_re().pattern + r"(?=[的了，,。；;、并后])")


_GOVERNS = re.compile(r"[在于](?:北京时间|当地时间)?")
_LIGHT_VERBS = ("进行",)   # a light verb: a trigger right after it in the clause names the happening
_LIGHT_OBJECT = re.compile(r"进行了?(?:(?:[一两二三四五六七八九十0-9]+|首)[次场轮项个])?(?![了的])[\u4e00-\u9fff]{2}(?<![了的和与次场轮项个])"
                           r"(?=[，。；、,;!?！？）)]|并|和|$)")   # the noun ends the clause: not 进行了为期…
_COUNTDOWN = re.compile(r"[离距][^，。；]{1,20}?(?:还有|仅剩|只剩|尚有|只有|仅有)")


def _countdown(text: str, tx: _Text, pos: int) -> bool:
    """离欧元启动仅剩九天, 离冰雪节开幕还有20多天: a trigger in a countdown clause is what is
    awaited, not what happened on the date."""
    a = tx.clause_start(pos, max(0, pos - 30))
    return bool(_COUNTDOWN.match(text, a, tx.clause_end(pos, len(text))))




def _when_frame(text: str, tx: _Text, pos: int, lo: int = -1) -> bool:
    """在进行结售汇业务时，…将正式启用: a trigger inside a 在…时 frame (…之时, …的时候, …之际)
    sets the time of what follows; the happening is the clause after it. Not a frame that opens
    right at ``lo``, after the date: 法国队12日在马赛战胜南非队后 is what happened on the 12th; nor
    one that holds the date (在2010年7月21日…正式启动“剑网行动”之后: the launch is that day's)."""
    a = tx.clause_start(pos, max(0, pos - 32))
    return any(m.start() <= pos < m.end() and m.start() > lo
               for m in _WHEN.finditer(text, a, tx.clause_end(pos, len(text)) + 1))


def _first_trigger(text: str, tx: _Text, lo: int, hi: int, spans) -> Optional[re.Match]:
    """The first trigger in ``lo..hi`` that is no part of a place, a noun (考察站) or a title
    (《…实施方案》) and not in a countdown, a 在…时 frame or an 对…表示 topic. A trigger that
    straddles two words (自发|来到 holds 发来) is none; the search goes on inside it (来到)."""
    pos = lo
    while (m := _trigger_re().search(text, pos, hi)) is not None:
        if _straddles(text, m):
            pos = m.start() + 1
            continue
        if usable(text, tx, m, lo, spans):
            return _after_start(text, m)
        pos = m.end()
    return None


def _straddles(text: str, m: re.Match) -> bool:
    """The match's first character ends a word with the one before it, its last character starts
    a word with the one after it (自发来到: 自发 and 来到), and the tagger's segmentation of the
    words around it cuts inside it (自发|来到|位于): it is no word there. Both pairs alone are
    not enough: 来到 in 自发来到位于 has 发来 before and 到位 after."""
    if not (_glued(text, m.start()) and m.end() < len(text) and _glued(text, m.end())):
        return False
    from .event_verbs import _tagger   # event_verbs imports this module

    lo = max(0, m.start() - 6)
    cuts, pos = set(), lo
    for w in _tagger().tokenizer.cut(text[lo:m.end() + 6], HMM=False):
        pos += len(w)
        cuts.add(pos)
    return any(m.start() < c < m.end() for c in cuts)


def usable(text: str, tx: _Text, m: re.Match, lo: int, spans) -> bool:
    """Whether the verb ``m`` (a listed trigger, or :mod:`extract.facts.event_verbs`' clause verb)
    can name the happening of a date ending at ``lo``: it lies in no place, noun (考察站) or title
    (《…实施方案》), and not in a countdown, a 在…时 frame, an 对…表示 topic or a purpose."""
    return not any(a <= m.start() < b for a, b in spans) and not _noun(text, m) and not _in_title(text, m.start()) \
        and not _says(text, m) and not _newly(text, m) and not _aggregate_or_object(text, m) \
        and not _countdown(text, tx, m.start()) and not _when_frame(text, tx, m.start(), lo) \
        and not _topic(text, tx, m) and not _purpose(text, m)


def _purpose(text: str, m: re.Match) -> bool:
    """日本为迎接奥运会，修建了第一条高速铁路: a trigger right after 为/为了 (``purpose_markers``), or
    after 用于/用来/以便… earlier in its clause (``in_clause``: 拨款…用于对特困生进行奖励), is what the
    happening is for; 成为, 评为 and 较为 close a word, no marker."""
    spec = lexicon()["purpose_markers"]
    head = re.split(r"[，,。；;：:！？!?\n]", text[max(0, m.start() - 16):m.start()])[-1]
    if any(w in head for w in spec["in_clause"]):
        return True   # 拨款16万元用于对特困生进行奖励: what the money is for
    for marker in spec["markers"]:
        if text.endswith(marker, 0, m.start()):
            before = text[m.start() - len(marker) - 1:m.start() - len(marker)]
            return marker != "为" or not before or before not in spec["not_after"]
    return False


def _aggregate_or_object(text: str, m: re.Match) -> bool:
    """世界各地华人华侨纷纷举行各种活动: 纷纷 sums many happenings, none dated as one. …撤销镇政府的行政
    决定。: a trigger ending its sentence right after 的 (and at most two characters) is the object
    named, a noun (not …更大的碰撞，, a happening told on; nor 以…的成绩夺冠, whose 以…的成绩 is the means)."""
    if text[max(0, m.start() - 3):m.start()].endswith(("纷纷", "纷纷地")):
        return True
    return text[m.end():m.end() + 1] in ("。", "；", "") and "的" in text[max(0, m.start() - 3):m.start()] \
        and not _MEANS_PHRASE.search(text, max(0, m.start() - 30), m.start())


#: 以六十二米七三的成绩夺冠: a 以…的 phrase of means right before the trigger (not its object)
_MEANS_PHRASE = re.compile(r"以[^，,。；;：:]{1,24}的[\u4e00-\u9fff]{1,2}$")


def _newly(text: str, m: re.Match) -> bool:
    """在华工园新落成的…大楼内, 新成立的公司: 新 + trigger + 的 describes a thing as new, no happening."""
    return text[m.start() - 1:m.start()] == "新" and text.startswith("的", m.end())


_SPEECH_SAYS = re.compile(r"[^，。；,;]{0,12}?(?:讲话|贺词|谈话|演说|演讲|声明)(?:时|中)?(?:说|指出|表示|强调)")


def _says(text: str, m: re.Match) -> bool:
    """布莱尔31日发表新年贺词说…, 发表重要讲话强调…: a speech given to say something is a statement;
    what is said is reported, and the speech is no happening of its own."""
    return m.group(0) == "发表" and _SPEECH_SAYS.match(text, m.end()) is not None


def _in_title(text: str, pos: int) -> bool:
    """《中共故城县委关于…的实施方案》: a word of a title names the document, not a happening; so
    does a word of a short quoted name with no clause break inside (“九六税改及…执行实务研讨会”)."""
    if in_book_title(text, pos):
        return True
    opened, close = text.rfind("“", max(0, pos - 30), pos), text.find("”", pos, pos + 30)
    return opened >= 0 and close >= 0 and not _QUOTE_BREAK.search(text, opened, close)


def in_book_title(text: str, pos: int) -> bool:
    """``pos`` lies inside 《…》 (opened at most 60 characters before it, closed within 60 after)."""
    opened = text.rfind("《", max(0, pos - 60), pos)
    return opened >= 0 and "》" not in text[opened:pos] and "》" in text[pos:pos + 60]


_QUOTE_BREAK = re.compile(r"[”，。；！？,;!?：:]")


_TOPIC_AFTER = re.compile(r"[^，。；,;]{0,4}?表示")


def _topic(text: str, tx: _Text, m: re.Match) -> bool:
    """对邓小平逝世表示哀悼, 对会议召开表示祝贺: a trigger between 对 and 表示 in its clause is what
    the feeling is about, not what happened on the date (the letter or the call is)."""
    a = tx.clause_start(m.start(), max(0, m.start() - 24))
    return "对" in text[a:m.start()] and _TOPIC_AFTER.match(text, m.end()) is not None


def _after_start(text: str, m: re.Match) -> re.Match:
    """开始交付: the trigger after 开始 is the happening (开始 alone only before another verb)."""
    if m.group(0).startswith("开始") and len(m.group(0)) > 2:
        return _trigger_re().match(text, m.start() + 2, m.end()) or m
    return m


def _next_sentence(text: str, tx: _Text, d: DateValue, ordered: Sequence[DateValue], floor: int, s_end: int):
    """今天上午，全国政协礼堂张灯结彩，喜气洋洋。…在这里举行…: a date opening a sentence that
    has no trigger verb sets the scene; it anchors the first trigger of the next sentence when
    that sentence has no date of its own. (trigger, place spans, new sentence end) or None."""
    c_start = tx.clause_start(d.start, floor)   # the date opens the sentence (or what follows 记者…报道：)
    if d.start - c_start > 2 or c_start > floor and text[c_start - 1] not in "：:" \
            or tx.trigger_before(floor, s_end) is not None:
        return None
    nxt = tx.next_sentence(s_end)
    if nxt is None:
        return None   # a paragraph break, a clipped window or a ； ends the scene
    ns, ne = nxt
    if any(ns <= e.start < ne for e in ordered):
        return None
    spans = _places().spans(text, c_start, ne)
    mt = _first_trigger(text, tx, ns, ne, spans)
    if mt is None or text.startswith("的", mt.end()) or _NEGATION.search(text, tx.clause_start(mt.start(), ns), mt.start()) \
            or _REPORTED.search(text, ns, mt.start()):
        return None   # 新成立的中心 (an attribute), 没有计划举行, 应当尽快召开 (not done), 专家指出，…: not what happened
    return mt, spans, ne


def rescheduled(text: str, d: DateValue) -> bool:
    """延迟至9月4日, 推迟到下月5日 (``anchor_rescheduled``): the date is a happening's new date; it
    anchors the trigger after it only (上映时间延迟至六月底 ends a delay: no event)."""
    return text.endswith(rescheduling_words(), 0, d.start)


@cache
def rescheduling_words() -> tuple[str, ...]:
    """``anchor_rescheduled`` (延迟至, 推迟到…), read once."""
    return tuple(lexicon()["anchor_rescheduled"])


@cache
def _speech_head_re() -> re.Pattern:
    """A ``speech_words`` word with only a speaker's name (2 to 24 characters) after it."""
    words = "|".join(map(re.escape, lexicon()["speech_words"]))
    return re.compile(rf"(?:{words})(?=[\u4e00-\u9fff·]{{2,24}}$)")


def _speech_header(text: str, tx: _Text, d: DateValue, c_start: int):
    """在…午宴上的讲话中华人民共和国主席江泽民（一九九七年十一月二日）: a date in brackets right
    after a speaker, under a title ending in a ``speech_words`` word, dates that speech; the
    result is shaped as :func:`_trigger`'s (the speech word as the trigger), or None."""
    if text[d.start - 1:d.start] not in ("（", "(") or text[d.end:d.end + 1] not in ("）", ")"):
        return None
    lo = max(c_start, d.start - 1 - 40, text.rfind("\n", 0, d.start) + 1)
    m = None
    for m in _speech_head_re().finditer(text, lo, d.start - 1):
        pass
    return None if m is None else (m, True, lo, _places().spans(text, lo, m.start()))


def _prevented(text: str, a: int, b: int) -> bool:
    """A ``prevention_cues`` word (以防, 以免, 防止…) between the date and the trigger."""
    return any(text.find(w, a, b) >= 0 for w in lexicon()["prevention_cues"])


_NEGATION = re.compile("[没未不无]|应当|应该|要|将|拟|计划|准备|希望")


@cache
def _step_re() -> re.Pattern:
    steps = lexicon()["step_verbs"]
    verbs = "|".join(map(re.escape, sorted(steps["verbs"], key=len, reverse=True)))
    return re.compile(rf"(?:{verbs})(?![{''.join(steps['not_followed_by'])}])")


def _step(text: str, d: DateValue) -> Optional[re.Match]:
    """1952年任…组长, 1975年后任…, 1990年12月离休: a biography's step verb (``step_verbs``) right
    after the date, or after 后/起 that follows it."""
    at = d.end + (text[d.end:d.end + 1] in ("后", "起"))
    return _step_re().match(text, at)


def _trigger(text: str, tx: _Text, d: DateValue, c_start: int, bound: int):
    """(trigger match, same clause?, clause start, place spans) for the date ``d``: the first
    trigger after it before ``bound`` not inside a place, else one earlier in its own clause
    not across a 的 (因举行集会而被捕的15名分子2日…); None without one."""
    spans = _places().spans(text, c_start, bound)
    if (step := _step(text, d)) is not None:
        return step, True, c_start, spans
    pre = None if rescheduled(text, d) else tx.trigger_before(c_start, d.start)
    if pre is not None and _GOVERNS.fullmatch(text, pre.end(), d.start) and pre.group(0) not in lexicon()["plan_verbs"]:
        return pre, True, c_start, spans   # 碰撞发生在十七日下午二时半: the verb governs the date (not 决定于5日召开)
    mt = _first_trigger(text, tx, d.end, bound, spans)
    while mt is not None and _attribute(text, tx, d, mt):
        mt = _first_trigger(text, tx, mt.end(), bound, spans)
    if (said := _dated_statement(text, tx, d, bound)) is not None and (mt is None or said.start() < mt.start()):
        return said, True, c_start, spans   # 俄罗斯国防部24日表示，…: a statement on a day is the happening
    if mt is not None and (_REPORTED.search(text, d.end, mt.start()) or _prevented(text, d.end, mt.start())):
        mt = None   # 黄信敬昨日表示，…计划今年新开工: what is said; …以防…起火爆炸: what is to be prevented
    if mt is not None and d.precision == "year" and (k := text.find("的", d.end, mt.start())) >= 0 \
            and not any(ch in _CLAUSE_END for ch in text[d.end:k]) and text[d.end:k] not in lexicon()["seasons"]:
        mt = None   # 曾于1998年担任总理的X被任命为: the year is inside a relative clause (not 2023年，公司的…, 1994年冬的一个深夜)
    if mt is not None and mt.group(0) in _LIGHT_VERBS:   # 进行正式友好访问: the noun names the event
        nxt = _trigger_re().search(text, mt.end(), min(bound, mt.end() + 16))
        if nxt is not None and tx.clause_end(mt.end(), bound) >= nxt.end():
            mt = nxt
        else:   # 进行协商: no trigger noun; the light verb with the word after it
            mt = _LIGHT_OBJECT.match(text, mt.start(), tx.clause_end(mt.end(), bound)) or mt
    same_clause = mt is not None and tx.clause_end(d.end, bound) >= mt.end()
    if mt is None:
        mt = None if rescheduled(text, d) else tx.trigger_before(c_start, d.start)
        if mt is not None and "的" in text[mt.end():d.start]:
            mt = None
        same_clause = True
    if mt is None and text[max(0, d.start - 1):d.start] in ("从", "自"):
        mt = _START.match(text, d.end + text.startswith("份", d.end))
        if mt is not None and text.startswith("的", mt.end()):
            mt = None   # 从今年10月1日开始的2010财政年度: the start of a period named, no happening
    return None if mt is None else (mt, same_clause, c_start, spans)


_AT_MEETING = re.compile(r"[^，。；,;]{0,12}?会[上中]")


def _attribute(text: str, tx: "_Text", d: DateValue, mt: re.Match) -> bool:
    """A trigger + 的 in a clause after the date's is an attribute, not what happened on the date:
    遇难的队员…被安放 (opening the clause), 纽约新上市的外国企业共有61家; not 在瑞士举行的比赛中
    获得亚军, where 在 before it makes it the dated happening's own clause."""
    if not text.startswith("的", mt.end()) or not any(ch in _CLAUSE_END for ch in text[d.end:mt.start()]) \
            or _AT_MEETING.match(text, mt.end() + 1):
        return False   # 在5月10日，绿城集团举办的媒体恳谈会上: the dated meeting itself
    c = tx.clause_start(mt.start(), d.end)
    return mt.start() - c <= 1 or not re.search("[在于]", text[c:mt.start()])


@cache
def _statement_re() -> re.Pattern:
    """The verbs of a dated statement (``dated_statement_verbs``), not inside another word: 称 not in
    名称/简称/称为/称号, 说 not in 小说/据说/说明 nor 对于…来说/也就是说/可以说 (发表声明 keeps 发表: a trigger found first wins, see :func:`_trigger`)."""
    verbs = sorted(lexicon()["dated_statement_verbs"], key=len, reverse=True)
    alts = "|".join("(?<![名简职号堪对])称(?![为号作赞呼道])" if v == "称" else
                    "(?<![小解传学演听据游劝来是话再以该如])说(?![明法服成是])" if v == "说" else re.escape(v) for v in verbs)
    return re.compile(f"(?<![不没未别])(?:{alts})(?!的)")


def _dated_statement(text: str, tx: _Text, d: DateValue, bound: int, after: Optional[int] = None) -> Optional[re.Match]:
    """俄罗斯国防部24日表示，…, 克林顿28日在白宫举行的记者会上宣布: a statement verb in the date's own
    clause after a date of a day (design.md: "a dated statement (说, 表示, 宣布, 警告, 谴责 on a day)"),
    from ``after`` on (the date's end by default); not one dated by a month, a year or a vague word,
    not one inside a title or a noun."""
    if d.precision not in ("day", "time"):
        return None
    pos, end = d.end if after is None else after, tx.clause_end(d.end, bound)
    while (m := _statement_re().search(text, pos, end)) is not None and text.endswith(("发表", "发布", "的"), 0, m.start()):
        pos = m.end()   # 发表声明指出: the statement issued is a noun; the verb after it says
    if m is not None and (then := _statement_re().match(text, m.end())) is not None:
        m = then   # 今日公告称, 声明说: the notice is what says; the verb after it names the saying
    return m if m is not None and not _in_title(text, m.start()) else None


#: what closes a frame of the happening before a statement (在…考察时指出, 在…会议上强调, 抵达…后说)
_FRAME_CLOSE = re.compile(r"(?:时|后|之后|以后|之际|上|中|期间)[，,]?(?:[向对给跟同][^，。；,;]{1,12}?)?(?:也|还|又|再次|再|明确|郑重|正式|公开)?$")


def statement_after_frame(text: str, tx: _Text, d: DateValue, mt: re.Match, bound: int) -> Optional[re.Match]:
    """温家宝今天上午在北大方正集团公司调查研究时指出, 李铁映今天在此间召开的…会议上指出, 哈拉齐今天下午在
    抵达伊斯兰堡机场后对记者说: the date's happening (``mt``) frames a statement made at it, which is
    a dated statement of its own (design.md); the frame closes right before the verb (时, 后, 上…,
    perhaps with 对记者 and an adverb between)."""
    c = tx.clause_start(d.start, max(0, d.start - 60))
    if "在" in text[c:d.start] and "在" not in text[d.end:mt.start()]:
        return None   # 大臣是在记者招待会上介绍西班牙从9月1日起接任…时说: the date is inside the frame, not the saying's
    m = _dated_statement(text, tx, d, bound, mt.end())
    return m if m is not None and _FRAME_CLOSE.search(text, mt.end(), m.start()) else None


# a statement verb before its report (称 and 说 not inside 名称, 简称, 小说, 传说…)
_REPORTED = re.compile(r"(?:表示|指出|认为|强调|透露|介绍|(?<![名简职号堪对])称|(?<![小解传学演听])说)[：:，,]")
_START = re.compile("开始")  # 大检查从十月份开始，…: with no other trigger, the start is the happening
