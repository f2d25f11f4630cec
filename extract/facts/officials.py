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
offset is mapped back to ``text`` (textview.py).

The rules are split by what they read: organisation names (orgnames.py), positions before a name
(positions.py), names after a title (names.py); this module puts them together and binds the
recogniser's spans (binding.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex
from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import Mention, Official, Position

from . import binding, lexicon, registry
from .names import clean_at, clean_ends, given_ok, name_after, reporter_names, shared_title_names
from .leaders import listed_leaders
from .orgnames import is_org_name, org_suffix
from .positions import Pos, chain, position_at, title_re
from .recognizer import SPANS_KEY, recognized
from .textview import TextView

if not Doc.has_extension("officials"):
    Doc.set_extension("officials", default=None)

_HAN = regex.compile(r"\p{Han}")
_starts_with = lexicon.starts_with
# the names tests/test_issue9_facts.py knows them by
_clean_at, _clean_ends = clean_at, clean_ends


@dataclass
class _Found:
    name: str
    positions: list[Pos]
    start: int
    end: int
    rule: str
    score: float
    reporter: bool = False
    extra_spans: list[tuple[int, int]] = field(default_factory=list)


def _chain_rule(positions: list[Pos]) -> str:
    return "title_chain" if len(positions) > 1 else ("org_title_name" if positions[-1].org else "title_name")


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
    before = _ner_title_before(c, matches, s, e, titles["by_end"], orgs)
    return before if before is not None else _ner_title_after(c, matches, s, e, titles["by_start"])


def _ner_title_before(c: str, matches: list[regex.Match], s: int, e: int,
                      title_by_end: dict[int, int], orgs: dict[int, int]) -> Optional[list[_Found]]:
    """The official for PER c[s:e] after a title word (with its organisation and chain) or after
    one of the recogniser's TITLE spans (with its ORG span); [] when the title word before is an
    anonymous or a byline one (no official), None when no title stands before."""
    by_end = {m.end(): m for m in matches}
    m = by_end.get(s)
    if m is not None:
        pos, anonymous, reporter = position_at(c, m)
        if anonymous or reporter:
            return []
        if pos.org is None and orgs.get(pos.start) is not None:   # the model's ORG before the title
            pos.org, pos.start = c[orgs[pos.start]:pos.start], orgs[pos.start]
        positions = chain(c, pos, by_end)
        return [_Found(c[s:e], positions, positions[0].start, e, _chain_rule(positions), 0.9 if pos.org else 0.75)]
    ts = title_by_end.get(s)
    if ts is not None and _model_title_ok(c[ts:s]):
        os_ = orgs.get(ts)
        org = c[os_:ts] if os_ is not None else None
        start = os_ if os_ is not None else ts
        return [_Found(c[s:e], [Pos(c[ts:s], org, start, s)], start, e, "ner_title_name",
                       0.8 if org else 0.7)]
    return None


def _ner_title_after(c: str, matches: list[regex.Match], s: int, e: int,
                     title_by_start: dict[int, int]) -> list[_Found]:
    """The official for PER c[s:e] before a title word or a TITLE span (江泽民总书记)."""
    by_start = {m.start(): m for m in matches}
    m = by_start.get(e)
    if m is not None and not m.group("pre"):
        info = lexicon.titles()[m.group("title")]
        if "reporter" not in info.flags:
            return [_Found(c[s:e], [Pos(m.group(), None, m.start(), m.end())], s, m.end(), "name_title",
                           0.6 if "post" in info.flags else 0.55)]
    te = title_by_start.get(e)
    if te is not None and _model_title_ok(c[e:te]):
        return [_Found(c[s:e], [Pos(c[e:te], None, e, te)], s, te, "name_title", 0.55)]
    return []


def _model_name_ok(name: str) -> bool:
    """A recogniser PER span that may be an official's name: not a place (莫桑比克总统) and not an
    organisation (爵士队教练, 托老院主任). With a weak organisation ending (科, 队, 院) it must read
    as a name: a surname and at most three characters (李科), or a transliteration (基里延科:
    all but one character from transliteration_chars.txt)."""
    if name in lexicon.places() or name in lexicon.org_index():
        return False
    suffix = org_suffix(name)
    if suffix is None:
        return True
    if lexicon.org_suffixes()[suffix][1]:   # a strong ending: 公司, 委员会
        return False
    if len(name) <= 3 and (name[0] in lexicon.surnames() or name[:2] in lexicon.surnames()):
        return True
    translit = lexicon.transliteration_chars()
    return len(name) >= 3 and sum(ch in translit for ch in name) >= len(name) - 1


def _model_title_ok(title: str) -> bool:
    """A recogniser TITLE span that may make an official: not a byline's (记者, 通讯员), and
    Han or a Latin title (CEO) of at most 12 characters."""
    if len(title) > 12 or not title.strip():
        return False
    return not any(title.endswith(r) for r in ("记者", "通讯员", "摄影", "摄"))


def _names_after_title(c: str, m: regex.Match, pos: Pos, anonymous: bool, reporter: bool,
                       foreign: bool) -> list[str]:
    """The names printed right after the title ``m``: a byline's names, one name, or none."""
    if anonymous:  # 有关负责人介绍: nobody; 相关负责人张继洲对…表示: a named person after all
        n = None if _starts_with(c, m.end(), "name_end") else name_after(c, m.end())
        if not (n and clean_at(c, m.end() + len(n))):
            return []
    if reporter:
        return reporter_names(c, m.end())
    n = name_after(c, m.end(), foreign=foreign)
    if n and pos.dirty and not clean_at(c, m.end() + len(n)):
        n = None
    return [n] if n else []


def _title_name(c: str, m: regex.Match, by_end: dict[int, regex.Match], title_starts: set[int]) -> list[_Found]:
    """Officials named after the title ``m`` (org + title + name, title chains, bylines, and names
    sharing the title)."""
    pos, anonymous, reporter = position_at(c, m)
    info = lexicon.titles()[m.group("title")]
    foreign = info.cls == "intl" or bool(pos.org and lexicon.org_index().get(pos.org)
                                          and lexicon.org_index()[pos.org].kind == "international")
    names = _names_after_title(c, m, pos, anonymous, reporter, foreign)
    if not names:
        return []
    positions = chain(c, pos, by_end)
    rule = _chain_rule(positions)
    score = 0.9 if pos.org else (0.6 if pos.dirty else 0.75)
    found, q = [], m.end()
    for n in names:
        found.append(_Found(n, [*positions], positions[0].start, q + len(n), "reporter_byline" if reporter else rule,
                            score, reporter=reporter))
        q += len(n)
    if not reporter:  # 中央军委副主席张又侠、何卫东: one title shared by a list of names
        for n, end in shared_title_names(c, q, foreign, title_starts):
            found.append(_Found(n, [*positions], positions[0].start, end, "shared_title", score * 0.9))
    return found


def _name_title(c: str, matches: list[regex.Match], found: list[_Found]) -> list[_Found]:
    """Name + title (李强总理): a surname-led name right before a title that may follow a name."""
    anchored = {f.positions[-1].end for f in found}
    known = {f.name for f in found}
    out: list[_Found] = []
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
            if (name[0] in lexicon.surnames() and given_ok(name[1:]) and before_ok and after_ok
                    and not is_org_name(name)):
                out.append(_Found(name, [Pos(m.group(), None, m.start(), m.end())], s, m.end(), "name_title", 0.6))
                known.add(name)
                break
    return out


def _scan(view: TextView) -> list[_Found]:
    c = view.c
    matches = list(title_re().finditer(c))
    by_end = {m.end(): m for m in matches}
    title_starts = {m.start() for m in matches}
    found = [f for m in matches for f in _title_name(c, m, by_end, title_starts)]
    found += _name_title(c, matches, found)
    known = {f.name for f in found}
    return found + [_Found(n, [Pos(t, o or None, ts, te)], s, e, "list_before_collective_title", 0.6)
                    for n, o, t, s, e, ts, te in listed_leaders(c) if n not in known]


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
    found = _scan(view)
    if names is not None:
        found = _bind(view, found, names, model, unmatched, titles or [], orgs or [])
    merged = _merge(found)
    occurrences = _occurrences(view.c, list(merged))
    out = [_record(f, view, occurrences[f.name]) for f in merged.values()]
    out.sort(key=lambda o: o.start)
    return out


def _bind(view: TextView, found: list[_Found], names: list[tuple[int, int]], model: Optional[str],
          unmatched: Optional[str], titles: list[tuple[int, int]], orgs: list[tuple[int, int]]) -> list[_Found]:
    """The rules' officials re-cut, confirmed or dropped by the recogniser's PER spans, plus those
    its spans bind beside a title (binding.bind)."""
    if model is None:
        from .recognizer import model_info
        model = model_info()["id"]
    c = view.c
    matches = list(title_re().finditer(c))
    tv = binding.to_view(view.idx, titles)
    tmap = {"by_end": {e: s for s, e in tv}, "by_start": {s: e for s, e in tv}}
    omap = {e: s for s, e in binding.to_view(view.idx, orgs)}
    bound = binding.bind(found, c, binding.to_view(view.idx, names), f"+ner:{model}",
                         add=lambda s, e: _ner_found(c, matches, s, e, tmap, omap), unmatched=unmatched,
                         orgs=binding.to_view(view.idx, orgs))
    for f in bound:   # a position the rules left without an organisation takes the model's ORG
        p = f.positions[0]
        if p.org is None and not p.org_elided and omap.get(p.start) is not None:
            p.org, p.start = c[omap[p.start]:p.start], omap[p.start]
            f.start = min(f.start, p.start)
    return bound


def _merge(found: list[_Found]) -> dict[str, _Found]:
    """One official a name: later finds add their new positions (an (org, title) pair not seen,
    and no bare title already seen) and their spans."""
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
    return merged


def _record(f: _Found, view: TextView, occurrences: list[tuple[int, int]]) -> Official:
    """The Official record of a find, its offsets mapped from the view to the text."""
    text = view.text
    s, e = view.span(f.start, f.end)
    mentions = []
    for ms, me in occurrences:
        ms, me = view.span(ms, me)
        mentions.append(Mention(start=ms, end=me, text=text[ms:me]))
    positions = []
    for p in f.positions:
        ps, pe = view.span(p.start, p.end)
        positions.append(Position(start=ps, end=pe, text=text[ps:pe], title=p.title, org=p.org,
                                  org_elided=p.org_elided, former=p.former))
    return Official(start=s, end=e, text=text[s:e], rule=f.rule, score=f.score, name=f.name,
                    positions=positions, mentions=mentions, is_reporter=f.reporter)


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
        title_re()

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
