"""Claims: numbers that are no quantities (ordinals, years, periods, names, restated lists)."""
from __future__ import annotations

import datetime as _dt
import functools
from typing import TYPE_CHECKING

import regex

from extract.facts.claims_patterns import CLAUSE_END, _PRODUCT, _Patterns
from extract.facts.lexicon import org_suffixes
from extract.text.sentences import split_sentences

if TYPE_CHECKING:
    from extract.facts.claims import _Candidate

def _mixed_numeral(text: str, start: int, end: int, tables) -> bool:
    """二００二年, 二０一０年: Arabic and Chinese digits touching make one numeral in two scripts
    (CTB's full-width zero for 〇), which is a year or a code, never two quantities."""
    cn = set(tables.digits) - set("0123456789０１２３４５６７８９")
    before = text[start - 1:start] if start else ""
    after = text[end:end + 1]
    is_arabic = text[start:end][:1] in "0123456789０１２３４５６７８９"
    if is_arabic:
        return before in cn or after in cn
    return bool(before) and before in "0123456789０１２３４５６７８９" or bool(after) and after in "0123456789０１２３４５６７８９"


def _is_ordinal(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """Ordinals and labels, not quantities: N届 before a session name (十九届中央巡视, 十四届全国
    人大) unless a count word comes before it (举办了16届); a sports event (500米计时赛); a number in an ordinal unit (三季度, 42周年); a number whose unit is followed by 级 (二年级, 85公斤以上级: a grade or a class); a
    unitless number followed by a label suffix (3号线)."""
    if cand.unit == "届" and pats.session.match(text, cand.end):
        return not text.endswith(tuple(pats.lex["session_count_before"]), 0, cand.start)   # 举办了16届: a count
    if cand.unit in pats.lex["event_label_units"] and pats.event_label.match(text, cand.end):
        return True   # 500米计时赛, 110米栏: a sports event's name
    if cand.unit in pats.lex["ordinal_units"]:
        return True   # 三季度 is the third quarter (三个季度 counts quarters), 42周年 an anniversary
    ranks = tuple(pats.lex["rank_position_suffixes"].get(cand.unit or "", ()))
    if ranks and text.startswith(ranks, cand.end):
        return True   # 世界排序也在一百名以后: a rank position
    if cand.unit in pats.lex["grade_units"] and _sentence_holds(text, cand, pats.lex["grade_units"][cand.unit]):
        return True   # 曹薰铉九段 in a sentence about 棋: a Go player's dan, a title
    if cand.unit is not None and cand.unit != "级" and text.startswith("级", cand.end) \
            and not text.startswith("级别", cand.end):
        return True
    if _unit_name(text, cand) or _place_name_part(text, cand):
        return True
    return cand.unit is None and bool(pats.ordinal_suffix.match(text, cand.num_end))


def _sentence_holds(text: str, cand: _Candidate, words: list[str]) -> bool:
    """Whether the record sentence holding ``cand`` (the one splitter, cached per text) holds one of ``words``."""
    a, b = next(((a, b) for a, b in split_sentences(text) if a <= cand.start < b), (0, len(text)))
    return any(w in text[a:b] for w in words)


def _not_a_count(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """A numeral with a leading zero (02, a code), part of a title in 《》 (《天龙八部》), or whose "unit" opens a word
    (``unit_words``: 魔兽争霸3项目, 六单元, 32支持): no quantity."""
    numeral = text[cand.num_start:cand.num_end]
    if len(numeral) >= 2 and numeral[0] in "0０" and numeral[1] in "0123456789０１２３４５６７８９":
        return True   # 02米德尔vs纽卡斯, 09年: a number with a leading zero is a code, a label or a short year
    if _in_quoted_name(text, cand.num_start, pats.lex["quoted_name_heads"]) or _in_slogan(text, cand.num_start):
        return True
    if _RATIO_BEFORE.search(text, max(0, cand.num_start - 3), cand.num_start) or _RATIO_AFTER.match(text, cand.num_end):
        return True   # 1∶5万比例尺, 比例是1∶10: a ratio's term (a score, a scale, a rate), no figure
    if cand.unit == "次" and text.startswith("方", cand.end):
        return True   # 2的10次方: an exponent, no count of times
    if cand.unit == "年" and _LIST_YEAR.fullmatch(numeral) and text[cand.num_start - 1:cand.num_start] in ("", "\n"):
        return True   # ５.１９９６年向社会发行的…: list item 5, then a year; no 5.1996 years
    if _OPTION.search(text, max(0, cand.start - 3), cand.start) and (
            _OPTION.match(text, cand.end) or _OPTION.search(text, max(0, cand.start - 16), cand.start - 3)):
        return True   # （１）６２块（２）５９块: a quiz's answer options, no figure
    if cand.unit in pats.lex["year_label_units"] and regex.fullmatch(r"(?:19|20)[0-9]{2}", numeral):
        return True   # 2009城市建筑综合体高端财智峰会: a year naming an edition, no count of cities
    if cand.unit == "国" and _country_count_name(pats.lex).match(text, cand.end, cand.end + 8):
        return True   # 五国女篮邀请赛, 六国峰会: a tournament's or a forum's name
    opened, shut = text.rfind("《", 0, cand.num_start), text.rfind("》", 0, cand.num_start)
    if opened > shut and (close := text.find("》", cand.num_start)) >= 0 and close - opened <= 40 \
            and "\n" not in text[opened:close]:
        return True
    unit = text[cand.end - 1] if cand.share_factor is not None else cand.unit   # 这一成就: 成 as printed, not %
    return unit is not None and any(text.startswith(w, cand.end - len(unit)) for w in pats.lex["unit_words"]
                                    if w.startswith(unit))


@functools.cache
def _country_count_name_re(heads: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"\p{{Han}}{{0,4}}?(?:{'|'.join(map(regex.escape, heads))})")


def _country_count_name(lex: dict) -> regex.Pattern:
    """N国 followed within four characters by a ``country_count_name_heads`` word (五国女篮邀请赛)."""
    return _country_count_name_re(tuple(lex["country_count_name_heads"]))


_LIST_YEAR = regex.compile(r"[0-9０-９]{1,2}[.．](?:1[89]|20)[0-9]{2}")   # an item's marker glued to a year
_OPTION = regex.compile(r"[（(][0-9０-９][）)]")   # a quiz option's marker, （１）
_QUOTE_BREAK = regex.compile(r"[，。！？；：,!?;:\n]")
_RATIO_BEFORE = regex.compile(r"[0-9０-９][∶:：]$")   # the second term of 1∶10, 3∶2
_RATIO_AFTER = regex.compile(r"[∶:：][0-9０-９]")     # the first term


def _in_quoted_name(text: str, i: int, heads: list[str]) -> bool:
    """The number at ``i`` sits in a short quote with no clause punctuation that names something:
    the quote ends with a name head or one follows it (“网上24小时互动守岁大行动”, “两天不行驶”计划)."""
    opened = text.rfind("“", max(0, i - 20), i)
    if opened < 0 or "”" in text[opened:i]:
        return False
    close = text.find("”", i, i + 20)
    if close < 0 or _QUOTE_BREAK.search(text, opened, close):
        return False
    heads_t = tuple(heads)
    return text[opened + 1:close].endswith(heads_t) or text.startswith(heads_t, close + 1)


#: a Chinese count and its measure word, as numbered slogans repeat them (两纵两横, 三个基础、四个结合)
_SLOGAN_COUNT = regex.compile(r"[一二两三四五六七八九十]+[个项条大纵横点种]")


def _in_slogan(text: str, i: int) -> bool:
    """The Chinese numeral at ``i`` sits in a short quote (at most 24 characters, no sentence break)
    holding two counts or more: a numbered slogan (“两纵两横三个重要路段”, “夯实三个基础、强化四个结合”,
    “一个中心，三个着眼于”), whose numbers count nothing checkable."""
    opened = text.rfind("“", max(0, i - 24), i)
    if opened < 0 or "”" in text[opened:i] or not _SLOGAN_COUNT.match(text, i):
        return False
    close = text.find("”", i, opened + 26)
    if close < 0 or regex.search(r"[。！？；]", text[opened:close]):
        return False
    return len(_SLOGAN_COUNT.findall(text, opened, close)) >= 2


def _unit_name(text: str, cand: _Candidate) -> bool:
    """A numbered unit inside an organisation's name (铁二局一处八队, 三局二处): a Chinese numeral
    whose "unit" is an organisation ending, straight after another organisation ending — a
    name's part, not a count of teams or offices."""
    if cand.unit is None or cand.unit not in org_suffixes() or cand.qualifier != "exact" or cand.prefix:
        return False
    if any(ch.isdigit() for ch in text[cand.num_start:cand.num_end]):
        return False
    head = text[max(0, cand.num_start - 4):cand.num_start]
    return any(head.endswith(suf) for suf in org_suffixes() if len(suf) <= 4)


#: a place name's last character (三元镇, 四段街), and the admin or street ending an address has before it
_PLACE_TAIL = "镇乡村街路巷"
_ADDRESS_HEAD = "省市县区镇乡路"


def _place_name_part(text: str, cand: _Candidate) -> bool:
    """A Chinese numeral and its "unit" inside an address's next place name (芜湖县三元镇, 红星路四段街口):
    straight after an admin or street ending and straight before a place's last character; never 个
    (全县三个乡 counts townships) and never Arabic digits (a count)."""
    if cand.unit is None or cand.unit == "个" or cand.qualifier != "exact" or cand.prefix \
            or any(ch.isdigit() for ch in text[cand.num_start:cand.num_end]):
        return False
    return 0 < cand.num_start and text[cand.num_start - 1] in _ADDRESS_HEAD \
        and cand.end < len(text) and text[cand.end] in _PLACE_TAIL


def _inside_name(cand: _Candidate, names) -> bool:
    """The number starts inside a recognised name that goes on after the claim (三棵树涂料), or it
    stands between two names, its "unit" opening the second (a list of names run together:
    张俊九张彦仲 is 张俊九 and 张彦仲, not 九张)."""
    if any(a <= cand.num_start < b and cand.end < b for a, b in names):
        return True
    return any(b == cand.num_start for _, b in names) and any(a == cand.num_end for a, _ in names)


def _restates_list(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """省、市两级 and 湖南、河南两省: a count (up to 30) right after an enumeration of as many items
    restates the list (中美俄三国: as many one-character country names); it is not a figure of its own."""
    if cand.value is None or cand.value > 30 or cand.unit not in pats.lex["restatable_units"] \
            and not (cand.unit == "个" and text.startswith(tuple(pats.lex["restatable_units"]), cand.end)):
        return False   # 天时、地利、人和三个方面: 个 before a restatable noun restates as that noun does
    head = text[max(0, cand.start - 80):cand.start]
    head = regex.split(rf"[{regex.escape(CLAUSE_END)}《》]", head)[-1]
    head = regex.sub(r"(?:等+|共计|总共|共)$", "", head)   # “中国国家人才网”、…等五家; …和冬季两项共9个大项
    if cand.unit == "国" and (abbr := regex.search(f"[{pats.lex['country_abbreviations']}]{{2,8}}$", head)):
        return len(abbr.group()) == cand.value   # 中美俄三国, 中日韩三国: one character a country
    if cand.value == 2 and _VERSUS.search(head):
        return True   # 拉齐奥队vs国际米兰队两队: the two sides of a fixture
    m = _LIST_ENDING.search(head)
    if m and len(_ITEM_RE.findall(m.group())) == cand.value:
        return True
    m = _COMMA_LIST_ENDING.search(head)   # 天时、地利、人和三个方面: an item holding 和, the list joined by 、 alone
    return bool(m) and m.group().count("、") + 1 == cand.value


_VERSUS = regex.compile(r"[\p{Han}A-Za-z0-9]{1,12}(?:vs|VS|Vs|ＶＳ|ｖｓ)[\p{Han}A-Za-z0-9]{1,12}$")
_SPAN_OF = regex.compile(r"(?:为期|历时|一连|展出为期)$")
_DAY_RANGE = regex.compile(r"(?:(?P<m1>[0-9０-９]{1,2})月|(?<![0-9０-９])(?=[0-9０-９]))(?P<d1>[0-9０-９]{1,2})日?[ ]*(?:至|到|-|－|—|～|~)[ ]*"
                           r"(?:(?P<m2>[0-9０-９]{1,2})月)?(?P<d2>[0-9０-９]{1,2})日[^。！？；]{0,30}$")


def _restates_range(text: str, cand: _Candidate) -> bool:
    """为期2天 right after a printed range of as many days (将于8月21日至22日…举行，为期2天;
    本月2日至12日…为期11天): the duration restates the range; not 为期3天 after a start day alone
    (a claim of its own)."""
    if cand.unit not in ("天", "日") or cand.value is None \
            or not _SPAN_OF.search(text, max(0, cand.start - 6), cand.start):
        return False
    m = _DAY_RANGE.search(text, max(0, cand.start - 60), cand.start)
    if not m:
        return False
    n = lambda g: int(m[g].translate(_FULL)) if m[g] else None  # noqa: E731
    m1, d1, m2, d2 = n("m1") or 1, n("d1"), n("m2") or n("m1") or 1, n("d2")   # 本月2日至12日: days of one month
    try:   # a leap year, so 2月29日 counts; the year is not needed for a length
        days = (_dt.date(2000, m2, d2) - _dt.date(2000, m1, d1)).days + 1
    except ValueError:
        return False
    return days == cand.value


_FULL = {0xFF10 + i: 0x30 + i for i in range(10)}


#: An item of an enumeration: a quoted name, or a few characters that hold no 的 (the 的 ends a
#: modifier: 住在沿河村和丁东村的向明燕、杨传平两户 lists two names, not three). Up to twelve
#: characters: an organisation's name is often longer than eight (美中关系全国委员会).
_ITEM = r"(?:“[^“”]{1,20}”|[^\P{Han}的和及]{1,12})"
_ITEM_RE = regex.compile(_ITEM)
_LIST = regex.compile(rf"(?:{_ITEM}[、和及])+{_ITEM}")   # two items or more
_LIST_ENDING = regex.compile(rf"(?:{_ITEM}[、和及])+{_ITEM}$")
_COMMA_LIST_ENDING = regex.compile(r"(?:[^\P{Han}的、]{1,12}、)+[^\P{Han}的、]{1,12}$")


def _no_numeral(numeral: str, pct) -> bool:
    """零部件, 大陆架: zeros alone, or one capital numeral alone (陆, 伍), are no number."""
    if pct:
        return False
    return all(ch in "零〇○◯" for ch in numeral) or (len(numeral) == 1 and numeral in _capitals())


def _capitals() -> str:
    from extract.facts.claims_patterns import load_lexicon

    return load_lexicon()["capital_numerals"]


def _is_clock_or_rate_base(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """零时零分零五秒: seconds after minutes read a clock; 1英镑约合1.45美元: one unit of a
    currency before a rate word is the base of an exchange rate (the converted amount is the claim)."""
    if cand.unit == "秒" and text.endswith("分", 0, cand.num_start):
        return True
    if text.endswith("每", 0, cand.start) and _RATE_TAIL.match(text, cand.end):
        return True   # 平均每十人一部, 每10人中就有一个: the base of a rate, the figure is what follows
    return cand.value == 1 and cand.unit is not None and any(
        text.startswith(w, cand.end) for w in pats.lex["rate_words"])


#: After 每 + a count, another numeral in the same stretch makes the count a rate's base (每十人一部).
_RATE_TAIL = regex.compile(r"[中里]?(?:就|便|才)?(?:有|拥有)?[0-9０-９一两二三四五六七八九十]")



def _distal_qualifier(text: str, num_start: int, pats: _Patterns):
    """A qualifier said away from the number, in its clause: 约占全省出口总值的百分之八十 (approx,
    and 约占…的66％和41％ for the coordinated second number too); 不到国有商业银行的10％
    (``distal_qualifiers``: only across a 的 and no other numeral); 至少损失550亿美元
    (``adverb_qualifiers``: no other numeral, at most twelve characters between). None when there is none."""
    found = list(pats.approx_verb.finditer(text, max(0, num_start - 24), num_start))
    if not found:
        return None
    v = found[-1]
    between = text[v.end():num_start]
    if regex.search(r"[。！？；!?;\n，,：:]", between):
        return None
    distal, adverbs = pats.lex["distal_qualifiers"], pats.lex["adverb_qualifiers"]
    other_numeral = regex.search(rf"[0-9０-９{regex.escape(numeral_chars())}]", between)
    if v.group() in adverbs:   # 至少损失550亿美元: the adverb before the verb; not 几乎所有的
        ok = len(between) <= 12 and not other_numeral and not regex.search("所有|全部|每", between)
        return adverbs[v.group()] if ok else None
    if v.group() in distal:
        return distal[v.group()] if between.endswith("的") and not other_numeral else None
    if regex.search("[0-9０-９]", regex.sub(r"[0-9０-９.．]+[％%]?[和、及与]", "", between)):
        return None
    return "approx"


def numeral_chars() -> str:
    from extract.facts.numbers import numeral_tables

    return numeral_tables().numeral_chars


def _in_product(text: str, start: int, end: int) -> bool:
    """3×4米, 3×10⁴吨, 4×100米接力: a factor of a product is no quantity of its own."""
    before = text[max(0, start - 2):start].rstrip(" \u3000")
    after = text[end:end + 2].lstrip(" \u3000")
    return bool(before and before[-1] in _PRODUCT or after and after[0] in _PRODUCT)


_YEAR_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _is_year(numeral: str, cand: _Candidate, text: str, tables) -> bool:
    """2023年, 二○二三年: a calendar year, not a duration."""
    if cand.unit == "年" and text.startswith("代", cand.end):
        return True   # ９０年代, 五十年代, 五六十年代: a decade (or two)
    if cand.unit == "起" and len(numeral) == 4 and regex.match(r"(?:19|20)\d\d$", numeral) \
            and text[max(0, cand.start - 1):cand.start] in ("从", "自"):
        return True   # 从2011起: a year without 年 (not 全年共发生2011起事故, a count of cases)
    if cand.unit != "年" or cand.has_magnitude or cand.value is None:
        return False
    if len(numeral) == 4 and all(ch in _YEAR_DIGITS for ch in numeral):
        return True   # half- or full-width (１９８６年: a raw page's digits, when no normaliser ran)
    return len(numeral) >= 2 and all(ch in tables.digits for ch in numeral)


def _refers_back(text: str, cand: _Candidate, lex: dict) -> bool:
    """这两个家庭, 该3家银行, 上述4人: a count after a demonstrative names what was told before; 前5家银行,
    前三名: a count after 前 ranks (not 目前3家, 此前3家: ``period_prefix_exceptions``). Neither
    is a figure of its own."""
    head = text[max(0, cand.num_start - 3):cand.num_start]
    if cand.prefix or not head:
        return False
    if head.endswith(tuple(lex["demonstratives"])) and cand.unit not in ("%", "％") \
            and not any(head.endswith(w) for w in lex["not_demonstratives"]):
        return True
    return head.endswith("前") and cand.unit in lex["rank_units"] and not (len(head) >= 2 and head[-2] in "年月天日周时期久") \
        and not any(head.endswith(e) for e in lex["period_prefix_exceptions"])


def _pronoun_count(text: str, cand: _Candidate, lex: dict) -> bool:
    """两人的房间, 两国关系, 二人均: 两/二/三 people or countries followed by a possessive, a
    relation or an adverb of both (``pronoun_count_followers``) is a pronoun for those named
    before, no figure (造成两人死亡 stays a count)."""
    numeral = text[cand.num_start:cand.num_end]
    if cand.prefix or cand.qualifier != "exact":
        return False
    if text[cand.num_start:cand.end] in lex["always_pronoun_counts"]:
        return True   # 两国: the two countries told before
    if numeral == "两" and cand.unit in ("个", "位") and _opens_sentence(text, cand.num_start):
        return True   # 两个平素不爱说话的孩子…, 两个时间表是…: a sentence opened by 两个/两位 takes up the two told before
    if numeral in ("两", "二") and cand.unit == "位" and text[cand.end:cand.end + 1] in CLAUSE_END:
        return True   # 我想请教两位，: 两位 alone addresses two people
    return numeral in ("两", "二", "三") and cand.unit in lex["pronoun_count_units"] \
        and text.startswith(tuple(lex["pronoun_count_followers"]), cand.end)


def _opens_sentence(text: str, i: int) -> bool:
    """``i`` opens the text, a sentence or a clause after a semicolon (after 。！？； and any closing quote
    or space)."""
    k = i
    while k > 0 and text[k - 1] in "”’」』 \u3000":
        k -= 1
    return k == 0 or text[k - 1] in "。！？；!?;\n"


def _window(text: str, cand: _Candidate, lex: dict) -> bool:
    """最近三场连胜, 近18个赛季中, 近7次…对阵: the last N matches, seasons or meetings, the span a
    record is counted over (``window_counts``), no figure; 近100场比赛 (nearly 100) stays a count."""
    w = lex["window_counts"]
    unit = "赛季" if cand.unit == "个" and text.startswith("赛季", cand.end) else cand.unit
    head = text[max(0, cand.num_start - 2):cand.num_start]
    if unit not in w["units"] or not head.endswith("近"):
        return False
    if head == "最近" or unit == "赛季":
        return True
    stop = _CLAUSE_STOP.search(text, cand.end, cand.end + 20)
    return any(text.find(cue, cand.end, stop.start() if stop else cand.end + 20) >= 0 for cue in w["record_cues"])


_CLAUSE_STOP = regex.compile(f"[{regex.escape(CLAUSE_END)}]")


def _is_period(text: str, cand: _Candidate, lex: dict) -> bool:
    """近3年, 前三季度, 未来5天, 5年来: a time reference, not a quantity; 1年期, 10年期: a term;
    a window of matches or seasons (:func:`_window`)."""
    if _window(text, cand, lex):
        return True
    if cand.unit not in lex["time_units"]:
        return False
    if text.startswith(lex["tenor_suffix"], cand.end) and not any(text.startswith(w, cand.end) for w in lex["tenor_not"]):
        return True
    suffix = next((s for s in lex["period_suffixes"] if text.startswith(s, cand.end)), None)
    verb_marks = tuple(lex["period_suffix_not_after"].get(suffix, ()))
    if suffix and not (verb_marks and text.endswith(verb_marks, 0, cand.start)) \
            and not (cand.unit == "年" and cand.has_magnitude):
        return True   # 5年前, 两个月以后; not 运营了4年之后 (a duration), nor 400多万年以前 (an age in 万/亿 years)
    head = text[max(0, cand.num_start - 3):cand.num_start]
    if any(head.endswith(e) for e in lex["period_prefix_exceptions"]):
        return False
    prefix = next((p for p in lex["period_prefixes"] if head.endswith(p)), None)
    if prefix is None:
        return False
    # 奔驰了近两个小时, 历时近3年: how long something lasted, a duration, not a time reference
    return not text.endswith(tuple(lex["period_prefix_not_after"].get(prefix, ())), 0, cand.num_start - len(prefix))


def _drop_restatements(text: str, cands: list[_Candidate], pats: _Patterns) -> list[_Candidate]:
    """Counts that restate a list (湖南、河南两省) or a range of days (…8月21日至22日…，为期2天), and
    the same count with the same noun said again later (…等五家网站进行。五家网站将同时发布): none is a
    figure of its own."""
    said: set[str] = set()
    out = []
    for c in cands:
        key = text[c.num_start:c.end + 2]
        if c.unit == "国":   # 五国元首…签署了五国关于…去年五国在上海: "the five countries" told before
            key = text[c.num_start:c.end]
        if _restates_range(text, c):
            continue
        if _restates_list(text, c, pats) or _list_follows(text, c, pats):
            said.add(key)
        elif key not in said:
            out.append(c)
            if c.unit == "国":
                said.add(key)
    return out


#: What may stand between a count and the list of what it counts (欧亚四国法国、挪威…; 美洲四国包括智利、…).
_LIST_LEAD = regex.compile(r"(?:包括|分别是|分别为|是|即|为|[：:（(]|[—－-]{1,3})?")
#: A bracketed count of the numbered list after it: 文艺类（共３７项）１．中国电影“华表奖”２．…
_COUNTED_LIST = regex.compile(r"[）)][ ]*[0-9０-９]{1,2}[．.、]")
#: A colon, in the count's clause, that opens an enumeration (在四个方面得到明显提高：一是…; 有两方面的意义：
#: 一个是…), or a comma before its first item (可分为三个层次，首先是…; 有两个原因，一是…; 两个时间表，即…)
_ENUMERATION = regex.compile(r"[^，。；！？：:]{0,16}(?:[：:][ ]*(?:一是|其一|首先|第一[，、是]|一个是|一方面|[一1１][、．.])"
                            r"|[，,](?:一是|其一|首先是?|第一是|即[^，。；]))")


#: After the count's clause, a pronoun and 是 with a colon: the list of what was counted follows
_NAMED_AFTER = regex.compile(r"[^，。；！？：:]{0,12}[，,](?:他们|她们|它们|分别)(?:是|为)[：:]")
#: A colon in the count's clause, with no digit around it (以６：２, a score) and no quotation after it
#: (5个中国人劝她：“放弃独身…”: what is said follows)
_ANNOUNCING_COLON = regex.compile(r"[^，。；！？：:0-9０-９]{0,16}[：:](?![ ]*[0-9０-９“「\"'])")


def _announces(text: str, end: int, pats: _Patterns) -> bool:
    """有两个特点：服务范围广、技术发展快: a colon after the count announces what it counts; not
    两次会对所有人说：, where a speech verb (``colon_speech_verbs``) opens a quotation."""
    m = _ANNOUNCING_COLON.match(text, end)
    return m is not None and not any(v in m.group() for v in pats.lex["colon_speech_verbs"])


#: An enumeration of short items after a colon, up to the sentence's end: 德国、英格兰、…和南斯拉夫。
_COLON_LIST = regex.compile(r"[^：:]{0,16}[：:]([^，。；！？：:]{1,400}?)(?=[。；！？]|$)")


def _colon_items(text: str, end: int) -> int:
    """How many items the enumeration after the colon of the count's clause lists (0 without one):
    items of at most eight characters, parted by 、 (the last by 和/及 too)."""
    m = _COLON_LIST.match(text, end)
    if m is None:
        return 0
    items = regex.split(r"、|和|及", m.group(1))
    return len(items) if all(0 < len(it) <= 8 for it in items) else 0


def _list_follows(text: str, cand: _Candidate, pats: _Patterns) -> bool:
    """欧亚四国法国、挪威、意大利和蒙古, 文艺类（共３７项）１．… and 四个方面：一是…: a count
    followed by its list (as many named items, a numbered list after the bracketed count, or an
    enumeration after a colon in its clause) restates the list."""
    if cand.value is None or cand.unit not in pats.lex["restatable_units"] and cand.unit not in pats.lex["count_units"]:
        return False
    if text[max(0, cand.start - 2):cand.start] in ("（共", "(共") or text[cand.start - 1:cand.start] in ("（", "("):
        return bool(_COUNTED_LIST.match(text, cand.end))
    if _NAMED_AFTER.match(text, cand.end):
        return True   # 确定了参加集训的21名球员，他们是：…: the names that follow restate the count
    if cand.value <= 9 and (_ENUMERATION.match(text, cand.end) or _announces(text, cand.end, pats)
                            or cand.unit and text.startswith(("，一" + cand.unit, "：一" + cand.unit), cand.end)):
        return True   # 四个方面：一是…二是…, 共分两类，一类是…: the enumeration that follows restates the count
    if cand.value > 9 and _announces(text, cand.end, pats) and _colon_items(text, cand.end) == cand.value:
        return True   # 有11个队保持大门不失：德国、英格兰、…南斯拉夫。: as many items after the colon
    if cand.unit not in pats.lex["restatable_units"] or cand.value > 9:
        return False
    lead = _LIST_LEAD.match(text, cand.end)
    m = _LIST.match(text, lead.end())
    return bool(m) and len(_ITEM_RE.findall(m.group())) == cand.value
