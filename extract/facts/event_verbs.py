"""The verb of a dated clause that holds no listed trigger (issue 15: events recall).

The trigger list (``data/event_triggers.txt``) names the verbs of news happenings: 召开, 签署,
访问. Real text reports happenings with any verb: 18日，五星红旗…三次升起, 27日，…危机加剧,
今天下午，…记者登上了…航班. When a date anchors a clause and no listed trigger follows it, the
clause's main verb is taken instead: the clause is tagged by jieba's part-of-speech tagger (its
dictionary tags every word it knows; loaded on first use, never at import, less its rare words:
``MIN_FREQ``) and the first verb is kept that

* is a verb (jieba's ``v``) of two characters or more (一个 单字 verb such as 是, 有, 到 says
  too little to name a happening), a one-character verb and the complement jieba cut from it
  counting as one (送|上 is 送上: ``fallback_verbs.complements``);
* does not open with a negation (不足以, a state: the search stops there);
* is not a stative, modal, speech or aggregate verb (``fallback_verbs.not`` in
  ``data/date_lexicon.json``: 表示, 需要, 达到, 增长…), nor after one in its clause (计划通过…来实现目标:
  a plan, no happening);
* does not open a relative clause: a verb with 的 after it before the next verb or the clause's
  end describes a noun (采访…的记者登上了: 登上, not 采访), and one right before a noun head
  (``fallback_verbs.noun_heads``: 扩大会议) modifies it;
* does not follow a means word (``fallback_verbs.not_after``: 通过降低…减轻, 减轻 not 降低).

The fallback looks at the date's own clause, or the next one when the date stands alone before
a comma (18日，…). It gives a lower score than a listed trigger (``rule`` ends ``:verb``).
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from extract.model import model_dir

from . import lexicon as facts_lexicon
from .dates import lexicon
from .event_places import _places
from .event_triggers import rescheduling_words, triggers, usable
from .wordfeats import lexicon_words

if TYPE_CHECKING:
    from schemas import DateValue

    from .events import _Text

__all__ = ["clause_verb", "is_word", "tag", "text_outside"]


@cache
def _tagger():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer(str(_dictionary(Path(jieba.__file__).with_name("dict.txt"))))
    for word, tag in tagger_words():
        tokenizer.add_word(word, _ADDED_FREQ, tag)   # 沪指 (jieba knows 指报: 沪指报 was 沪 + 指报)
    return jieba.posseg.POSTokenizer(tokenizer)


#: the frequency a word of tagger_words.txt is given: that of a common word, so it wins over a
#: dictionary word that overlaps it (指报) without outweighing the words around it
_ADDED_FREQ = 2000
TAGGER_WORDS = Path(__file__).resolve().parent.parent / "data" / "tagger_words.txt"


@cache
def tagger_words() -> tuple[tuple[str, str], ...]:
    """(word, tag) pairs of ``data/tagger_words.txt``: words the tagger is given on top of its dictionary."""
    out = []
    for line in TAGGER_WORDS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            word, tag = line.split()
            out.append((word, tag))
    return tuple(out)


#: jieba's words kept for tagging: those seen at least this often in its corpus (80k of 349k words;
#: loading all of them took 1.0 s and 85 MB more at start-up, bench/bench_speed.py)
MIN_FREQ = 20


def _dictionary(full: Path) -> Path:
    """jieba's dictionary less its rare words, written once beside the pkuseg model's cache
    (``~/.cache/newsfacts/jieba``, or the temporary directory when that is not writable); derived
    from the installed jieba at first use, so nothing of it is kept in the repository."""
    for root in (model_dir().parent / "jieba", Path(tempfile.gettempdir()) / "newsfacts-jieba"):
        out = root / f"dict-min{MIN_FREQ}-{full.stat().st_size}.txt"
        if out.exists():
            return out
        try:
            root.mkdir(parents=True, exist_ok=True)
            kept = [line for line in full.read_text(encoding="utf-8").splitlines()
                    if len(parts := line.split(" ")) == 3 and int(parts[1]) >= MIN_FREQ]
            tmp = out.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
            os.replace(tmp, out)   # atomic: a parallel worker sees the whole file or none
            return out
        except OSError:
            continue
    return full


#: a negation right before a verb: nothing happened (没领到, 未出席, 不参加)
_NEGATIONS = ("没有", "没", "未", "不", "从未", "尚未")
#: a character after a verb, or closing a longer word, that makes it a noun (发行数, 发行量, 贴补率, 拍卖行)
_NOUN_TAILS = frozenset("数量率者行员额费期")


@cache
def _listed() -> frozenset[str]:
    return frozenset(triggers())


@cache
def _noun_heads() -> tuple[str, ...]:
    return tuple(lexicon()["fallback_verbs"]["noun_heads"])


@cache
def _means() -> tuple[str, ...]:
    return tuple(lexicon()["fallback_verbs"]["not_after"])


@cache
def _org_endings() -> tuple[str, ...]:
    """The strong organisation endings (银行, 公司…), built once: a verb before one is part of a name."""
    return tuple(facts_lexicon.strong_org_suffixes())


@cache
def _jieba_nouns() -> frozenset[str]:
    return frozenset(lexicon()["fallback_verbs"]["nouns"])


@cache
def _not_verbs() -> frozenset[str]:
    return frozenset(lexicon()["fallback_verbs"]["not"])


def _inside_word(text: str, a: int, b: int) -> bool:
    """A word of words.txt, longer than ``text[a:b]``, that holds it (发改委 holds 发改, 住保办 holds 保办):
    the tagger's verb is a piece of a name or a noun."""
    words, index = lexicon_words()
    for s in range(max(0, a - 3), a + 1):
        for n in index.get(text[s], ()):
            if s + n >= b and n > b - a and text[s:s + n] in words:
                return True
    return False


def is_word(w: str) -> bool:
    """Whether ``w`` is a word of words.txt or of the tagger's dictionary (先生, 派发, 大增)."""
    if w in lexicon_words()[0]:
        return True
    tk = _tagger().tokenizer
    tk.check_initialized()
    return bool(tk.FREQ.get(w))


def tag(text: str) -> list[tuple[str, str]]:
    """``text`` as the tagger's dictionary cuts and tags it, without guessing unknown words (HMM off):
    华为/nr 技术/n, 对于/p 中国银行/nt."""
    return [(w.word, w.flag) for w in _tagger().cut(text, HMM=False)]


def text_outside(text: str, a: int, b: int, spans) -> str:
    """``text[a:b]`` less the ``spans`` (in order) inside it: the place spans after 在/于, a bracketed gloss."""
    out, k = [], a
    for p, q in spans:
        if p >= a and q <= b:
            out.append(text[k:p])
            k = q
    return "".join(out) + text[k:b]


def clause_verb(text: str, tx: "_Text", d: "DateValue", c_start: int, bound: int) -> Optional[tuple]:
    """The main verb of the date ``d``'s clause (or of the next clause when the date stands alone
    before a comma) up to ``bound``, as :func:`extract.facts.event_triggers._trigger` gives a trigger
    (the match, same clause, the clause start ``c_start``, the place spans); None without one. It looks at that
    one clause only: going on to the next clause when the first holds no verb but verbs used as
    nouns (国家林业局根据火场前线的请求，紧急调拨…) found 5 more events on the tuned parts for 23
    false ones, and was dropped."""
    if d.end_value is not None:
        return None   # 去年1至6月…查办的63起: a span of time frames totals, no one happening
    lo = d.end
    hi = tx.clause_end(lo, bound)
    frame = text[lo:hi].strip() in ("起", "开始") and text[max(0, d.start - 1):d.start] in ("从", "自")
    alone = (frame or not any(ch.isalnum() for ch in text[lo:hi])) and hi < bound   # 从1月1日起，…纳入
    if alone:
        lo = hi + 1   # 18日，五星红旗…升起: the date stands alone, its clause follows
        hi = tx.clause_end(lo, bound)
    if hi - lo < 2:
        return None
    return _verb_in(text, tx, d, c_start, bound, lo, hi, alone)


def _compounds(tagged: list[tuple]) -> list[tuple]:
    """A one-character verb and the directional or result complement jieba cut from it (送|上,
    运|往, 寄|来) joined into the two-character verb they make (送上, 运往, 寄来)."""
    comp = lexicon()["fallback_verbs"]["complements"]
    out: list[tuple] = []
    for at, word, flag in tagged:
        if out and out[-1][2] == "v" and len(out[-1][1]) == 1 and word in comp and out[-1][0] + 1 == at:
            out[-1] = (out[-1][0], out[-1][1] + word, "v")
        else:
            out.append((at, word, flag))
    return out


def _verb_in(text: str, tx: "_Text", d: "DateValue", c_start: int, bound: int, lo: int, hi: int, alone: bool):
    """The verb of ``lo..hi`` (a match), or None when no verb of the clause names a happening."""
    tagged, pos = [], lo
    for w in _tagger().cut(text[lo:hi]):
        tagged.append((pos, w.word, w.flag))
        pos += len(w.word)
    tagged = _compounds(tagged)
    skip, listed = _not_verbs(), _listed()
    place_spans = cache(lambda: _places().spans(text, c_start, bound))   # computed once, when first asked
    co_verbs = lexicon()["fallback_verbs"]["co_verbs"]
    for k, (at, word, flag) in enumerate(tagged):
        if word in co_verbs:
            continue   # 于1989年联合派出: 联合 (jointly) is the manner of the verb after it
        if word in skip and flag == "v":
            return None   # 计划通过…来实现目标, 重申…: a plan, a statement or a trend frames what follows
                          # (not 发展 inside 广东发展银行, a name's part)
        if flag != "v" or len(word) < 2 or len(word) > 2 and word[-1] in _NOUN_TAILS or word in _jieba_nouns():
            continue   # 山西年轻选手魏建华: jieba tags 选手 v (fallback_verbs.nouns)
        if not alone and "的" in text[d.end:at] and "的" in text_outside(text, d.end, at, place_spans()):
            return None   # 关于做好1998年元旦…工作的通知, 去年12月…产品的发行数: the date is inside a noun phrase
                          # (not 4月7日在…约190公里的安东市出土: a 的 inside the place)
        if text.startswith(rescheduling_words(), at):
            return None   # 从今年四月也延迟至9月4日上映: the old date; the new one anchors the happening
        if text.endswith(_means(), 0, at) or text[at - 1:at] == "的":
            continue   # 通过降低…减轻: 降低 is the means; 前线的请求: a verb after 的 is a noun
        if word.startswith(_NEGATIONS):
            return None   # 资金已不足以支付: a negated state; what it governs did not happen
        if text.endswith(_NEGATIONS, 0, at):
            continue   # 9个月没领到工资: what did not happen is no happening (一直未开通的…丢失: the next verb may be)
        if word[0] in _NOUN_TAILS and at > lo and text[at - 1] not in "，,、 ":
            continue   # 下岗率为7％: jieba's 率为 is a noun's tail (下岗率) and 为
        if text.startswith(_org_endings(), at + len(word)):
            continue   # 日本第一劝业|银行: a verb right before an organisation's ending is part of its name
        if _inside_word(text, at, at + len(word)):
            continue   # 发改|委, 住|保办: jieba split a name of words.txt (发改委, 住保办); no verb there
        if word in facts_lexicon.titles() and text[at + len(word):at + len(word) + 1] in facts_lexicon.surnames():
            continue   # 导演陈健携主演…: a title (titles.txt) before a surname names a person, no happening
        rest = tagged[k + 1:]
        if rest and rest[0][2] == "ng":
            continue   # 申诉|状: a noun morpheme after the verb makes a noun of it (申诉状)
        nxt = next((j for j, (_, _, f) in enumerate(rest) if f == "v"), len(rest))
        disposal = any(w == "把" and f == "p" for _, w, f in tagged[:k])   # 又把两万元放进黄的抽屉里: the predicate
        if not disposal and any(w == "的" for _, w, _ in rest[:nxt]) or text[at + len(word):at + len(word) + 1] in _NOUN_TAILS \
                or text.startswith(_noun_heads(), at + len(word)):
            continue   # 采访…的记者, 发行数, 扩大会议: the verb describes or names a thing
        if word in listed:
            return None   # a listed trigger the trigger rules set aside (发布消息 said, 开幕还有20多天)
        m = re.compile(re.escape(word)).match(text, at)
        spans = place_spans()   # only for a verb found: most dates stop before
        return (m, True, c_start, spans) if usable(text, tx, m, d.end, spans) else None
    return None
