"""Binding the recogniser's PER spans to the officials the rules found (issue 10).

The rules (officials.py) decide *binding*: which title and organisation go with a name. Where
the name begins and ends is what they get wrong on real text (总统从头至尾反, 部长理事会 →
理事会, 大使馆的设立 → 馆的设立, a name running into a verb). The trained recogniser
(recognizer.py) is better at that, and worse at binding, so with its PER spans for a text:

* a rule name that a PER span covers exactly is *confirmed*: score raised halfway to 1;
* a rule name that a PER span starting at the same character (for 李强总理 order: ending at
  the same character) re-cuts, shorter or longer, takes the PER span's text, if that is a sane
  name: 2–4 Han characters, or a transliterated name with ·;
* a rule name whose start a PER span shares but cannot replace (a longer pkuseg word such as
  陈玉书于, or a transliterated name cut short) is kept as the rules read it;
* any other rule name is doubted: bound to a known organisation (国务院副总理丁薛祥, which the
  model misses), or to any organisation when punctuation ends the name, it is kept with half
  its score; otherwise (总统从头至尾反, 县长都要面)
  it is dropped (``UNMATCHED = "keep_known_org"``; "keep_org" keeps every name bound to an
  organisation, "drop" drops all, "downscore" keeps all at half score; measured with
  bench/measure_officials_heldout.py and measure_officials.py: "drop" costs 4 of the 46 seed
  officials, "keep_org" 2 points of held-out precision). A reporter's byline is dropped only when
  it begins with a common word (记者招待会 → 招待会);
* a PER span directly after a title (or directly before a post-name title, 李强总理) that the
  rules did not bind becomes an official (recall); one read as surname + title (毛主席) is cut to
  the surname first (``split_surname_title``);
* a name that stops at a joiner (·, —) goes on through the transliterated part after it.

How often a character opens or continues a name in the labelled training text
(data/name_chars.tsv) decides the doubtful cases: an unsupported name whose first character
opens no names (和他, 由武术) or that holds a character no name holds (提出) is dropped, and a
three-character rule name ending in a character that rarely ends one yields to the model's two
(朱佩|亲切).

A record the model touched says so in its ``rule``: ``org_title_name+ner:zh_newsfacts_ner-0.2.0``.
Work is in the officials' view coordinates (textview.TextView); the spans arrive in text
offsets and are mapped here.
"""
from __future__ import annotations

from bisect import bisect_left

from functools import cache
from typing import Callable, Iterable, Optional

import regex

from . import lexicon

_HAN_NAME = regex.compile(r"\p{Han}{2,4}")
_DOT_NAME = regex.compile(r"[\p{Han}A-Za-z]{1,8}(?:[·・•‧][\p{Han}A-Za-z]{1,10}){1,3}")

#: what happens to a rule name the model does not support: "keep_known_org" (default), "keep_org",
#: "drop" or "downscore" (measured with bench/measure_officials_heldout.py and measure_officials.py)
UNMATCHED = "keep_known_org"
DOWNSCORE = 0.5


def sane_name(s: str) -> bool:
    """A span the model may re-cut a name to: 2–4 Han characters, a name with ·, or a
    transliterated name of up to 8 characters (内塔尼亚胡, 阿克谢年科)."""
    if _HAN_NAME.fullmatch(s) or _DOT_NAME.fullmatch(s):
        return True
    translit = lexicon.transliteration_chars()
    return 5 <= len(s) <= 8 and all(ch in translit for ch in s)


#: a rule name whose start a longer or unusable PER span shares is kept (the model read a word
#: edge past the name: 陈玉书于); "overlap": any overlapping PER span keeps it; False: dropped
OVERLAP_KEEPS = "same_start"
#: re-cuts the model may make: "restricted" (see _recut_ok) or "any"
LONGER = "restricted"
SHORTER = "restricted"


#: a surname at least this frequent (surnames.txt) opens a name even where the labelled text
#: rarely shows it opening one (龙, 常, 管: common words too)
COMMON_SURNAME = 50


def _chinese(name: str) -> bool:
    """A Han name that is not a transliteration (those are read by transliteration_chars.txt)."""
    translit = lexicon.transliteration_chars()
    return (bool(_HAN_NAME.fullmatch(name)) and len(name) <= 4
            and sum(ch in translit for ch in name) < len(name) - 1)


def opens_name(name: str) -> bool:
    """Whether a Chinese name's first character opens names: as the first character of a person's
    name in at least 1% of its occurrences in the labelled training text (name_chars.tsv), or a
    surname of at least COMMON_SURNAME in surnames.txt, or a compound surname (欧阳). 和他, 提出,
    由武术, 理事会 do not: 和, 提, 由, 理 open fewer than 1% and are rare surnames."""
    surnames = lexicon.surnames()
    if name[:2] in surnames:
        return True
    row = lexicon.name_chars().get(name[0])
    if row is not None and row.total >= 30 and row.p_first >= 0.01:
        return True
    rare_char = row is None or row.total < 30   # too few to judge: the surname list decides
    return surnames.get(name[0], 0) >= COMMON_SURNAME or (rare_char and name[0] in surnames)


def never_in_name(ch: str) -> bool:
    """A character seen at least 100 times in the labelled training text and never in a name
    (的, 出, 首, 会: name_chars.tsv)."""
    row = lexicon.name_chars().get(ch)
    return row is not None and row.total >= 100 and row.first == 0 and row.inner == 0


def weak_end(ch: str, min_total: int = 50) -> bool:
    """A character that rarely ends a name (under 1% of its ≥ ``min_total`` occurrences inside
    one: 亲, 赛, 以), so a three-character name ending in it likely ran into the next word
    (朱佩|亲切)."""
    row = lexicon.name_chars().get(ch)
    return row is not None and row.total >= min_total and row.p_inner < 0.01


def _title_at(s: str, i: int, longest: int) -> bool:
    """Whether a lexicon title of at most ``longest`` characters starts at ``s[i]``."""
    titles = lexicon.titles()
    return any(s[i:i + k] in titles for k in range(1, longest + 1))


def _recut_ok(rule: str, model: str, after: str = "") -> bool:
    """Whether the model's span may replace the rule's name.

    Shorter: a name of 4+ characters that is not transliterated (the rules ran a Chinese name into
    the next word). Longer: the rules cut a name short (巴音朝|鲁, 普里马科|夫, a dotted name); the
    model's span may grow it unless what it adds begins with a word that ends names (于, 说, 表示:
    name_boundaries.txt ``name_end``) or a title (中将): the edges of a word-level model ran a
    name into those (陈玉书于, 陶青说, 袁守芳中将)."""
    if len(model) < len(rule):
        if SHORTER == "any":
            return True
        translit = lexicon.transliteration_chars()
        if len(rule) == 3 and len(model) == 2 and rule.startswith(model) and _HAN_NAME.fullmatch(rule):
            if lexicon.starts_with(after, 1, "name_end") and not lexicon.starts_with(after, 0, "name_end"):
                return False   # 王伟中|调研: the whole name ends at a word that ends names, the model's cut at none
            return weak_end(rule[2])   # 朱佩|亲切, 斯隆|赛后, 林森|以
        return len(rule) >= 4 and not all(ch in translit for ch in rule)
    if LONGER == "any" or "·" in model:
        return True
    if not model.startswith(rule):
        return False
    i = len(rule)
    if lexicon.starts_with(model, i, "name_end") or lexicon.starts_with(model, i, "not_given"):
        # 张万|年 where the model reads 张万年 and a title follows (上将): the title ends the name
        return _title_at(after, 0, 8)
    return not _title_at(model, i, len(model) - i)


def to_view(idx, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text-offset spans to view offsets (``idx[v]`` is the text offset of view char ``v``)."""
    def view_of(t: int) -> Optional[int]:   # idx is increasing: a binary search, no inverse map
        v = bisect_left(idx, t)
        return v if v < len(idx) and idx[v] == t else None

    out = []
    for s, e in spans:
        vs, ve = view_of(s), view_of(e - 1)
        if vs is not None and ve is not None and ve >= vs:
            out.append((vs, ve + 1))
    return sorted(set(out))


def name_span(f) -> tuple[int, int]:
    """View span of a found official's name."""
    if f.rule.startswith("name_title"):
        return f.start, f.start + len(f.name)
    return f.end - len(f.name), f.end


def _reporter(f, per: list[tuple[int, int]], by_start: dict, c: str, tag: str) -> bool:
    """Whether a byline's name stays; a longer PER span at its start re-cuts it (记者李中|文 →
    李中文). Bylines are short and often outside the model's reach: only a common word
    (记者招待会) that no PER span supports is dropped."""
    ns, ne = name_span(f)
    alt = [(s, e) for s, e in by_start.get(ns, []) if e > ne and sane_name(c[s:e]) and _recut_ok(f.name, c[s:e])]
    if alt:
        f.name, f.end = c[alt[0][0]:alt[0][1]], alt[0][1]
        f.rule += tag
        return True
    return f.name[:2] not in lexicon.common_words() or any(s < ne and ns < e for s, e in per)


def _recut(f, c: str, by_start: dict, by_end: dict) -> Optional[tuple[int, int]]:
    """The PER span that re-cuts a rule name (same start; same end for 李强总理 order), if any."""
    ns, ne = name_span(f)
    post = f.rule.startswith("name_title")
    alt = [(s, e) for s, e in (by_end.get(ne, []) if post else by_start.get(ns, []))
           if sane_name(c[s:e]) and _recut_ok(f.name, c[s:e], c[e:e + 8])]
    if not alt:
        return None
    s, e = alt[0]
    if len(c[s:e]) < len(f.name) and _chinese(c[s:e]) and not opens_name(c[s:e]):
        return None   # 相交|有: the shorter reading opens no name either
    f.name = c[s:e]
    if post:
        f.start = s
    else:
        f.end = e
    return s, e


def _clean_end(c: str, ne: int) -> bool:
    """Whether the text after a name ends it cleanly: punctuation or the end of the text."""
    return ne >= len(c) or not c[ne].isalnum()


def _known_org(org: str) -> bool:
    """An organisation the lexicons vouch for: a known name or alias, a country or place whose
    title it is (美国总统, 法国外长: places.txt), or one holding a unit with a strong suffix
    (嘉兴市公安局|侦查中心, 委员会, 有限公司: orgs.tsv, org_suffixes.txt)."""
    if org in lexicon.org_index() or org in lexicon.places():
        return True
    return any(org.find(suf, 2) > 0 for suf in _strong_suffixes())


@cache
def _strong_suffixes() -> tuple[str, ...]:
    return tuple(s for s, (_kind, strong) in lexicon.org_suffixes().items() if strong and len(s) >= 2)


def _place_before_title(title: str) -> Optional[str]:
    """The country or place a title begins with (美国总统 → 美国), which the rules fold into it."""
    places = lexicon.places()
    return next((title[:k] for k in range(min(len(title) - 1, 8), 1, -1) if title[:k] in places), None)


def _model_org(c: str, org: Optional[str], ns: int, ne: int, orgs: list[tuple[int, int]]) -> bool:
    """Whether the model read the rule's organisation itself (an ORG span with its text) and no
    ORG span over the name: it saw the position and left the name alone, no evidence against it
    (上海市申花足球俱乐部董事长郁知非, where the model tagged no PER). A place is no name (申花队主教练
    波兰|人安杰依)."""
    return (bool(org) and any(c[s:e] == org for s, e in orgs) and c[ns:ne] not in lexicon.places()
            and not any(s < ne and ns < e for s, e in orgs))


def _doubted(f, per: list[tuple[int, int]], unmatched: str, c: str,
             orgs: list[tuple[int, int]] = ()) -> bool:
    """Whether a rule name no PER span supports stays (see UNMATCHED), its score lowered."""
    ns, ne = name_span(f)
    if _HAN_NAME.fullmatch(f.name) and any(never_in_name(ch) for ch in f.name[1:]):
        return False   # 提出, 和首席: a character no name holds
    if _chinese(f.name) and not opens_name(f.name):
        return False   # 和他, 由武术, 相交有: no Chinese name opens so (拜登, a transliteration, may)
    if OVERLAP_KEEPS and any((s == ns if OVERLAP_KEEPS == "same_start" else s < ne and ns < e) for s, e in per):
        return True   # the model saw a person here but cut it elsewhere (word edges): keep the rule's
    if f.name[:2] in lexicon.common_words() or not sane_name(f.name):
        return False   # 从头至尾反: a common word, or no name's shape, and nothing vouches for it
    org = f.positions[-1].org or _place_before_title(f.positions[-1].title)
    if (unmatched == "downscore" or (unmatched == "keep_org" and org)
            or (unmatched == "keep_known_org" and org
                and (_known_org(org) or _clean_end(c, ne) or _model_org(c, org, ns, ne, orgs)))):
        f.score = round(f.score * DOWNSCORE, 3)
        return True
    return False


def addable(c: str, s: int, e: int) -> bool:
    """Whether a PER span the rules did not bind may become an official: a sane name, or one
    surname character directly before a title (毛主席, 李主席: the title decides, in ``add``)."""
    return sane_name(c[s:e]) or (e - s == 1 and c[s] in lexicon.surnames())


_JOINERS = "·・•‧—－-"


def _join_parts(f, c: str) -> None:
    """A name that stops at a joiner (·, —) followed by transliterated characters goes on through
    them: a name never ends right before the mark that joins its parts (维克多·许会|·罗哈斯,
    施特劳斯|—卡恩); one that stops before a transliteration tail grows through it (_tail_end:
    巴音朝|鲁等, where the rules' three-character cut stood and the model read no name)."""
    if f.rule.startswith("name_title") or f.reporter:
        return
    translit = lexicon.transliteration_chars()
    e = _tail_end(c, *name_span(f))
    while e + 1 < len(c) and c[e] in _JOINERS and c[e + 1] in translit:
        j = e + 1
        while j < len(c) and c[j] in translit and j - e <= 10:
            j += 1
        e = j
    if e > f.end:
        f.name += c[f.end:e]
        f.end = e


def split_surname_title(c: str, per: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """PER spans with a surname and a title read as one name (毛主席, 张主席: the labelled
    training text marks some so) cut to the surname, which then binds the title (``addable``)."""
    titles, surnames = lexicon.titles(), lexicon.surnames()
    out = []
    for s, e in per:
        k = next((k for k in (1, 2) if e - s - k >= 2 and c[s:s + k] in surnames and c[s + k:e] in titles), 0)
        out.append((s, s + k) if k else (s, e))
    return out


def _one_short(c: str, per: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A two-character Chinese PER span with one character and then a title after it grows by
    that character (秦华|孙大使: the model read 秦华 and 孙 apart), when the character continues
    names in the labelled text (≥ 1% of its occurrences inside one: 孙, not 在, 和, 说); a
    one-character span on it is absorbed."""
    grown: dict[tuple[int, int], tuple[int, int]] = {}
    for s, e in per:
        if e - s != 2 or e + 1 >= len(c) or not _HAN_NAME.fullmatch(c[s:e + 1]) or not opens_name(c[s:e]):
            continue
        if _title_at(c, e + 1, 6) and not weak_end(c[e], min_total=30):
            grown[(s, e)] = (s, e + 1)
    absorbed = {(e, e + 1) for _s, e in grown}
    return [grown.get(sp, sp) for sp in per if sp not in absorbed]


#: at most this many transliteration characters added after a PER span (巴音朝|鲁, 川·立|派)
TAIL = 2


def _translit_tail(c: str, per: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A PER span that stops right before one or two characters of transliterated names, after
    which a name's boundary follows, grows through them: the model ended 巴音朝|鲁等 and
    川·立|派10日 one character short. The boundary is what ends names elsewhere: not a Han
    character (a digit, a mark), a word that ends names (等, 在, 说: name_boundaries.txt
    ``name_end``) or a title. 布什|特别 does not grow (别 is no boundary)."""
    starts = {s for s, _e in per}
    return [(s, _tail_end(c, s, e, starts)) for s, e in per]


def _tail_end(c: str, s: int, e: int, starts=frozenset()) -> int:
    """Where the name ``c[s:e]`` ends once grown through a transliteration tail (_translit_tail);
    ``e`` when it does not grow. A tail never runs into another span's start."""
    translit = lexicon.transliteration_chars()
    j = e
    while j < len(c) and j - e < TAIL and c[j] in translit and j not in starts:
        j += 1
    return j if j > e and j - s <= 8 and sane_name(c[s:e]) and _boundary_at(c, j) else e


def _boundary_at(c: str, j: int) -> bool:
    """Whether a name may end right before ``c[j]``."""
    if j >= len(c) or not regex.match(r"\p{Han}", c[j]):
        return True
    return bool(lexicon.starts_with(c, j, "name_end")) or _title_at(c, j, 8)


def _bind_one(f, c: str, per: list[tuple[int, int]], index: tuple, tag: str, unmatched: str,
              orgs: list[tuple[int, int]]) -> tuple[bool, Optional[tuple[int, int]]]:
    """Whether the rule official ``f`` stays, and the PER span it now holds (None: none): a
    reporter by the byline rule; a name the model confirms (score raised halfway to 1) or re-cuts
    (tagged); else kept or dropped by the ``unmatched`` policy. ``index``: the PER spans as a set,
    by start and by end."""
    spans, by_start, by_end = index
    if f.reporter:
        return _reporter(f, per, by_start, c, tag), None
    span = name_span(f)
    if span in spans:
        f.score = round(1 - (1 - f.score) / 2, 3)
    else:
        span = _recut(f, c, by_start, by_end)
        if span is None:
            return _doubted(f, per, unmatched, c, orgs), None
    f.rule += tag
    return True, span


def bind(found: list, c: str, per: list[tuple[int, int]], tag: str, *,
         add: Callable[[int, int], list], unmatched: Optional[str] = None,
         orgs: list[tuple[int, int]] = ()) -> list:
    """The rule officials ``found`` (officials._Found, view offsets into ``c``) re-cut, confirmed
    or dropped by the PER spans ``per`` (view offsets); plus the officials ``add(start, end)``
    makes for PER spans the rules did not bind. ``tag`` is appended to the rule of every record
    the model touched."""
    unmatched = unmatched or UNMATCHED
    per = _translit_tail(c, _one_short(c, split_surname_title(c, per)))
    spans = set(per)
    by_start: dict[int, list[tuple[int, int]]] = {}
    by_end: dict[int, list[tuple[int, int]]] = {}
    for s, e in per:
        by_start.setdefault(s, []).append((s, e))
        by_end.setdefault(e, []).append((s, e))
    out, used = [], set()
    for f in found:
        keep, span = _bind_one(f, c, per, (spans, by_start, by_end), tag, unmatched, orgs)
        if keep:
            out.append(f)
        if span is not None:
            used.add(span)
    for f in out:
        _join_parts(f, c)
    kept = [name_span(f) for f in out]
    for s, e in per:
        if (s, e) not in used and addable(c, s, e) and not any(a < e and s < b for a, b in kept):
            for g in add(s, e):
                g.rule += tag
                out.append(g)
    return out
