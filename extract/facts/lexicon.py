"""Lazy loaders for the language data in ``extract/data/``.

Every loader reads its file once (``functools.cache``) on first use; nothing is
read at import. Files are UTF-8, ``#`` starts a comment line, columns are
tab-separated. Sources and licences are named in each file's header and in
``extract/data/SOURCES.md``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator, Optional

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

KINDS = frozenset({
    "government", "party", "legislature", "court_procuratorate", "police", "soe",
    "private_company", "university_research", "media", "international",
})
TITLE_CLASSES = frozenset({
    "gov", "party", "legislature", "court", "police", "military", "corp", "academic",
    "media", "intl", "culture", "generic", "occupation",
})
TITLE_FLAGS = frozenset({"regional", "post", "reporter", "anonymous", "self"})
BOUNDARY_ROLES = frozenset({"not_name", "name_end", "not_given", "anonymous", "org_stop", "org_conj",
                            "numeral_unit", "title_descriptor", "title_field"})
NUMERAL_RUN = 6  # the longest Chinese numeral run read before a numeral_unit (二十八日, 一千零一次)


@dataclass(frozen=True)
class TitleInfo:
    """One row of titles.txt."""

    title: str
    cls: str
    flags: frozenset[str]
    count: int


@dataclass(frozen=True)
class OrgEntry:
    """One row of orgs.tsv."""

    canonical: str
    aliases: tuple[str, ...]
    kind: str
    parent: Optional[str]
    source: str


def _rows(name: str) -> Iterator[list[str]]:
    """Non-comment, non-blank rows of a data file, split on tabs."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield line.split("\t")


@cache
def titles() -> dict[str, TitleInfo]:
    """Title → its class, flags and CLUENER train count."""
    out: dict[str, TitleInfo] = {}
    for row in _rows("titles.txt"):
        title, cls, flags, count = row[0], row[1], row[2], row[3]
        fl = frozenset() if flags == "-" else frozenset(flags.split(","))
        out[title] = TitleInfo(title, cls, fl, int(count))
    return out


@cache
def title_prefixes() -> dict[str, bool]:
    """Title prefix → whether it marks a former position (原)."""
    return {row[0]: row[1] == "former" for row in _rows("title_prefixes.txt")}


@cache
def org_suffixes() -> dict[str, tuple[Optional[str], bool]]:
    """Organisation suffix → (kind or None, strong)."""
    return {row[0]: (None if row[1] == "-" else row[1], row[2] == "strong")
            for row in _rows("org_suffixes.txt")}


@cache
def strong_org_suffixes() -> frozenset[str]:
    """The strong organisation suffixes (a name ending in one is an organisation)."""
    return frozenset(s for s, (_kind, strong) in org_suffixes().items() if strong)


@cache
def orgs() -> tuple[OrgEntry, ...]:
    """Known organisations, in file order."""
    out = []
    for row in _rows("orgs.tsv"):
        aliases = tuple(a for a in row[1].split("|") if a and a != "-")
        out.append(OrgEntry(row[0], aliases, row[2], None if row[3] == "-" else row[3], row[4]))
    return tuple(out)


@cache
def org_index() -> dict[str, OrgEntry]:
    """Every canonical name and alias → its entry."""
    idx: dict[str, OrgEntry] = {}
    for entry in orgs():
        idx.setdefault(entry.canonical, entry)
        for alias in entry.aliases:
            idx.setdefault(alias, entry)
    return idx


@cache
def surnames() -> dict[str, int]:
    """Surname → corpus frequency (single and compound)."""
    return {row[0]: int(row[1]) for row in _rows("surnames.txt")}


@cache
def boundaries() -> dict[str, frozenset[str]]:
    """Role → the words with that role (see name_boundaries.txt)."""
    out: dict[str, set[str]] = {role: set() for role in BOUNDARY_ROLES}
    for row in _rows("name_boundaries.txt"):
        out[row[1]].add(row[0])
    return {role: frozenset(words) for role, words in out.items()}


@cache
def _max_len(role: str) -> int:
    return max((len(w) for w in boundaries()[role]), default=1)


def starts_with(s: str, i: int, role: str) -> Optional[str]:
    """The longest word of ``role`` starting at s[i], if any."""
    words = boundaries()[role]
    for k in range(min(_max_len(role), len(s) - i), 0, -1):
        if s[i:i + k] in words:
            return s[i:i + k]
    return None


def ends_at(s: str, i: int, role: str) -> Optional[str]:
    """The longest word of ``role`` ending at s[i] (exclusive), if any: ``s[:i]`` ends with it."""
    words = boundaries()[role]
    for k in range(min(_max_len(role), i), 0, -1):
        if s[i - k:i] in words:
            return s[i - k:i]
    return None


@cache
def name_numerals() -> frozenset[str]:
    """Chinese numeral characters that can start a date or a count after a name (八日, 十五日,
    三次): the digits, multipliers and shorthand tens of numerals.json, not 万/亿 (张万年)."""
    from .numbers import numeral_tables   # numbers.py reads numerals.json

    t = numeral_tables()
    return frozenset(set(t.digits) | set(t.multipliers) | set(t.substitutions))


def numeral_unit_at(s: str, i: int) -> bool:
    """Whether a Chinese numeral followed by a ``numeral_unit`` word (日, 月, 次…) starts at
    s[i]: a date or a count, where a name before it has ended (总理李强八日 → 李强)."""
    nums = name_numerals()
    k = i
    while k < len(s) and k - i < NUMERAL_RUN and s[k] in nums:
        k += 1
    return k > i and starts_with(s, k, "numeral_unit") is not None


def user_dict_words() -> list[str]:
    """Titles and organisation names the word segmenter must keep whole."""
    words: set[str] = set(titles())
    for entry in orgs():
        words.add(entry.canonical)
        words.update(a for a in entry.aliases if len(a) >= 2 and not a.isascii())
    return sorted(words, key=lambda w: (-len(w), w))


@cache
def transliteration_chars() -> frozenset[str]:
    """Characters of transliterated foreign names (data/transliteration_chars.txt)."""
    text = (DATA_DIR / "transliteration_chars.txt").read_text(encoding="utf-8")
    return frozenset(ch for line in text.splitlines() if not line.startswith("#") for ch in line.strip())


@cache
def places() -> frozenset[str]:
    """Place names: countries, regions, cities (data/places.txt, built by training/build_places.py)."""
    text = (DATA_DIR / "places.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def countries() -> frozenset[str]:
    """Countries and regions in their news names (data/countries.txt)."""
    text = (DATA_DIR / "countries.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def common_words() -> frozenset[str]:
    """Two-character common words that are not names (data/common_words.txt)."""
    text = (DATA_DIR / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@dataclass(frozen=True)
class NameChar:
    """One row of name_chars.tsv: a character's count in labelled news text, as the first
    character of a person's name and inside one."""

    total: int
    first: int
    inner: int

    @property
    def p_first(self) -> float:
        return self.first / self.total

    @property
    def p_inner(self) -> float:
        return self.inner / self.total


@cache
def name_chars() -> dict[str, NameChar]:
    """Character → NameChar (data/name_chars.tsv, built by training/build_name_chars.py)."""
    return {row[0]: NameChar(int(row[1]), int(row[2]), int(row[3])) for row in _rows("name_chars.tsv")}
