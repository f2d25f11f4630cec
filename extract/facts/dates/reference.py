"""The reference date of a story: dateline, published date and the years the story prints."""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Optional

from schemas import ReferenceDate

from . import periods as _periods
from ._base import _FULLWIDTH, _add_days, _days_in, _num, _patterns, lexicon

def parse_dateline(dateline: Optional[str]) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(month, day) of a dateline such as ``新华社北京12月25日电``, ``(新华社北京 12月 25 日电)``
    or ``新华社北京十二月二十五日电``; None for 据新华社 / 本报讯 / 央视网消息.

    An impossible part is None: ``2月30日`` -> (2, None); ``13月5日`` -> (None, None), a day
    meaning nothing without its month. A day is checked against the longest month (2月29日
    stands until a year is known)."""
    mt = _dateline_match(dateline)
    return _checked_md(_num(mt["m"]), _num(mt["d"])) if mt else None


def _dateline_match(dateline: Optional[str]) -> Optional[re.Match]:
    if not dateline:
        return None
    t = dateline.translate(_FULLWIDTH)
    return _patterns()["dateline"].search(t) or _patterns()["web-dateline"].search(t)


def _dateline_year(dateline: Optional[str]) -> Optional[int]:
    """The year a dateline prints (本报太原2000年12月31日电 -> 2000), or None."""
    mt = _dateline_match(dateline)
    return _num(mt["y"]) if mt and mt["y"] else None


def _checked_md(m: Optional[int], d: Optional[int], y: Optional[int] = None) -> tuple[Optional[int], Optional[int]]:
    """(month, day) with what is impossible in year ``y`` (any year if None) set to None."""
    if m is None or not 1 <= m <= 12:
        return None, None
    return m, d if d is not None and 1 <= d <= _days_in(y, m) else None


def parse_published(published: Optional[str]) -> Optional[_dt.date]:
    """The date of a 发布时间 header or a JSONL ``published`` field (``2024-04-26 13:11:08``,
    ``2024/4/26``, ``2024年4月26日``, ISO 8601); None when unparsable."""
    if not published:
        return None
    mt = re.search(r"((?:19|20)[0-9]{2})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})",
                   published.translate(_FULLWIDTH))
    if not mt:
        return None
    try:
        return _dt.date(_num(mt[1]), _num(mt[2]), _num(mt[3]))
    except (TypeError, ValueError):
        return None


@dataclass
class _Years:
    plain: set[int] = field(default_factory=set)
    near_forward: set[int] = field(default_factory=set)
    full_dates: list[_dt.date] = field(default_factory=list)


@cache
def _years_re() -> re.Pattern:
    return re.compile(rf"{_periods.NUM_START}((?:19|20)[0-9]{{2}})(?![0-9.%])\s*(年)?|{_periods.year_pattern('cy')}\s*年")


@lru_cache(maxsize=16)  # a page is read once, not once per story on it (issue 9 F14)
def _years(text: str) -> _Years:
    """Classify the years printed in ``text``. A year is *near-forward* when any mention of it
    is cued as the coming year (定调2024年…, 2024年新年即将来临), *far-forward* (到2035年,
    2026年…将达到) or *past* (自2013年…以来, 一九九四年成立 -- ``past_after``) -- those are not evidence for "now"; the others
    are *plain* (:func:`_mention_kind`). Bare years glued to a name (``2024专精特新…大会``) count as mentions."""
    lx = lexicon()
    t = _periods.mask_list_markers(text.translate(_FULLWIDTH))
    res = _Years()
    flags: dict[int, set[str]] = {}
    stop = lx["year_bare_stop"]
    x_md = _patterns()["x-md"]
    for mt in _years_re().finditer(t):  # Arabic years, and Chinese ones with 年 (一九九七年, CTB)
        y = _num(mt[1]) if mt[1] else _periods.year_num(mt["cy"], lx)
        nian = bool(mt[2] or mt["cy"])
        if y is None:
            continue
        nxt = t[mt.end():mt.end() + 1]
        if not nian and (not nxt or not ("\u4e00" <= nxt <= "\u9fff") or nxt in stop):
            continue
        f = flags.setdefault(y, set())
        kind = _mention_kind(t, mt, lx)
        if kind is None:
            continue
        f.add(kind)
        md = x_md.match(t, mt.end()) if nian else None  # at a position: no copy of the rest of t
        if md and (day := _add_days(y, _num(md["m"]), _num(md["d"]), 0)):
            res.full_dates.append(day)
    _sort_years(flags, res)
    return res


def _mention_kind(t: str, mt: re.Match, lx: dict) -> Optional[str]:
    """The kind of the year mention ``mt`` by the words around it: near, far, past or plain; None
    for the year of a prize's name (１９９２年诺贝尔和平奖), no evidence for now."""
    before = re.sub(r"\s", "", t[max(0, mt.start() - 12):mt.start()])
    after = re.sub(r"\s", "", t[mt.end():mt.end() + 16])
    clause = re.split(r"[，。；！？,;\n]", t[mt.end():mt.end() + 40])[0]
    sentence = re.split(r"[。！？\n]", t[mt.end():mt.end() + 80])[0]
    if regex_name_year().match(after):
        return None
    if any(before.endswith(w) for w in lx["near_forward_before"]) or any(
            w in after[:10] for w in lx["near_forward_after"]):
        return "near"
    if _far_forward(before, after, lx) or _after_next_year(t, mt.start()):
        return "far"
    if any(before.endswith(w) for w in lx["past_before"]) or any(
            w in clause for w in lx["past_after_clause"]) or any(
            w in sentence for w in lx["past_in_sentence"]) or _md_re().sub("", after, count=1).lstrip(
            "就便即已正式").startswith(tuple(lx["past_after"])):  # 一九九四年成立的: a past event
        return "past"
    return "plain"


_NEXT_YEARS = re.compile("明年|后年|来年")


def _after_next_year(t: str, at: int) -> bool:
    """今年…750万台；明年880万台；2000年1150万台: a year the sentence names after 明年 or 后年 goes on
    counting forward, a forecast's year, no evidence for now."""
    start = max(t.rfind(ch, 0, at) for ch in "。！？\n") + 1
    return _NEXT_YEARS.search(t, start, at) is not None


def _sort_years(flags: dict[int, set[str]], res: _Years) -> None:
    """A year with any near-forward mention is near-forward; one with a plain mention and no
    far-forward one is plain."""
    for y, f in flags.items():
        if "near" in f:
            res.near_forward.add(y)
        elif f == {"plain"} or ("plain" in f and not f & {"far"}):
            res.plain.add(y)


@cache
def regex_name_year() -> re.Pattern:
    """After a year, the rest of a prize's name (``year_name_tails``: 诺贝尔和平奖)."""
    tails = "|".join(re.escape(w) for w in lexicon()["year_name_tails"])
    return re.compile(rf"[^，。；、\s\d]{{0,8}}(?:{tails})")


@cache
def _md_re() -> re.Pattern:
    """A month (and day) printed right after a year: skipped before a past verb (一九九三年三月发现的)."""
    n = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
    return re.compile(rf"^(?:{n})月(?:(?:{n})日)?")


def _far_forward(before: str, after: str, lx: dict) -> bool:
    """到2035年, 2026年…将达到, and 至２０００年 unless 至 is 截至/直至 or ends a range of years
    (一九九一年至一九九五年)."""
    if any(before.endswith(w) for w in lx["far_forward_before"]) or any(w in after[:8] for w in lx["far_forward_after"]):
        return True
    return before.endswith("至") and not re.search(r"(?:截|截止|直|及|年)至$", before)


def _infer_year(md: Optional[tuple[int, int]], story: str, page: Optional[str]) -> tuple[Optional[int], str]:
    """Year for a story whose dateline gives ``md`` = (month, day), or None. See
    :func:`reference_date` for the order of evidence."""
    sy = _years(story)
    py = _years(page) if page else _Years()
    if md:
        for yrs, src in ((sy, "printed-date"), (py, "page-printed-date")):
            for d in yrs.full_dates:
                if (d.month, d.day) == md:
                    return d.year, src

    def near(dates: list[_dt.date]) -> Optional[int]:
        if not md or md[1] is None:
            return None
        best = None
        for d in dates:
            try:
                target = _dt.date(d.year, *md)
            except ValueError:
                continue
            if 0 <= (target - d).days <= 62:
                best = max(best or 0, d.year)
        return best

    if (y := near(sy.full_dates)) is not None:
        return y, "story-date"
    if (y := _own_number_year(story)) is not None:
        return y, "document-number"
    if sy.plain:
        return max(sy.plain), "story-year"
    if (y := near(py.full_dates)) is not None:
        return y, "page-date"
    if md and sy.near_forward:
        return min(sy.near_forward) - (1 if md[0] >= 10 else 0), "story-forward-year"
    if py.plain:
        return max(py.plain), "page-year"
    if md and py.near_forward:
        return min(py.near_forward) - (1 if md[0] >= 10 else 0), "page-forward-year"
    return None, "none"


# 财政部公告（１９９７年第１号）, 国发〔1993〕69号: a document's own number, printed at its top, carries its year
_DOC_NUMBER = re.compile(r"[（(〔\[［]\s*((?:19|20)[0-9]{2})\s*(?:年\s*第?|[〕\]］]\s*第?)[0-9]{1,4}\s*号")


def _own_number_year(story: str) -> Optional[int]:
    """The year in the document number of a notice's first line (its own number, not one it cites)."""
    head = story.translate(_FULLWIDTH).lstrip().split("\n", 1)[0][:60].rstrip()
    mt = _DOC_NUMBER.search(head)
    return int(mt[1]) if mt and head[mt.end():].strip("）)") == "" else None   # the number closes the line


@lru_cache(maxsize=16)  # once per page, not once per story (issue 9 F14)
def _page_dateline(page: Optional[str]) -> Optional[tuple[int, int]]:
    """The most common complete, possible dateline date on the page (Chinese numerals too)."""
    if not page:
        return None
    found = Counter(md for mt in _patterns()["dateline"].finditer(page.translate(_FULLWIDTH))
                    if None not in (md := _checked_md(_num(mt["m"]), _num(mt["d"]))))
    return found.most_common(1)[0][0] if found else None


#: The year sources read from a story's own text (see :func:`reference_date`, step 4): a year the
#: text before a run-in dateline printed belongs to the story that dateline ends, and such a year
#: ranks below a printed or published one when versions are compared.
TEXT_YEAR_SOURCES = frozenset({"printed-date", "story-date", "story-year", "story-year+page-date", "story-forward-year"})


def _confirmed(year: int, ys: str, page: Optional[str]) -> str:
    """``story-year+page-date`` when a full date of the story's inferred year is printed on the page
    (本报讯 2024年3月20日): strong enough to date a printed month-day."""
    if ys == "story-year" and page and any(d.year == year for d in _years(page).full_dates):
        return "story-year+page-date"
    return ys


def reference_date(dateline: Optional[str], published: Optional[str], story_text: str,
                   page_text: Optional[str] = None, option: Optional[_dt.date] = None) -> ReferenceDate:
    """The reference date of a story.

    1. ``option`` (``--reference-date``) is the fallback for what the story and its page do
       not give: the whole date when they give none (source/year_source ``option``), or the
       year of a dateline whose year nothing printed gives (year_source ``option``, one year
       back when the dateline month is later than the option's month, as with ``published``).
    2. Month/day come from the dateline (``新华社北京12月25日电``; when ``dateline`` is None a
       dateline at the start of the story, or a bracketed one at its end, is used).
    3. With a dateline and ``published``: the publication year, minus one when the dateline
       month is later than the publication month (``dateline+published``). Without a
       dateline, ``published`` itself is the reference (source ``published``).
    4. Otherwise the year is inferred, first match wins (``year_source``): a printed
       ``Y年M月D日`` equal to the dateline day in the story (``printed-date``) or on the page
       (``page-printed-date``); a printed full date in the story within 62 days before the
       dateline (``story-date``); a notice's own number closing its first line (``document-number``);
       the latest *plain* year printed in the story (``story-year``; years cued as coming, far future or past are skipped, see
       :func:`_years`); a full date on the page within 62 days before the dateline
       (``page-date``); a year the story treats as the coming one (定调/做好/即将来临…) --
       minus one in a story dated October-December (``story-forward-year``); the latest plain
       year on the page (``page-year``); the page's coming year likewise
       (``page-forward-year``); else year None (``none``).
    5. A story without a dated dateline but with ``Y年M月D日`` in its first 40 characters
       (``本报讯 2024年3月20日，…``) takes that date (source ``lead-date``). Otherwise the year
       is inferred as in 4 (source ``text-year``; :func:`_confirmed`), and month/day are borrowed
       from the page's most common dateline when the page's year agrees (``page-dateline``).
    6. An impossible dateline date keeps what is possible (issue 9 F2, F13): ``2月30日`` gives
       month 2 and no day; ``13月5日`` gives neither, and the story then borrows no other
       day from its page. Relative expressions needing the lost part stay unresolved.
    """
    ref = _printed_reference(dateline, published, story_text, page_text)
    if option is None or ref.year is not None:
        return ref
    if ref.month is None:
        return ReferenceDate(year=option.year, month=option.month, day=option.day,
                             source="option", year_source="option")
    year = option.year - (1 if ref.month > option.month else 0)
    return ref.model_copy(update={"year": year, "day": _checked_md(ref.month, ref.day, year)[1],
                                  "year_source": "option"})


def _printed_reference(dateline: Optional[str], published: Optional[str], story_text: str,
                       page_text: Optional[str]) -> ReferenceDate:
    """The reference date from what the story and its page print (steps 2-6 above)."""
    md = parse_dateline(dateline)
    if md is None and dateline is None and story_text:
        lead = parse_dateline(story_text[:60])
        tail = re.search(r"[（(][^（）()]{0,24}日\s*电[）)]\s*$", story_text.strip())
        md = lead or (parse_dateline(tail.group(0)) if tail else None)
    month, day = md or (None, None)
    pub = parse_published(published)
    printed = _dateline_year(dateline) if month is not None else None
    if printed is not None:   # 本报太原2000年12月31日电: the dateline prints its year
        return ReferenceDate(year=printed, month=month, day=_checked_md(month, day, printed)[1],
                             source="dateline", year_source="dateline")
    if month is not None:
        if pub:
            year, ys = pub.year - (1 if month > pub.month else 0), "dateline+published"
        else:
            year, ys = _infer_year((month, day), story_text, page_text)
        return ReferenceDate(year=year, month=month, day=_checked_md(month, day, year)[1],
                             source="dateline", year_source=ys)
    if pub:
        return ReferenceDate(year=pub.year, month=pub.month, day=pub.day, source="published",
                             year_source="published")
    lead = _years(story_text[:40]).full_dates
    if lead:
        d = lead[0]
        return ReferenceDate(year=d.year, month=d.month, day=d.day, source="lead-date",
                             year_source="printed-date")
    year, ys = _infer_year(None, story_text, page_text)
    pmd = _page_dateline(page_text) if md is None else None
    if pmd:
        pyear, pys = _infer_year(pmd, page_text or "", None)
        if pyear is not None and (year is None or year == pyear):
            return ReferenceDate(year=pyear, month=pmd[0], day=pmd[1], source="page-dateline",
                                 year_source=ys if year is not None else "page-dateline:" + pys)
    if year is not None:
        return ReferenceDate(year=year, source="text-year", year_source=_confirmed(year, ys, page_text))
    return ReferenceDate(source="none", year_source="none")
