"""Organisations: every mention, with canonical name, aliases, kind and parent.

``find_organizations(text, officials=None)`` is pure. Mentions come from three
rules, all built from the lexicons in ``extract/data/``:

* ``known_org``: a canonical name or alias from orgs.tsv (工信部, 中共中央);
* ``org_before_title``: the organisation scanned leftwards from a title
  (工业和信息化部科技司 in 工业和信息化部科技司司长谢少锋), as for officials;
* ``org_suffix``: a run ending in a *strong* suffix (有限公司, 公安局, 研究院).

A mention nested in a longer one is kept only where it is the longer one's
leading part (its parent: 工业和信息化部 in 工业和信息化部科技司). Aliases share the
canonical name; a name that begins with a known alias is canonicalised on that
part (工信部科技司 → 工业和信息化部科技司). Kind comes from the known entry, else
the longest suffix that determines one, else the parent's.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Optional

import regex
from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import Mention, Official, Organization

from . import binding, lexicon, registry
from .orgnames import is_org_name, org_before
from .positions import title_re
from .recognizer import SPANS_KEY, recognized
from .textview import TextView
from .wordfeats import lexicon_words

if not Doc.has_extension("organizations"):
    Doc.set_extension("organizations", default=None)

_LEGAL_FORM = ("有限", "公司", "股份", "（集团）", "(集团)", "集团")
_SCORES = {"known_org": 0.95, "org_before_title": 0.85, "org_suffix": 0.7, "ner_org": 0.6}
_HAN = regex.compile(r"\p{Han}")


@dataclass
class _Cand:
    name: str
    start: int  # view offsets
    end: int
    rule: str


@cache
def _known_index() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The known names and aliases of two or more characters (orgs.tsv), and per first character
    the lengths of those that start with it, longest first."""
    names = frozenset(n for n in lexicon.org_index() if len(n) >= 2)
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[0], set()).add(len(n))
    return names, {ch: tuple(sorted(v, reverse=True)) for ch, v in lengths.items()}


def _opens_word(c: str, s: int, e: int) -> bool:
    """A word of words.txt that starts at ``s`` and runs past ``e`` (记者会 over 记者, 主席团 over 主席):
    the title printed at ``s..e`` is only the start of that word."""
    words, index = lexicon_words()
    return any(n > e - s and s + n <= len(c) and c[s:s + n] in words for n in index.get(c[s:s + 1], ()))


def _apart(c: str, s: int, e: int) -> bool:
    """Whether ``c[s:e]`` has no Latin letter (A-Z, a-z) right before or right after it."""
    return not (s and ("A" <= c[s - 1] <= "Z" or "a" <= c[s - 1] <= "z")
                or e < len(c) and ("A" <= c[e] <= "Z" or "a" <= c[e] <= "z"))


def _known_spans(c: str) -> list[tuple[int, int]]:
    """(start, end) of the known names in ``c``: left to right, at each place the longest name
    that starts there, none overlapping; an ASCII name (UN, WTO) not inside a Latin word. (What
    an alternation of the names, longest first, finds; a lookup per character is faster to build
    and to run than that regex.)"""
    names, index = _known_index()
    out: list[tuple[int, int]] = []
    i, n = 0, len(c)
    while i < n:
        for k in index.get(c[i], ()):
            e = i + k
            w = c[i:e]
            if e <= n and w in names and (not w.isascii() or _apart(c, i, e)):
                out.append((i, e))
                i = e
                break
        else:
            i += 1
    return out


@cache
def _strong_re() -> regex.Pattern:
    strong = [s for s, (_, st) in lexicon.org_suffixes().items() if st]
    return regex.compile("|".join(regex.escape(s) for s in sorted(strong, key=len, reverse=True)))


def canonical_of(name: str) -> str:
    """Canonical full name: known entry, or a known leading part expanded."""
    idx = lexicon.org_index()
    if name in idx:
        return idx[name].canonical
    for k in range(len(name) - 2, 1, -1):
        head, rest = name[:k], name[k:]
        if head in idx and is_org_name(rest) and not rest.startswith(_LEGAL_FORM):
            return idx[head].canonical + rest
    return name


def parent_of(name: str) -> Optional[str]:
    """The longest leading part of ``name`` that is itself an organisation."""
    idx = lexicon.org_index()
    if name in idx:
        return idx[name].parent
    strong = lexicon.strong_org_suffixes()
    for k in range(len(name) - 2, 1, -1):   # longest leading part first
        head, rest = name[:k], name[k:]
        if rest.startswith(_LEGAL_FORM):
            continue   # 集团 + 有限公司 is one company
        if head in idx:
            return idx[head].canonical
        if any(head[j:] in strong for j in range(1, len(head))):   # a strong suffix shorter than head
            return canonical_of(head)
    return None


BRANCH_SUFFIXES = ("分公司", "子公司", "分行", "支行", "分社", "分院", "分局", "办事处", "分中心")


def kind_of(name: str, _depth: int = 0) -> Optional[str]:
    """Kind from the known entry, the longest suffix that determines one, or the parent."""
    idx = lexicon.org_index()
    canon = canonical_of(name)
    for n in (name, canon):
        if n in idx:
            return idx[n].kind
    if name.endswith(BRANCH_SUFFIXES) and _depth < 3:  # 中国电信昆明分公司 is what 中国电信 is
        parent = parent_of(name)
        pk = kind_of(parent, _depth + 1) if parent else None
        if pk:
            return pk
    suffixes = lexicon.org_suffixes()
    for k in range(min(8, len(name)), 0, -1):
        kind = suffixes.get(name[-k:], (None, False))[0]
        if kind:
            # a generic ending (局, 委) yields to the parent's kind where there is one
            if k == 1 and _depth < 3:
                parent = parent_of(name)
                pk = kind_of(parent, _depth + 1) if parent else None
                if pk:
                    return pk
            return kind
    parent = parent_of(name)
    if parent and _depth < 3:
        return kind_of(parent, _depth + 1)
    return None


def _candidates(c: str) -> list[_Cand]:
    cands: list[_Cand] = []
    for s, e in _known_spans(c):
        cands.append(_Cand(c[s:e], s, e, "known_org"))
    for m in title_re().finditer(c):
        if _opens_word(c, m.start("title"), m.end()):
            continue   # 例行|记者会: the title opens a longer word (a press conference), no one holds it
        found = org_before(c, m.start(), shares="" if m.group("pre") else m.group("title")[0])
        if found.org:
            cands.append(_Cand(found.org, found.start, found.start + len(found.org), "org_before_title"))
    for m in _strong_re().finditer(c):
        if c.startswith(_LEGAL_FORM, m.end()):
            continue   # 集团 in 集团有限公司: the same company, not a parent
        found = org_before(c, m.end())
        if found.org and len(found.org) >= len(m.group()) + 2:
            cands.append(_Cand(found.org, found.start, found.start + len(found.org), "org_suffix"))
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Drop duplicates and mentions nested inside a longer one (except its leading part).

    A mention is nested unless every longer mention holding it starts where it starts; that
    is, it is dropped when some mention starting further left reaches its end. One sweep in
    start order keeps the furthest end seen so far: linear after the sort (issue 9 F14).
    """
    by_span: dict[tuple[int, int], _Cand] = {}
    order = {"known_org": 0, "org_before_title": 1, "org_suffix": 2, "ner_org": 3}
    for cd in cands:
        key = (cd.start, cd.end)
        if key not in by_span or order[cd.rule] < order[by_span[key].rule]:
            by_span[key] = cd
    kept = []
    spans = sorted(by_span.values(), key=lambda x: (x.start, -(x.end - x.start)))
    reach = -1          # furthest end of the mentions starting left of the current start
    group_start, group_reach = -1, -1
    for cd in spans:
        if cd.start != group_start:
            reach = max(reach, group_reach)
            group_start, group_reach = cd.start, -1
        group_reach = max(group_reach, cd.end)
        if reach >= cd.end:
            continue
        kept.append(cd)
    return kept


def _model_cands(c: str, spans: list[tuple[int, int]], rules: list[_Cand]) -> list[_Cand]:
    """The recogniser's ORG spans (view offsets) as candidates: Han, 2–40 characters, not a place,
    reading as an organisation by the lexicons (known, or ending in an organisation suffix: the
    model alone also tags slogans and campaigns, 新型工业化, 拥政爱民), and neither crossing a rule
    mention nor holding one except as its leading part (a parent: 工业和信息化部 in
    工业和信息化部科技司); where the two disagree the rules' edges stand."""
    out = []
    for s, e in spans:
        name = c[s:e]
        if not 2 <= len(name) <= 40 or name in lexicon.places() or not _HAN.search(name) or not is_org_name(name):
            continue
        if any(r.start < e and s < r.end and not (r.start <= s and e <= r.end) and (r.start != s or r.end > e)
               for r in rules):
            continue   # crossing a rule mention, or holding one that is not its leading part (反映该县|政法委)
        out.append(_Cand(name, s, e, "ner_org"))
    return out


def find_organizations(text: str, officials: Optional[list[Official]] = None, *,
                       spans: Optional[list[tuple[int, int]]] = None, model: Optional[str] = None
                       ) -> list[Organization]:
    """Every organisation mentioned in ``text``, grouped by canonical name.

    ``spans``: the recogniser's ORG spans (character offsets into ``text``), when it ran: a span
    the rules also found confirms it (score raised halfway to 1, ``+ner:MODEL`` on the rule); one
    the rules missed is a mention of its own (rule ``ner_org+ner:MODEL``, score .6), canonicalised
    with the lexicon like the rest. ``officials`` is accepted for pipeline symmetry."""
    view = TextView(text)
    rules = _candidates(view.c)
    model_spans = set(binding.to_view(view.idx, spans)) if spans else set()
    cands = rules + _model_cands(view.c, sorted(model_spans), rules) if model_spans else rules
    groups: dict[str, list[_Cand]] = {}
    for cd in _select(cands):
        groups.setdefault(canonical_of(cd.name), []).append(cd)
    tag = f"+ner:{model}" if model else ""
    out = [_record(text, view, canon, cds, model_spans, tag) for canon, cds in groups.items()]
    out.sort(key=lambda o: o.start)
    return out


def _record(text: str, view: TextView, canon: str, cds: list[_Cand], model_spans: set, tag: str) -> Organization:
    """One organisation record from its mentions (view offsets), grouped under ``canon``."""
    idx = lexicon.org_index()
    cds.sort(key=lambda x: x.start)
    first = cds[0]
    s, e = view.span(first.start, first.end)
    mentions = []
    for cd in cds:
        ms, me = view.span(cd.start, cd.end)
        mentions.append(Mention(start=ms, end=me, text=text[ms:me]))
    printed = list(dict.fromkeys(cd.name for cd in cds))
    aliases = [a for a in printed if a != first.name]
    entry = idx.get(canon)
    if entry:
        aliases += [a for a in (entry.canonical, *entry.aliases) if a not in aliases and a != first.name]
    best_rule = min((cd.rule for cd in cds), key=lambda r: -_SCORES[r])
    rule, score = best_rule, _SCORES[best_rule]
    if best_rule == "ner_org":
        rule += tag
    elif any((cd.start, cd.end) in model_spans for cd in cds):   # the model agrees with the rules
        rule, score = rule + tag, round(1 - (1 - score) / 2, 3)
    return Organization(start=s, end=e, text=text[s:e], rule=rule, score=score,
                        name=first.name, canonical=canon, aliases=aliases, kind=kind_of(first.name),
                        parent=parent_of(canon) if canon not in idx else idx[canon].parent,
                        mentions=mentions)


class OrganizationsComponent:
    """spaCy component: sets ``doc._.organizations``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        """Preload lexicons and compiled patterns."""
        _known_index(), _strong_re(), title_re()

    def __call__(self, doc: Doc) -> Doc:
        spans = model = None
        if SPANS_KEY in doc.spans:   # the recogniser ran before: its ORG spans are mentions too
            spans = [(r.start, r.end) for r in recognized(doc) if r.label == "ORG"]
            model = doc.spans[SPANS_KEY].attrs.get("model")
        doc._.organizations = find_organizations(doc_text(doc), spans=spans, model=model)
        return doc


@Language.factory("organizations", default_config={}, **registry.BY_NAME["organizations"].declared)
def make_organizations(nlp: Language, name: str) -> OrganizationsComponent:
    """Factory for the "organizations" pipeline component."""
    return OrganizationsComponent(nlp, name)
