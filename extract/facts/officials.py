"""Officials: named people with at least one position (organisation + title).

``find_officials(text)`` is pure: it works on characters with the ``regex``
module (OCR text segments badly) and builds every rule from the lexicons in
``extract/data/`` (titles, title prefixes, organisation suffixes, known
organisations, surnames, name boundaries).

Patterns:

* org + title + name: 工业和信息化部运行监测协调局局长陶青; the organisation is
  scanned leftwards from the title up to a boundary and validated against
  organisation suffixes and known organisations;
* chains joined by 、 before one name: 中共中央总书记、国家主席、中央军委主席习近平;
  a title without its own organisation takes the previous one (org_elided);
  regional titles take the place of a party committee (湖南省委副书记、省长 → 湖南省);
* name + title (李强总理): links to a known official, or creates one when a verb
  or punctuation follows;
* bylines (新华社记者严赋憬张辛欣): marked ``is_reporter``.

Paragraph breaks that do not end a sentence ("、中国\\n宝武…", "执行副主\\n任") are
read through: matching runs on a view with such breaks removed, and every
offset is mapped back to ``text``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Optional

import regex
from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import Mention, Official, Position

from . import binding, lexicon, registry
from .recognizer import SPANS_KEY, recognized

if not Doc.has_extension("officials"):
    Doc.set_extension("officials", default=None)

# A paragraph break after one of these ends a sentence and is not read through.
_SENT_END = set("。！？!?；;：:…”」』）)】")
_ORG_CHARS = regex.compile(r"[\p{Han}A-Za-z0-9（）()“”‘’·\-]")
_HAN = regex.compile(r"\p{Han}")
_DATE = regex.compile(r"(?:\d+|[〇一二三四五六七八九十]+)[年月日号](?:电|讯)?")
_DOT_NAME = regex.compile(r"\p{Han}{1,6}(?:[·・•‧]\p{Han}{1,8}){1,3}")  # bounded: linear time
_REPORTER_TAIL = ("摄", "报道", "发")
_WS = regex.compile(r"[ \t\u3000\r\n]+")


class TextView:
    """``text`` with soft paragraph breaks and spaces between CJK removed."""

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        idx: list[int] = []
        pos = 0
        prev = ""  # the last character of the view so far
        for m in _WS.finditer(text):
            if m.start() > pos:   # copied in chunks, not character by character
                parts.append(text[pos:m.start()])
                idx.extend(range(pos, m.start()))
                prev = text[m.start() - 1]
            pos = m.end()
            ws = m.group()
            nxt = text[m.end()] if m.end() < len(text) else ""
            if "\n" in ws or "\r" in ws:
                soft = prev and prev not in _SENT_END and nxt and _ORG_CHARS.match(nxt) and ws.count("\n") <= 2
                if not soft:
                    parts.append("\n")
                    idx.append(m.start() + max(ws.find("\n"), ws.find("\r")))
                    prev = "\n"
            elif not (prev and _HAN.match(prev) and nxt and (_HAN.match(nxt) or nxt.isdigit())):
                parts.append(ws)
                idx.extend(range(m.start(), m.end()))
                prev = ws[-1]
        self.text = text
        if not parts:   # no whitespace at all: the view is the text
            self.c, self.idx = text, range(len(text))
            return
        parts.append(text[pos:])
        idx.extend(range(pos, len(text)))
        self.c = "".join(parts)
        self.idx = idx

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to a span of the original text."""
        return self.idx[start], self.idx[end - 1] + 1


@dataclass
class _Pos:
    title: str
    org: Optional[str]
    start: int          # view offsets of the position as printed
    end: int
    org_elided: bool = False
    former: bool = False
    regional: bool = False
    self_org: bool = False
    dirty: bool = False     # unexplained text before the title: the name must end cleanly


@dataclass
class _Found:
    name: str
    positions: list[_Pos]
    start: int
    end: int
    rule: str
    score: float
    reporter: bool = False
    extra_spans: list[tuple[int, int]] = field(default_factory=list)


@cache
def _title_re() -> regex.Pattern:
    """Prefixes* + title, longest alternatives first."""
    pre = "|".join(sorted(map(regex.escape, lexicon.title_prefixes()), key=len, reverse=True))
    tit = "|".join(sorted(map(regex.escape, lexicon.titles()), key=len, reverse=True))
    return regex.compile(rf"(?P<pre>(?:{pre})*)(?P<title>{tit})")


_starts_with = lexicon.starts_with


def _ends_with(s: str, role: str) -> Optional[str]:
    return lexicon.ends_at(s, len(s), role)


def _org_suffix(s: str) -> Optional[str]:
    suf = lexicon.org_suffixes()
    for k in range(min(8, len(s)), 0, -1):
        if s[-k:] in suf:
            return s[-k:]
    return None


def _known_tail(s: str) -> Optional[str]:
    """The longest known organisation name or alias that ``s`` ends with."""
    idx = lexicon.org_index()
    for k in range(len(s), 1, -1):
        if s[-k:] in idx:
            return s[-k:]
    return None


def is_org_name(s: str) -> bool:
    """Whether ``s`` reads as an organisation: known, or ending in a suffix."""
    return len(s) >= 2 and (s in lexicon.org_index() or _org_suffix(s) is not None
                            or _known_tail(s) is not None)


def _balance(r: str) -> str:
    """Drop everything up to an unmatched closing quote/bracket, or an open one."""
    depth = {"”": "“", "’": "‘", "）": "（", ")": "("}
    for close, open_ in depth.items():
        bal = 0
        cut = -1
        for i, ch in enumerate(r):
            if ch == open_:
                bal += 1
            elif ch == close:
                if bal == 0:
                    cut = i
                else:
                    bal -= 1
        if cut >= 0:
            r = r[cut + 1:]
    for open_ in ("“", "‘", "（", "("):
        close = {v: k for k, v in depth.items()}[open_]
        last_open = r.rfind(open_)
        if last_open >= 0 and r.find(close, last_open) < 0:
            r = r[last_open + 1:]
    return r


ANON = "<anonymous>"
DIRTY = "<dirty>"


def org_before(c: str, i: int, *, regional: bool = False) -> tuple[Optional[str], int]:
    """The organisation printed right before view offset ``i`` and where it starts.

    Returns (org, start): org is None when there is none, ``ANON`` when the
    title is anonymous (有关负责人); a short unvalidated qualifier is returned as
    ``"+" + qualifier`` so the caller folds it into the title (本报记者, 营销总监).
    """
    j = i
    while j > 0 and i - j < 40 and _ORG_CHARS.match(c[j - 1]):
        j -= 1
    r = _balance(c[j:i])
    dates = list(_DATE.finditer(r))
    if dates:
        r = r[dates[-1].end():]
    # cut at the rightmost stop word (a verb or preposition that never sits in a name)
    stops = lexicon.boundaries()["org_stop"]
    best = -1
    for w in stops:
        k = r.rfind(w)
        if k >= 0:
            best = max(best, k + len(w))
    if best >= 0:
        r = r[best:]
    for k in range(len(r) - 1, 0, -1):  # 和/与/及 only after a complete organisation
        if r[k] in lexicon.boundaries()["org_conj"] and is_org_name(r[:k]) and is_org_name(r[k + 1:]):
            r = r[k + 1:]
            break
    start = i - len(r)
    if not r:
        return None, i
    if _ends_with(r, "anonymous"):
        return ANON, start
    known = _known_tail(r)
    if known is not None and len(known) < len(r):
        entry = lexicon.org_index()[known]
        if entry.parent is None and entry.kind != "media":
            return known, i - len(known)   # a national body is never a sub-unit (新华社中共中央)
    for s in range(len(r) - 1):
        cand = r[s:]
        if is_org_name(cand) and not _starts_with(cand, 0, "name_end"):
            return cand, i - len(cand)
    if regional and 2 <= len(r) <= 6:
        return r, start
    if 1 <= len(r) <= 2:
        return "+" + r, start
    return DIRTY, start


def _given_ok(s: str) -> bool:
    ng = lexicon.boundaries()["not_given"]
    return all(_HAN.match(ch) and ch not in ng for ch in s)


FUNCTION_CHARS = set("的了在是和与及等说称们这那其该此各每都也还就对将已曾则从于被把让并而或者员时地，")


def _given_soft_ok(s: str) -> bool:
    """A two-character given name whose *first* character is place/unit-like (路, 又, 公…).

    The last character must still pass ``_given_ok`` (沙市 after 湖南省长 is no name)."""
    return (len(s) == 2 and _HAN.match(s[0]) is not None and s[0] not in FUNCTION_CHARS
            and _given_ok(s[1:]))


def _clean_at(c: str, q: int) -> bool:
    """Whether a name may end at view offset ``q`` (end, non-Han, a verb/function word, or a
    numeral date or count: 李强八日)."""
    return (q >= len(c) or not _HAN.match(c[q]) or _starts_with(c, q, "name_end") is not None
            or lexicon.numeral_unit_at(c, q))


def _into_numeral(c: str, start: int, end: int) -> bool:
    """Whether a given name c[start:end] runs into a date or count (总理李强八日: 强八 reads 八日
    as part of the name); a name that ends where one begins is fine (主席张三三次)."""
    return (not lexicon.numeral_unit_at(c, end)
            and any(lexicon.numeral_unit_at(c, q) for q in range(start, end)))


def _transliterated(c: str, p: int) -> Optional[str]:
    """A transliterated foreign name at ``p`` (助教休顿, 制片杰瑞布凯默继…): a run of
    transliteration characters, 2 to 12 long, that ends where the run ends or at a verb."""
    chars = lexicon.transliteration_chars()
    k = p
    while k < len(c) and k - p < 12 and c[k] in chars and not (k > p + 1 and _starts_with(c, k, "name_end")):
        k += 1
    if k - p < 2 or (k < len(c) and c[k] in chars):
        return None
    return c[p:k]


def _name_after(c: str, p: int, *, foreign: bool = False) -> Optional[str]:
    """A person's name starting at view offset ``p``, or None.

    A candidate that starts with a common word is no name (专家建议, 记者上午获悉,
    民警立即赶到), unless it is three characters long and ends cleanly (任志刚昨日).
    """
    n = _name_candidate(c, p, foreign=foreign)
    if n and "·" not in n and n[:2] in lexicon.common_words():
        if len(n) == 2 or not _clean_at(c, p + len(n)):
            return None
    return n


def _name_candidate(c: str, p: int, *, foreign: bool = False) -> Optional[str]:
    """The raw name candidate at ``p`` (see ``_name_after``)."""
    if p >= len(c) or _starts_with(c, p, "not_name"):
        return None
    m = _DOT_NAME.match(c, p)
    if m:
        name = m.group()
        last = name.rfind("·") + 1
        for k in range(max(last, 1) + 1, len(name)):
            if _starts_with(name, k, "name_end"):
                return name[:k]
        return name
    if foreign:
        k = p
        while k < len(c) and k - p < 8 and _HAN.match(c[k]) and not (k > p + 1 and _starts_with(c, k, "name_end")):
            k += 1
        if k - p >= 2:
            return c[p:k]
        return None
    translit = _transliterated(c, p)
    if translit and len(translit) >= 3:
        return translit
    sur = lexicon.surnames()
    if c[p:p + 2] in sur and len(c[p:p + 2]) == 2:
        slen = 2
    elif c[p] in sur:
        slen = 1
    else:
        return translit
    cands = [c[p:p + slen + g] for g in (2, 1) if p + slen + g <= len(c)
             and not _into_numeral(c, p + slen, p + slen + g)
             and (_given_ok(c[p + slen:p + slen + g])
                  # 李路明说, 张又侠出席: a place-like character is fine in a name that ends cleanly
                  or (_clean_at(c, p + slen + g) and _given_soft_ok(c[p + slen:p + slen + g])))]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    long, short = cands

    def clean_at(q: int) -> bool:
        return _clean_at(c, q)

    def seen_clean(n: str) -> int:
        """How often ``n`` occurs elsewhere followed by a clean boundary."""
        return _clean_ends(c)[n] - (1 if clean_at(p + len(n)) else 0)

    if clean_at(p + len(short)) and not seen_clean(long):
        return short
    if clean_at(p + len(long)):
        return long
    if seen_clean(long):
        return long
    if seen_clean(short):
        return short
    return long


@lru_cache(maxsize=2)
def _clean_ends(c: str) -> Counter:
    """How often each 2-4 character string occurs in ``c`` followed by a clean boundary: built
    once a text, so weighing name candidates stays linear (issue 9 F14)."""
    counts: Counter = Counter()
    for q in range(2, len(c) + 1):
        if _clean_at(c, q):
            counts.update(c[q - k:q] for k in (2, 3, 4) if k <= q)
    return counts


RARE_SURNAME = 20  # frequency (per the surname list) below which a run-on byline name is doubted


def _reporter_names(c: str, p: int) -> list[str]:
    """Names after a byline title: 严赋憬张辛欣 → [严赋憬, 张辛欣]."""
    k = p
    while (k < len(c) and k - p < 12 and _HAN.match(c[k]) and not (k > p + 1 and _title_re().match(c, k))
           and not lexicon.numeral_unit_at(c, k)):
        k += 1
    if _starts_with(c, p, "not_name"):
        return []
    run = c[p:k]
    for tail in _REPORTER_TAIL:
        if run.endswith(tail):
            run = run[: -len(tail)]
            if tail == "报道" and len(run) >= 4:
                run = run[:-2]  # 记者胡金华上海报道: a place (usually two characters) before 报道
    run = regex.split(r"摄影|摄|文$", run)[0] or run  # 记者李凌静摄影肖潇, 记者梅建明文/摄
    sur = lexicon.surnames()

    def key(names: list[str]) -> tuple[int, int]:
        return (-len(names), sum(sur.get(n[:2], 0) or sur.get(n[0], 0) for n in names))

    def seg(s: str) -> Optional[list[str]]:
        if not s:
            return []
        best: Optional[list[str]] = None
        for slen in (2, 1):
            if s[:slen] not in sur or len(s[:slen]) != slen:
                continue
            for g in (2, 1):
                n = s[: slen + g]
                if len(n) == slen + g and _given_ok(n[slen:]):
                    rest = seg(s[slen + g:])
                    if rest is not None:
                        cand = [n] + rest
                        if best is None or key(cand) > key(best):
                            best = cand
        return best

    if 2 <= len(run) <= 9:
        names = seg(run)
        if names:
            return names
    one = _name_after(c, p)
    if one:  # 记者见到聊城…: in running text 记者 is often followed by a verb, not a name
        q = p + len(one)
        common = lexicon.surnames().get(one[:2], 0) or lexicon.surnames().get(one[0], 0)
        if (q < len(c) and _HAN.match(c[q]) and not _starts_with(c, q, "name_end") and c[q] != "摄"
                and common < RARE_SURNAME):
            return []
    return [one] if one else []


SHARED_HEADS = set("部局厅院行校所社署处委")  # a title's first character that can also end its organisation


def _position_at(c: str, m: regex.Match) -> tuple[_Pos, bool, bool]:
    """The position whose title is match ``m``; returns (pos, anonymous, reporter)."""
    info = lexicon.titles()[m.group("title")]
    prefixes = lexicon.title_prefixes()
    pre = m.group("pre")
    former = False
    for fp in [p for p, f in prefixes.items() if f]:
        if pre.startswith(fp):
            pre, former = pre[len(fp):], True
    title = pre + m.group("title")
    org, ostart = org_before(c, m.start(), regional="regional" in info.flags)
    anonymous = org == ANON
    dirty = org == DIRTY
    if dirty:
        org = None
    if org and org.startswith("+"):
        head = m.group("title")[0]
        if not pre and head in SHARED_HEADS and is_org_name(org[1:] + head):
            org = org[1:] + head   # 财政部长: the organisation 财政部 shares 部 with the title 部长
        else:
            title, org = org[1:] + title, None
    for fp in [p for p, f in prefixes.items() if f]:
        if org and org.startswith(fp) and is_org_name(org[len(fp):]):
            org, former = org[len(fp):], True   # 原国务院副总理
        elif org and c[max(ostart - len(fp), 0):ostart] == fp:
            ostart, former = ostart - len(fp), True
    if anonymous:
        org = None
    return (_Pos(title, org, ostart if org or (ostart < m.start() and not dirty) else m.start(), m.end(),
                 former=former, regional="regional" in info.flags, self_org="self" in info.flags, dirty=dirty),
            anonymous, "reporter" in info.flags)


def _chain(c: str, pos: _Pos, by_end: dict[int, regex.Match]) -> list[_Pos]:
    """``pos`` with the positions joined to it by 、 before (中共中央总书记、国家主席、…)."""
    chain = [pos]
    while chain[0].start > 0 and c[chain[0].start - 1] == "、" and chain[0].start - 1 in by_end:
        prev, anon, _ = _position_at(c, by_end[chain[0].start - 1])
        if anon:
            break
        chain.insert(0, prev)
    _elide(chain)
    return chain


def _ner_found(c: str, matches: list[regex.Match], s: int, e: int,
               titles: Optional[dict[str, dict[int, int]]] = None,
               orgs: Optional[dict[int, int]] = None) -> list[_Found]:
    """An official for the recogniser's PER span c[s:e] when a title stands directly beside it:
    binding by the rules, the name by the model (binding.py).

    The title is a title word of the lexicon or one of the recogniser's TITLE spans
    (``titles["by_end"]``/``["by_start"]``: end → start and start → end, view offsets), so a
    title the lexicon lacks (导演, 教授, 设计师) still binds. Before the name
    (``org_title_name``/``ner_title_name``) its organisation is the rules' (org_before) or the
    recogniser's ORG span ending where the title starts (``orgs``: end → start). After the name
    (``name_title``: 江泽民总书记, 汪忠镐教授) any title binds: the name is the model's, so the
    rules' caution about which titles follow a name (the ``post`` flag) is not needed."""
    if not _model_name_ok(c[s:e]):
        return []
    titles = titles or {"by_end": {}, "by_start": {}}
    orgs = orgs or {}
    by_end = {m.end(): m for m in matches}
    by_start = {m.start(): m for m in matches}
    m = by_end.get(s)
    if m is not None:
        pos, anonymous, reporter = _position_at(c, m)
        if anonymous or reporter:
            return []
        if pos.org is None and orgs.get(pos.start) is not None:   # the model's ORG before the title
            pos.org, pos.start = c[orgs[pos.start]:pos.start], orgs[pos.start]
        chain = _chain(c, pos, by_end)
        rule = "title_chain" if len(chain) > 1 else ("org_title_name" if pos.org else "title_name")
        return [_Found(c[s:e], chain, chain[0].start, e, rule, 0.9 if pos.org else 0.75)]
    ts = titles["by_end"].get(s)
    if ts is not None and _model_title_ok(c[ts:s]):
        os_ = orgs.get(ts)
        org = c[os_:ts] if os_ is not None else None
        start = os_ if os_ is not None else ts
        return [_Found(c[s:e], [_Pos(c[ts:s], org, start, s)], start, e, "ner_title_name",
                       0.8 if org else 0.7)]
    m = by_start.get(e)
    if m is not None and not m.group("pre"):
        info = lexicon.titles()[m.group("title")]
        if "reporter" not in info.flags:
            return [_Found(c[s:e], [_Pos(m.group(), None, m.start(), m.end())], s, m.end(), "name_title",
                           0.6 if "post" in info.flags else 0.55)]
    te = titles["by_start"].get(e)
    if te is not None and _model_title_ok(c[e:te]):
        return [_Found(c[s:e], [_Pos(c[e:te], None, e, te)], s, te, "name_title", 0.55)]
    return []


def _model_name_ok(name: str) -> bool:
    """A recogniser PER span that may be an official's name: not a place (莫桑比克总统) and not an
    organisation (爵士队教练, 托老院主任)."""
    return name not in lexicon.places() and not is_org_name(name)


def _model_title_ok(title: str) -> bool:
    """A recogniser TITLE span that may make an official: not a byline's (记者, 通讯员), and
    Han or a Latin title (CEO) of at most 12 characters."""
    if len(title) > 12 or not title.strip():
        return False
    return not any(title.endswith(r) for r in ("记者", "通讯员", "摄影", "摄"))


def _elide(chain: list[_Pos]) -> None:
    """Fill a missing organisation from the position before (国家能源局党组书记、局长)."""
    for k in range(1, len(chain)):
        pos, prev = chain[k], chain[k - 1]
        if pos.org or pos.self_org or not prev.org:
            continue
        org = prev.org
        if pos.regional:
            place = regex.sub(r"(?<=[省市县区州])(?:委|人民政府|政府)$", "", org)
            if place == org:
                continue
            org = place
        pos.org, pos.org_elided = org, True


def _shared_title_names(c: str, q: int, foreign: bool, title_starts: set[int]) -> list[tuple[str, int]]:
    """Further names after ``、`` that share the title before the first one.

    Stops at anything that is not a bare, cleanly ended name: an item with a title of its
    own (、山西省委书记唐登杰) belongs to the list-of-officials pattern instead.
    """
    out: list[tuple[str, int]] = []
    while q < len(c) and c[q] == "、":
        n = _name_after(c, q + 1, foreign=foreign)
        if not n:
            break
        end = q + 1 + len(n)
        if not (end >= len(c) or c[end] in "、，。；" or _starts_with(c, end, "name_end")):
            break
        if is_org_name(n) or any(t in title_starts for t in range(q + 1, end + 1)):
            break
        out.append((n, end))
        q = end
    return out


def _scan(view: TextView) -> list[_Found]:
    c = view.c
    matches = list(_title_re().finditer(c))
    by_end = {m.end(): m for m in matches}
    title_starts = {m.start() for m in matches}
    found: list[_Found] = []
    for m in matches:
        pos, anonymous, reporter = _position_at(c, m)
        if anonymous:  # 有关负责人介绍: nobody; 相关负责人张继洲对…表示: a named person after all
            n = None if _starts_with(c, m.end(), "name_end") else _name_after(c, m.end())
            if not (n and _clean_at(c, m.end() + len(n))):
                continue
        info = lexicon.titles()[m.group("title")]
        foreign = info.cls == "intl" or bool(pos.org and lexicon.org_index().get(pos.org)
                                              and lexicon.org_index()[pos.org].kind == "international")
        if reporter:
            names = _reporter_names(c, m.end())
        else:
            n = _name_after(c, m.end(), foreign=foreign)
            if n and pos.dirty and not _clean_at(c, m.end() + len(n)):
                n = None
            names = [n] if n else []
        if not names:
            continue
        chain = _chain(c, pos, by_end)
        rule = "title_chain" if len(chain) > 1 else ("org_title_name" if pos.org else "title_name")
        score = 0.9 if pos.org else (0.6 if pos.dirty else 0.75)
        q = m.end()
        for n in names:
            found.append(_Found(n, [*chain], chain[0].start, q + len(n), "reporter_byline" if reporter else rule,
                                score, reporter=reporter))
            q += len(n)
        if not reporter:  # 中央军委副主席张又侠、何卫东: one title shared by a list of names
            for n, end in _shared_title_names(c, q, foreign, title_starts):
                found.append(_Found(n, [*chain], chain[0].start, end, "shared_title", score * 0.9))
    # name + title (李强总理)
    anchored = {f.positions[-1].end for f in found}
    known = {f.name for f in found}
    for m in matches:
        info = lexicon.titles()[m.group("title")]
        if "post" not in info.flags or m.end() in anchored or m.group("pre"):
            continue
        for L in (3, 2):
            s = m.start() - L
            if s < 0:
                continue
            name = c[s:m.start()]
            if name in known:
                break
            before_ok = (s == 0 or not _HAN.match(c[s - 1]) or lexicon.ends_at(c, s, "name_end")
                         or lexicon.ends_at(c, s, "org_stop"))
            after_ok = m.end() >= len(c) or c[m.end()] in "，。、；！？" or _starts_with(c, m.end(), "name_end")
            if (name[0] in lexicon.surnames() and _given_ok(name[1:]) and before_ok and after_ok
                    and not is_org_name(name)):
                found.append(_Found(name, [_Pos(m.group(), None, m.start(), m.end())], s, m.end(), "name_title", 0.6))
                known.add(name)
                break
    return found


def find_officials(text: str, names: Optional[list[tuple[int, int]]] = None, *,
                   model: Optional[str] = None, unmatched: Optional[str] = None,
                   titles: Optional[list[tuple[int, int]]] = None,
                   orgs: Optional[list[tuple[int, int]]] = None) -> list[Official]:
    """Every named official in ``text``, with positions and later mentions.

    ``names``: the recogniser's PER spans for ``text`` (character offsets), when it ran; they
    confirm, re-cut or drop the names the rules find and add names directly beside a title
    (binding.py). ``model`` is the recogniser's id for the records' ``rule`` (default: the
    shipped model's); ``unmatched`` is binding.UNMATCHED's override; ``titles`` and ``orgs``
    are the recogniser's TITLE and ORG spans, which bind a PER span the rules did not (a title
    the lexicon lacks, an organisation it does not know). Without ``names`` only the rules run."""
    view = TextView(text)
    c = view.c
    found = _scan(view)
    if names is not None:
        if model is None:
            from .recognizer import model_info
            model = model_info()["id"]
        matches = list(_title_re().finditer(c))
        tv = binding.to_view(view.idx, titles or [])
        tmap = {"by_end": {e: s for s, e in tv}, "by_start": {s: e for s, e in tv}}
        omap = {e: s for s, e in binding.to_view(view.idx, orgs or [])}
        found = binding.bind(found, c, binding.to_view(view.idx, names), f"+ner:{model}",
                             add=lambda s, e: _ner_found(c, matches, s, e, tmap, omap), unmatched=unmatched)
    merged: dict[str, _Found] = {}
    seen: dict[str, tuple[set, set]] = {}   # name -> ((org, title) pairs, titles) of its positions
    for f in found:
        if f.name not in merged:
            merged[f.name] = f
            seen[f.name] = ({(p.org, p.title) for p in f.positions}, {p.title for p in f.positions})
            continue
        g = merged[f.name]
        have, titles = seen[f.name]
        for p in f.positions:
            if (p.org, p.title) not in have and not (p.org is None and p.title in titles):
                g.positions.append(p)
                have.add((p.org, p.title))
                titles.add(p.title)
        g.reporter = g.reporter and f.reporter
        g.extra_spans.append((f.start, f.end))
    out: list[Official] = []
    occurrences = _occurrences(c, list(merged))
    for f in merged.values():
        s, e = view.span(f.start, f.end)
        mentions = []
        for ms, me in occurrences[f.name]:
            ms, me = view.span(ms, me)
            mentions.append(Mention(start=ms, end=me, text=text[ms:me]))
        positions = []
        for p in f.positions:
            ps, pe = view.span(p.start, p.end)
            positions.append(Position(start=ps, end=pe, text=text[ps:pe], title=p.title, org=p.org,
                                      org_elided=p.org_elided, former=p.former))
        out.append(Official(start=s, end=e, text=text[s:e], rule=f.rule, score=f.score, name=f.name,
                            positions=positions, mentions=mentions, is_reporter=f.reporter))
    out.sort(key=lambda o: o.start)
    return out


def _occurrences(c: str, names: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Non-overlapping occurrences of each name in ``c``, in one pass per name length (not one
    per name: a page listing thousands of officials stays linear)."""
    out: dict[str, list[tuple[int, int]]] = {n: [] for n in names}
    by_len: dict[int, set[str]] = {}
    for n in names:
        by_len.setdefault(len(n), set()).add(n)
    for length, group in by_len.items():
        heads = {n[0] for n in group}
        for i in range(len(c) - length + 1):
            if c[i] in heads and (w := c[i:i + length]) in group:
                spans = out[w]
                if not spans or spans[-1][1] <= i:
                    spans.append((i, i + length))
    return out


class OfficialsComponent:
    """spaCy component: sets ``doc._.officials``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        """Preload the lexicons so the first document is not slow."""
        lexicon.titles(), lexicon.surnames(), lexicon.org_index(), lexicon.boundaries()
        _title_re()

    def __call__(self, doc: Doc) -> Doc:
        names = model = titles = orgs = None
        if SPANS_KEY in doc.spans:   # the recogniser ran before: its PER spans cut the names
            spans = recognized(doc)
            names = [(r.start, r.end) for r in spans if r.label == "PER"]
            titles = [(r.start, r.end) for r in spans if r.label == "TITLE"]
            orgs = [(r.start, r.end) for r in spans if r.label == "ORG"]
            model = doc.spans[SPANS_KEY].attrs.get("model")
        doc._.officials = find_officials(doc_text(doc), names, model=model, titles=titles, orgs=orgs)
        return doc


@Language.factory("officials", default_config={}, **registry.BY_NAME["officials"].declared)
def make_officials(nlp: Language, name: str) -> OfficialsComponent:
    """Factory for the "officials" pipeline component."""
    return OfficialsComponent(nlp, name)
