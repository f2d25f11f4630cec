"""Event places: the full place after 在/于, 在这里 resolved, and a clause that is only a place.
Split from :mod:`extract.facts.events` (issue 11: modules of about 400 lines at most); the rule
is in :meth:`_Places.place_at`."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING, Optional

from schemas import DateValue

from . import lexicon as facts_lexicon
from .dates import lexicon
from .orgnames import title_ends_at
from .wordfeats import lexicon_words

if TYPE_CHECKING:
    from .events import _Text

_CLAUSE_END = "，,：:。！？!?；;\n"
HERE = _HERE = ("这里", "此间", "这儿")  # the place is the one named before, else the dateline's
_MAX_LOCATION = 15
_MAX_PLACE = 24  # characters after 在/于 searched for the place
# 在北京和深圳两地, 在北京、河北等省市: coordinated places closed by a count of places or 等…
_MEMBER = r"(?:(?![和与及、])[\u4e00-\u9fff]){1,8}?"   # a place joined by 和/与/及/、 (never one itself: linear)
_COORDINATED = re.compile(rf"{_MEMBER}(?:[和与及、]{_MEMBER})+(?:[两三四五六七八九十几多]地|等地|等省市|等省区)")
# 在…时, 在…之际, 在…后, 在…过程中, 在…训练中, 在…的协助下, 在中方建议下: a frame of time, of an activity or of help, not a place (在进行结售汇业务时, 在两地步入新时期之际)
# (the frame's words: no 在 but in 正在/所在…, and no 举行的: 在X举行的比赛中 names the place X)
# (a frame of help that lists people may hold commas: 在中共中央政治局委员、国务委员李铁映，…罗干等同志陪同下)
_HELP = r"(?:协助|帮助|支持|领导|指导|带领|配合|陪同|主持|建议|倡议|推动|关怀|关心|号召|主导|资助|赞助|带动)下"
WHEN_FRAME = re.compile(r"在(?:(?!举行的|举办的|召开的|进行的)(?:[^，。；,;在]|(?<=[正所现存实])在)){1,40}?"
                        r"(?:(?:之时|的时候|之际|之后|之中|以后|(?:过程|训练|比赛|决赛|预赛|复赛|赛事|大赛|竞赛|较量|演习|活动|事故|冲突|战斗|行动|声|气氛|氛围)中"
                        rf"|{_HELP})"
                        r"|[时后](?=[，,；;。]|$))"
                        rf"|在(?=[^，,。；;在]{{1,20}}、)[^。；;在！？!?]{{1,60}}?{_HELP}")


def _doing(text: str, i: int) -> bool:
    """在查处中, 在调查中, 在谈判中: a verb of two characters (jieba's ``v``/``vn``) then 中 after 在 is
    the course of an activity, no place (在会议中, a noun, may still be one)."""
    if text[i + 2:i + 3] != "中":
        return False
    from .event_verbs import _tagger   # event_verbs imports this module

    return _tagger().word_tag_tab.get(text[i:i + 2]) in ("v", "vn")


def _triggers() -> tuple[str, ...]:
    from .event_triggers import triggers

    return triggers()


# a 在…后/时 frame right after a date (法国队12日在马赛战胜南非队后) is what happened then: its place
# stands (not a frame of an activity: 当日在战舰射击训练中遭遇意外)
_DATE_ENDS = ("日", "晚", "午", "天")
# a street address's number is part of the place (金乡镇狮山大道12号); no other digit is
_ADDRESS_NUMBER = re.compile(r"(?<=[路街道巷弄])[0-9０-９]{1,4}号")
_ALIAS = re.compile(r"[（(][^（()）]{1,24}[）)]")   # （setec）, （下称上海市规划局）
# a count or a distance inside a place is part of it (弗拉诺瓦茨等4个村庄, 以东约80公里的海面上); no other digit is
_INNER_COUNT = re.compile(r"(?<=[等的约国])[0-9０-９]{1,4}(?:个|公里|千米)")
# 在18个乡镇建起: a count of places opens the place when a place suffix closes it
_COUNT_OPENS = re.compile(r"[0-9０-９]{1,4}个(?=[\u4e00-\u9fff])")


class _Places:
    """Where things happen: the place after 在 or 于, by one rule (see :func:`place_at`)."""

    def __init__(self) -> None:
        lx = lexicon()
        self.preps = tuple(lx["location_preposition"])
        self.not_after = {"在": set(lx["location_not_after"]), "于": set(lx["location_not_after_yu"])}
        self.org_suffixes = tuple(s for s in facts_lexicon.org_suffixes() if len(s) >= 2)
        self.suffixes = tuple(sorted(lx["place_suffixes"], key=len, reverse=True))
        # after 在/于 an organisation can be the place (在香港贸易发展局举行): its suffix ends one too
        self.at_suffixes = tuple(sorted(set(self.suffixes) | set(self.org_suffixes) | {"局"},
                                        key=len, reverse=True))
        self.stops = re.compile("|".join(re.escape(w) for w in sorted(
            set(lx["location_stops"]) | set(_triggers()), key=len, reverse=True)))
        self.posts = tuple(sorted(lx["location_postpositions"], key=len, reverse=True))
        self.things = tuple(lx["thing_not_place"])
        self.meetings = tuple(lx["postposition_dropped_after"])
        self.clause_openers = tuple(lx["clause_place_not_start"])
        self.post_places = tuple(pl for pl in facts_lexicon.places() if len(pl) > 2 and pl.endswith(self.posts))
        self.trigger_words = tuple(_triggers())
        # known places and organisations holding a stop word (温得和克, 联合国): no stop inside them
        held = sorted((n for n in set(facts_lexicon.places()) | set(facts_lexicon.org_index()) if self.stops.search(n)),
                      key=len, reverse=True)
        self.holding_names = re.compile("|".join(map(re.escape, held))) if held else None
        from .claims_patterns import load_lexicon   # 在三峡工程工地: a name that starts with a numeral
        self.numeral_names = re.compile("|".join(re.escape(w) for w in load_lexicon()["names_with_numerals"]))
        times = "|".join(re.escape(w) for w in sorted(
            set(lx["location_not_start"]) | {w for w in lx["time_of_day"] if len(w) > 1} | set(lx["anaphoric_day"])
            | set(lx["relative_year"]) | set(lx["relative_day"]) | set(lx["named_days"])
            | {w + d for w in lx["week_words"] for d in lx["weekdays"]}
            | {o + w for o in lx["week_offsets"] for w in lx["week_words"]}, key=len, reverse=True))
        self.times = re.compile(times)
        self.not_start = re.compile(r"[0-9０-９一二三四五六七八九十〇○“”《》（）]|[百千万亿](?:元|美元|人|吨|余|多|以上|以下)|"
                                    + times)   # 在万元以上: an amount, no place (万县 stays)
        # 在晚上灯光下, 在去年国内, 于元旦前夕: a time, no place

    def place_at(self, text: str, i: int, hi: int) -> Optional[tuple[int, int]]:
        """The place introduced by the preposition at ``i`` (before ``hi``), or None.

        1. The place runs from after 在/于 to a clause break, at most ``_MAX_PLACE`` characters;
           places joined by 和/与/、 and closed by a count (两地) or 等地/等省市 are one place.
        2. Its end is the last place suffix (市, 中心, 机场, 寺 … ``place_suffixes``) in that run
           that no stop word or trigger verb comes before, except a trigger that only a place
           suffix follows (西昌卫星发射中心: 发射 is part of the name): the full place span.
        3. With no suffix, it ends before the first stop word or trigger (在北京出席 -> 北京),
           without a trailing postposition (在记者招待会上宣布 -> 记者招待会); a run opened by a
           demonstrative and a measure word (``thing_not_place``: 在这面旗上) is a thing, no place.
        """
        prep = self._preposition(text, i)
        if prep is None:
            return None
        j = i + len(prep)
        if text.startswith(prep, j):
            j += len(prep)   # 在在首尔贸易展览中心: a doubled preposition (a typing slip) is one
        if j < hi and text[j] == "“":
            return self._quoted(text, j, hi)
        counted = _COUNT_OPENS.match(text, j)
        if self._no_place_at(text, counted.end() if counted else j, hi):
            return None
        k = j   # step 1: the run up to a clause break
        while k < min(hi, j + _MAX_PLACE) and text[k] not in _CLAUSE_END and not text[k].isspace():
            k += 1
        run = text[j:k]
        if (named := self._before_alias(run)) is not None or (named := self._quote_after_place(run)) is not None:
            return j, j + named   # 首尔国际贸易会展中心（setec）; 在厚街镇“广东现代国际展览中心”举行
        first_stop = self._first_stop(run)
        coord = _COORDINATED.match(run)   # 北京和深圳两地: places joined by 和/与/、 and counted
        if coord and any(m.group() not in "和与及同" for m in self.stops.finditer(run, 0, coord.end())):
            coord = None   # 北京会见美国和日本等…: a verb or stop word inside is no list of places
        best = coord.end() if coord else self._suffix_end(run, first_stop)
        if not best and not run.startswith(self.things):   # 在这面旗上签了字: a thing, no place
            best = self._stop_end(run, first_stop, text, k, hi)
            if best == first_stop < len(run) and _splits_word(run, best):
                return None   # 在东亚首脑非正式会晤时: the stop 正式 is inside 非正式, no place ends there
        if counted and not run[:best].endswith(self.suffixes):
            return None   # 在5个方面取得进展: counted things, no place
        if not 1 <= best <= _MAX_LOCATION + 5 \
                or re.search(r"[\d“”《》（）]|第[一二三四五六七八九十](?![大高长])", _INNER_COUNT.sub("", _ADDRESS_NUMBER.sub("", run[counted.end() - j if counted else 0:best]))) \
                or self._time_inside(run[:best]):
            return None
        return j, j + best + self._postposition(run, best)

    def _postposition(self, run: str, best: int) -> int:
        """1 when a postposition of one character (``location_postpositions``: 上, 里, 内, 中, 外, 前) right
        after the place belongs to it: a physical place keeps it (在高速公路上, 在体育馆里, 在家中), a
        meeting or ceremony does not
        (在记者招待会上: ``postposition_dropped_after``), nor does a word it opens (在香港上市, 在北京中心)."""
        post = run[best:best + 1]
        if not post or post not in self.posts or run[:best].endswith(self.meetings) \
                or run[best:best + 2] in lexicon_words()[0]:
            return 0
        return 1

    def _preposition(self, text: str, i: int) -> Optional[str]:
        """The 在/于 at ``i`` that can introduce a place, or None: not after ``location_not_after``
        (正在, 位于…), not a surname after a title (主任于建勇), not opening a 在…时/后 frame unless
        the frame comes right after a date."""
        prep = next((p for p in self.preps if text.startswith(p, i)), None)
        if prep is None or (i > 0 and text[i - 1] in self.not_after.get(prep, ()) and not _office_before(text, i)):
            return None
        if prep == "于" and title_ends_at(text, i):
            return None   # 副主任于建勇等领导出席: 于 after a title is a surname, no preposition
        frame = WHEN_FRAME.match(text, i)
        if frame and not (text[i - 1:i] in _DATE_ENDS and frame.group().endswith(("后", "时"))):
            return None
        if prep == "在" and _doing(text, i + 1):
            return None   # 在查处中竟发现: in the course of doing, no place
        return prep

    def _quote_after_place(self, run: str) -> Optional[int]:
        """厚街镇“广东现代国际展览中心”举行: a place, then a quoted name that a place or organisation
        suffix ends, then a stop or trigger: the place runs to the closing quote (its length)."""
        q = run.find("“")
        close = run.find("”", q + 1) if q >= 2 else -1
        if close < 0 or not run[:q].endswith(self.at_suffixes) or self._first_stop(run[:q]) < q \
                or not run[q + 1:close].endswith(self.at_suffixes) or not self.stops.match(run, close + 1) \
                or self._time_inside(run[:q]):
            return None
        return close + 1

    def _before_alias(self, run: str) -> Optional[int]:
        """首尔国际贸易会展中心（setec）举行: a name ended by a place or organisation suffix and then
        its alias in brackets, before any stop: the place is the name (its length), else None."""
        alias = _ALIAS.search(run)
        if alias and alias.start() >= 2 and run[:alias.start()].endswith(self.at_suffixes) \
                and self._first_stop(run) >= alias.end() and not self._time_inside(run[:alias.start()]):
            return alias.start()
        return None

    def _time_inside(self, place: str) -> bool:
        """A time word inside the run (在财政部本周公布的报告中, 在愚人节当天针对): the 在 frames a
        time or a thing said then, no place."""
        return self.times.search(place, 1) is not None

    def _no_place_at(self, text: str, j: int, hi: int) -> bool:
        """No place name can start at ``j``: a numeral (but 三峡工程…), a quote or bracket, a
        ``location_not_start`` word or anything not a Chinese character."""
        return bool(j >= hi or self.not_start.match(text, j) and not self.numeral_names.match(text, j)
                    or not ("\u4e00" <= text[j] <= "\u9fff"))

    def _first_stop(self, run: str) -> int:
        """Where the first stop word or trigger in ``run`` starts (``len(run)`` when none); one
        inside a known place or organisation name (温得和克, 联合国), a
        direction after 以 (束草以东地区), a trigger that a place suffix follows and a trigger + 的 whose
        noun ends in a place suffix (新建成的正阳步行街) are no stop."""
        named = [h.span() for h in self.holding_names.finditer(run)] if self.holding_names else []
        for m in self.stops.finditer(run):
            if any(a <= m.start() < b for a, b in named):
                continue  # 在纳米比亚首都温得和克开幕, 在纽约联合国总部会晤: a stop word inside a known name
            rest = run[m.end():]
            if m.group() == "以" and rest[:1] in "东西南北":
                continue  # 束草以东地区: a direction inside the place
            suffix = next((x for x in self.suffixes if rest.startswith(x)), None)
            if m.start() > 0 and (suffix or rest.startswith(("会上", "会中"))) and m.group() not in lexicon()["location_stops"]:
                continue  # 发射中心, 新闻发布会上: a verb inside the place's name
            if m.start() > 0 and m.group() in ("和", "与", "及") and self._place_follows(rest, 0):
                continue  # 波斯湾和霍尔木兹海峡 (places joined), 经三路赢和会馆 (a name): no stop
            if m.start() > 0 and rest.startswith("的") and m.group() not in lexicon()["location_stops"] \
                    and self._place_follows(rest, 1):
                continue  # 广西桂林新建成的正阳步行街: a relative clause inside the place
            return m.start()
        return len(run)

    def _place_follows(self, rest: str, k: int) -> bool:
        """The words from ``rest[k]`` to the next stop are a short run that a place suffix ends."""
        nxt = self.stops.search(rest, k)
        seg = rest[k:nxt.start() if nxt else len(rest)]
        alias = _ALIAS.search(seg)   # 国土资源管理局（下称…）: a named body, its alias after it
        if alias and alias.start() > 0:
            return len(seg[:alias.start()]) <= 12 and seg[:alias.start()].endswith(self.at_suffixes)
        return 0 < len(seg) <= 12 and seg.endswith(self.suffixes)

    def _suffix_end(self, run: str, first_stop: int) -> int:
        """Step 2: the end of the last place suffix before ``first_stop`` (with a street number after
        it: 狮山大道12号); 0 when none. When a
        trigger verb is that stop and a short name follows the suffix (在东南部海港城市奥斯卡斯哈门
        结束), the place runs on to the trigger, less a postposition."""
        end = next((e for e in range(first_stop, 0, -1) if run[:e].endswith(self.at_suffixes)
                    or run[e - 1:e] == "会" and run[e:e + 1] in ("上", "中")), 0)   # 新闻发布会上: a meeting
        if end and (num := _ADDRESS_NUMBER.match(run, end)) and num.end() <= first_stop:
            end = num.end()   # 狮山大道12号: the street's number closes the place
        rest = run[end:first_stop]
        if end and rest and len(rest) <= 8 and not any(ch in "的也又还都再用将已正均亦" for ch in rest) \
                and run.startswith(self.trigger_words, first_stop):
            tail = next((p for p in self.posts if rest.endswith(p)), "")
            return first_stop - len(tail) if len(rest) > len(tail) else end
        return end

    def _stop_end(self, run: str, first_stop: int, text: str, k: int, hi: int) -> int:
        """Step 3: with no suffix, the place ends at the first stop (or, with none, at the clause
        break or the trigger), without a trailing postposition; 0 when it has no end."""
        best = first_stop if first_stop < len(run) or k < hi and text[k] in _CLAUSE_END else 0
        if best == 0 and k >= hi and run:
            best = len(run)  # the place runs up to the trigger
        for p in self.posts:  # …会上 -> …会; 这里 stays (a pronoun of two characters); 新德里 is a city
            if best - len(p) >= 2 and run[:best].endswith(p) and not run[:best].endswith(self.post_places):
                best -= len(p)
                break
        return best

    def _quoted(self, text: str, j: int, hi: int) -> Optional[tuple[int, int]]:
        """在“五省四市”（北京、上海…）开通: a quoted place name and the gloss in brackets after
        it, when a trigger or stop word follows them."""
        close = text.find("”", j + 1, min(hi, j + _MAX_LOCATION))
        if close < 0:
            return None
        end = close + 1
        if text.startswith("（", end) and (shut := text.find("）", end, min(hi, end + 60))) > 0:
            end = shut + 1
        return (j, end) if self.stops.match(text, end) else None

    def _leading(self, text: str, a: int, hi: int) -> int:
        """End of a place name starting at ``a`` (up to its last suffix, no stop word, trigger or
        clause break inside, at most ``_MAX_LOCATION`` characters), or ``a`` when none starts
        there (上午8时10分，营业大厅 is no place: the clause ends first)."""
        run = text[a:min(hi, a + _MAX_LOCATION)]
        run = run[:next((k for k, ch in enumerate(run) if ch in _CLAUSE_END or ch.isspace()), len(run))]
        if not run or self.not_start.match(run) or not ("\u4e00" <= run[0] <= "\u9fff") \
                or run.startswith(self.clause_openers):   # 经过香港、深圳…等地共7站比赛: a verb opens it
            return a
        if (m := self.stops.search(run)) is not None:
            run = run[:m.start()]
        for e in range(len(run), 1, -1):
            if run[:e].endswith(self.suffixes):
                return a + e
        return a

    def clause_initial(self, text: str, tx: "_Text", lo: int, hi: int) -> Optional[tuple[int, int]]:
        """The last place that begins a clause between ``lo`` and ``hi`` (the antecedent of 这里)."""
        starts = [lo] + [c + 1 for c in tx.clause[bisect_left(tx.clause, lo):bisect_left(tx.clause, hi)]]
        for a in reversed(starts):
            if (e := self._leading(text, a, hi)) > a and not self._org_follows(text, e) \
                    and not self._affiliation(text, e, tx.clause_end(a, hi)):
                return a, e
        return None

    @staticmethod
    def _affiliation(text: str, e: int, clause_end: int) -> bool:
        """中国医科大学附属第二医院新生儿科副主任…今天在此间公布: a title later in the same clause makes
        the place the subject's employer, not the antecedent of 此间."""
        return any(title_ends_at(text, k) for k in range(e + 1, min(clause_end, e + 24) + 1))

    def _org_follows(self, text: str, e: int) -> bool:
        """河南省|政府…的代表今天在这里举办: a place that opens an organisation's name is the
        subject's, not the antecedent of 这里."""
        return text.startswith(self.org_suffixes, e)

    def scene(self, text: str, tx: "_Text", lo: int, hi: int) -> Optional[tuple[int, int]]:
        """A clause before ``hi`` that is only a place, with a postposition or none
        (``长沙市贺龙体育馆内，``): the scene of what follows."""
        starts = [lo] + [c + 1 for c in tx.clause[bisect_left(tx.clause, lo):bisect_left(tx.clause, hi)]]
        for a in starts:
            e = self._leading(text, a, hi)
            rest_end = tx.clause_end(a, hi)
            if e > a and rest_end < hi and text[e:rest_end] in ("",) + self.posts \
                    and not self._time_inside(text[a:e]) and not _has_verb(text[a:e]):
                return a, e
        return None

    def spans(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        out = []
        for i in range(lo, hi):
            if text[i] in "在于" and (sp := self.place_at(text, i, hi)) and (not out or sp[0] >= out[-1][1]):
                out.append(sp)
        return out


def _splits_word(run: str, end: int) -> bool:
    """A word of words.txt (three or four characters) that starts before ``end`` and runs past
    it: a place ending at ``end`` would cut it (东亚首脑非|正式: 非正式 is one word)."""
    words, index = lexicon_words()
    for a in range(max(0, end - 3), end):
        if any(n >= 3 and a + n > end and run[a:a + n] in words for n in index.get(run[a], ())):
            return True
    return False


def _has_verb(run: str) -> bool:
    """A verb inside a clause taken for a bare place (万名新团员今天肃立天安门广场, 沙特阿拉伯队进法兰西
    体育场): the clause says who went where, it is no scene. jieba's tag ``v``, except a verb right
    before a place suffix (西昌卫星发射中心: the name's own word)."""
    from .event_verbs import _tagger   # event_verbs imports this module

    pos, sfx = 0, _places().suffixes
    for w in _tagger().cut(run):
        pos += len(w.word)
        if w.flag == "v" and not run.startswith(sfx, pos):
            return True
    return False


def _office_before(text: str, i: int) -> bool:
    """工商所在金乡镇…查获: 所 closing an office's word (工商所, 派出所, 研究所: words.txt) before 在 is
    the office, and 在 its preposition; not 所在 "where … is" (关键所在, 所在地, 所在的)."""
    if text[i - 1:i] != "所" or text.startswith(("在地", "在的", "在国", "在单位"), i):
        return False
    words = lexicon_words()[0]
    return any(text[i - n:i] in words for n in (2, 3, 4) if i >= n)


@cache
def _places() -> _Places:
    return _Places()


def _place(text: str, tx: _Text, spans, ev_start: int, mt: re.Match, d: DateValue, s_start: int, prior: int = -1):
    """The event's place: the last 在/于 place before the trigger in the event's text; 在这里/
    在此间 is the place named at the start of an earlier clause of the sentence, else the
    dateline's place (the span is then the antecedent's); with no 在/于 place before it, a 在 place
    right after the trigger (安放在X); else a clause that is only a place (长沙市贺龙体育馆内，…)
    sets the scene. None else. A place between ``prior``, the end of an earlier date, and the
    date is the earlier date's (…23时12分在北京妇产医院降生的宝宝…和2001年1月1日零时9分23秒诞生的宝宝)."""
    places = _places()
    cands = spans if mt.start() > d.start else places.spans(text, ev_start, mt.start())
    lo = d.start if d.start < mt.start() and tx.clause_start(d.start, ev_start) < tx.clause_start(mt.start(), ev_start) \
        else ev_start   # 在中国逐渐…的一九七九年一月，当时…做出决定: a place before the date's clause is not the event's
    where = [sp for sp in cands if lo <= sp[0] and sp[1] <= mt.start() and not prior <= sp[0] < sp[1] <= d.start < mt.start()
             and not (sp[1] <= d.start < mt.start() and _said_there().search(text, sp[1], d.start))]
    if where:
        a, b = where[-1]
        if text[a:b] in _HERE:
            return places.clause_initial(text, tx, s_start, a) or _dateline_place_span(text, a) or (a, b)
        return a, b
    return _place_after(text, tx, mt.end(), mt.group(0)) or _chained_place(text, tx, mt.end()) \
        or places.scene(text, tx, ev_start, mt.start())


@cache
def _said_there() -> re.Pattern:
    """在游戏的官方论坛上透露将于7月31日关闭, 在吉隆坡一致决定在今年7月接纳: a statement or decision verb
    (``statement_verbs``) between the place and the date says where it was said or decided, not where
    what is dated happens."""
    return re.compile("|".join(map(re.escape, lexicon()["statement_verbs"])))
_NOT_CHAINED = re.compile("[的将要会拟称说]|计划|准备|宣布|表示|决定")


def _chained_place(text: str, tx: _Text, i: int) -> Optional[tuple[int, int]]:
    """精英赛闭幕及颁奖典礼在中国电竞馆举行: the trigger opens a noun phrase (at most 8 characters,
    no 的, no modal or statement verb) that another trigger, perhaps after one adverb of manner
    (``manner_adverbs``: 在中国电子大厦成功举办), then places with 在; that place is the event's (not
    宣布将在北京举行, where the place is of what is announced)."""
    end = tx.clause_end(i, len(text))
    k = text.find("在", i, min(end, i + 9))
    if k < 0 or _NOT_CHAINED.search(text, i, k):
        return None
    sp = _places().place_at(text, k, end)
    if sp is None:
        return None
    m = _places().stops.match(text, sp[1] + (text[sp[1]:sp[1] + 1] in "上中内里"))
    if m is not None and m.group() in lexicon()["manner_adverbs"]:
        m = _places().stops.match(text, m.end())   # 在中国电子大厦成功举办: past one adverb of manner
    return sp if m is not None and m.group() in _places().trigger_words else None


def _place_after(text: str, tx: _Text, i: int, trigger: str = "") -> Optional[tuple[int, int]]:
    """被安放在北京西山脚下的万佛华侨陵园。: a 在 place right after the trigger, closed by a place
    suffix, that ends its clause (not 禁止在牛饲料中添加…, where 在 belongs to the next verb). After a
    birth (``birth_triggers``: 出生在济南市一个知识分子家庭) the whole rest of the clause is where."""
    if text.startswith("于", i) or trigger.endswith("于") and text.startswith("于", i - 1):
        return _born_in(text, tx, i if text.startswith("于", i) else i - 1)   # 出生于香港, 生于上海
    if not text.startswith("在", i) or text.startswith("在即", i):
        return None
    end = tx.clause_end(i, len(text))
    if trigger in lexicon()["birth_triggers"] and 2 <= end - i - 1 <= 24 and "的" != text[i + 1:i + 2]:
        return i + 1, end   # 出生在江苏苏州的一个中医世家
    sp = _places().place_at(text, i, end)
    ok = sp is not None and not text[sp[1]:end].strip("上中内里") and text[sp[0]:sp[1]].endswith(_places().at_suffixes)
    return sp if ok else None


def _born_in(text: str, tx: _Text, i: int) -> Optional[tuple[int, int]]:
    """出生于香港的李国能, 逝世于北京: a known place or one closed by a place suffix right after 于,
    ending its clause or the attribute (的) the trigger opens."""
    end = tx.clause_end(i, len(text))
    sp = _places().place_at(text, i, end)
    if sp is None or text[sp[1]:end].strip("上中内里") and not text.startswith("的", sp[1]):
        return None
    place = text[sp[0]:sp[1]]
    return sp if place.endswith(_places().at_suffixes) or place in facts_lexicon.places() else None


@cache
def _dateline_re() -> re.Pattern:
    num = r"[0-9０-９一二三四五六七八九十〇○]"
    return re.compile(rf"(?:新华社|本报|中新社)(?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:[（(][\u4e00-\u9fff]{{2,8}}[）)])?"
                      rf"(?:{num}{{2,4}}年)?{num}{{1,2}}月{num}{{1,3}}日")   # 新华社必打灵查亚（马来西亚）７月２４日电


def _dateline_place_span(text: str, before: Optional[int] = None) -> Optional[tuple[int, int]]:
    """The place of the dateline in ``text`` (新华社北京十二月十六日电 -> 北京): the first one, or
    with ``before`` the last one before it that is no bracketed closing dateline of a story
    before (（本报墨西哥城12月1日电）…本报吉隆坡12月16日电…在这里 -> 吉隆坡); None without one."""
    if before is None:
        m = _dateline_re().search(text)
        return m.span("place") if m else None
    spans = [m.span("place") for m in _dateline_re().finditer(text, 0, before)
             if text[m.start() - 1:m.start()] not in ("（", "(")]
    return spans[-1] if spans else None


def dateline_place(dateline: str) -> Optional[str]:
    """The place of a dateline (新华社苏州十二月二十八日电 → 苏州), or None."""
    sp = _dateline_place_span(dateline)
    return dateline[sp[0]:sp[1]] if sp else None
