"""find_dates: candidates selected, extended and resolved into :class:`schemas.DateValue`."""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from functools import cache
from typing import Optional

from extract.text.datelines import bracketed, inner_datelines
from schemas import DateValue, ReferenceDate

from .reference import TEXT_YEAR_SOURCES, _infer_year

from . import periods as _periods
from ._base import _FULLWIDTH, _D, _add_days, _iso, _num, _shift_month, lexicon
from .candidates import _candidates, _select
from .extend import _extend, _resolve_anaphor

def find_dates(text: str, ref: Optional[ReferenceDate]) -> list[DateValue]:
    """All date expressions in ``text``, in order, resolved against ``ref`` where needed.

    Offsets are into ``text``; ``text[d.start:d.end] == d.text`` holds for every result.

    A dateline inside the text (a story run on after another: …演讲（新华社北京11月1日电）…;
    据新华社莫斯科3月17日电，…) is the next story's: its own date is no date of the text (the
    dateline carries it), and what follows it resolves against it (今天 after it is its day).
    """
    out: list[DateValue] = []
    start, seg_ref = 0, ref
    for m in _inner_datelines(text):
        out += _shifted(_find_segment(text[start:m.start()], seg_ref), start)
        start = m.end()
        if not bracketed(text, m):   # （新华社北京11月1日电） closes the story before: no anchor
            seg_ref = _reanchored(ref, m, text)
    return out + _shifted(_find_segment(text[start:], seg_ref), start)


def _inner_datelines(text: str) -> list:
    """Datelines inside the text with a month and a day (``extract.text.datelines``)."""
    return [m for m in inner_datelines(text) if m["month"] and m["day"]]


def _reanchored(ref: Optional[ReferenceDate], m, text: str) -> Optional[ReferenceDate]:
    """The reference of the text after the dateline ``m``: its month and day, and a year. A cited
    dispatch (据新华社…电) is part of the story: the year of ``ref`` (one back when the dateline's
    month is later than ``ref``'s). A story run in after another (…２月２６日新华社北京３月３日电…)
    does not take a year the text before it printed: its year is the publication's or the page's
    as before, else what the text after the dateline prints, else none known."""
    month, day = _num(m["month"]), _num(m["day"])
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return ref
    year, source = None, None
    if ref is not None and ref.year is not None:
        year, source = ref.year - (1 if ref.month is not None and month > ref.month else 0), ref.year_source
    if source in TEXT_YEAR_SOURCES and not text[:m.start()].rstrip().endswith("据"):
        year, source = _infer_year((month, day), text[m.end():], None)
        year, source = (year, source) if year is not None else (None, None)
    return ReferenceDate(year=year, month=month, day=day, source="inner-dateline", year_source=source)


def _shifted(dates: list[DateValue], by: int) -> list[DateValue]:
    return dates if not by else [d.model_copy(update={"start": d.start + by, "end": d.end + by}) for d in dates]


def _find_segment(text: str, ref: Optional[ReferenceDate]) -> list[DateValue]:
    t = _periods.mask_list_markers(text.translate(_FULLWIDTH))
    chosen = _select(_candidates(t, ref))
    newlines = [mt.start() for mt in re.finditer("\n", t)]
    stops = [mt.start() for mt in re.finditer("[。！？\n]", t)]
    seen = _Antecedents()
    out: list[DateValue] = []
    covered = -1
    titles = [(mt.start(), mt.end()) for mt in _TITLE.finditer(t)]   # in order, not overlapping
    title_starts = [a for a, _ in titles]
    for c in chosen:
        if c.start < covered:  # swallowed by the previous date's extension (range tail, time)
            continue
        k = bisect_left(title_starts, c.start) - 1
        if (c.kind in ("relative", "vague") and c.rule in _NAME_LIKE or c.rule == "name-year") and k >= 0 \
                and c.end < titles[k][1]:
            continue   # 《星期日泰晤士报》, 《今天》, 《十日谈》: a word of a title, no day; 《…1997中国工程院版》: a book's
        _mark_recurring(t, c)
        sent, compared = _resolve(t, c, ref, seen, stops, newlines)
        if c.rule == "time-of-day" and not c.clock and c.year_source != "antecedent":
            continue   # 下午， with no day before it in the text: nothing says which day
        covered = c.end
        seen.note(c, sent, compared)
        out.append(_record(text, c, ref))
    return _merge_restated(text, out)


def _merge_restated(text: str, dates: list[DateValue]) -> list[DateValue]:
    """昨天（7日）, 今日（7月30日）, 本周六(2月6日), 上周（1月17日至23日）: a day or week named
    relatively and restated in brackets is one date; its surface covers both and its value is the
    printed day's (or days') where that resolves. A named day followed at once by its printed day
    (端午节5月30日, 国庆节10月1日) and a day followed at once by 当晚/当天 (25日当晚) are one date too."""
    out: list[DateValue] = []
    for d in dates:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "relative" and text[prev.end:d.start] in ("（", "(") \
                and text[d.end:d.end + 1] in ("）", ")") and d.precision == "day" \
                and (prev.precision == "day" and d.kind in ("absolute", "relative")
                     or prev.precision == "week" and d.kind == "range"):   # 上周（1月17日至23日）
            printed = d.rule.split("+")[0] in ("day-of-month", "month-day", "ymd", "iso")   # not 昨天（星期五）
            best = d if d.value is not None and printed else prev
            out[-1] = best.model_copy(update={"start": prev.start, "end": d.end + 1,
                                              "text": text[prev.start:d.end + 1],
                                              "kind": "range" if best.kind == "range" else prev.kind,
                                              "rule": prev.rule + "+restated"})
            continue
        if prev is not None and prev.end == d.start and prev.rule == "named-day" and d.precision == "day" \
                and d.rule.split("+")[0] in ("day-of-month", "month-day", "ymd"):
            # 端午节5月30日, 国庆节10月1日: the day named, then printed; the named day's year where the two
            # agree on the day (今年国庆节10月1日), else the printed day
            same = prev.value is not None and d.value is not None and prev.value[5:] == d.value[5:]
            best = prev if same or d.value is None else d
            out[-1] = best.model_copy(update={"start": prev.start, "end": d.end, "text": text[prev.start:d.end],
                                              "rule": prev.rule + "+restated"})
            continue
        if prev is not None and prev.end == d.start and prev.precision == "day" and d.rule == "anaphoric-day" \
                and lexicon()["anaphoric_day"].get(d.text) == 0:
            out[-1] = prev.model_copy(update={"end": d.end, "text": text[prev.start:d.end]})
            continue   # 25日当晚, 3月5日当天: the same day said twice, one date
        out.append(d)
    return out


@cache
def _habit_before() -> re.Pattern:
    cues = "|".join(map(re.escape, sorted(lexicon()["habitual_cues"], key=len, reverse=True)))
    return re.compile(rf"(?:{cues})(?:都|均|总|也|还|照例)?(?:要|会|将|得)?(?:在|于)?$")


def _mark_recurring(t: str, c: _D) -> None:
    """每年6月, 每月15日, 每周五: a habitual cue right before the date (adverbs and 在/于 may stand
    between: 每年都要在3月10日) makes it a recurring one, no date of a happening: it becomes a
    vague date whose surface takes in the cue."""
    if c.kind == "vague" or c.kind == "range" and c.rule != "month-range" or c.rule.startswith("relative"):
        return   # 每年四五月间: a range of months recurs too
    m = _habit_before().search(t, max(0, c.start - 10), c.start)
    if m is None:
        return
    c.start = m.start()   # 每年6月; 每年都要在3月10日: adverbs and 在/于 between the cue and the date
    c.kind, c.prec, c.y, c.m, c.d, c.clock, c.year_source = "vague", None, None, None, None, None, "none"
    c.end_ymd = None


_TITLE = re.compile(r"《[^《》\n]{1,40}》")
#: Rules whose words also name things (星期日 in a paper's name, 今天 a magazine's): inside 《》 no
#: date. Not festivals or year ends: 《关于做好2024年元旦春节期间有关工作的通知》 names real days.
_NAME_LIKE = ("weekday", "relative-day", "week", "day-of-month", "vague")


class _Antecedents:
    """The dates before the current one that later ones are read against."""

    def __init__(self) -> None:
        self.day: Optional[_D] = None
        self.year: Optional[_D] = None
        self.md: Optional[_D] = None   # the last date with a month and a day (a bare 21日's month)
        self.ym: Optional[_D] = None   # the last date with a year and a month (the narrative's time)
        self.first_year: dict[int, _D] = {}   # sentence -> its first date with a year (the period compared)

    def note(self, c: _D, sent: int, compared: bool) -> None:
        if c.prec == "day" and c.kind != "range" and c.d is not None:
            self.day = c
        if c.y is not None and c.kind != "vague" and not compared:
            self.year = c
            self.first_year.setdefault(sent, c)
        if c.prec == "day" and c.m is not None and c.d is not None:
            self.md = c
        if c.y is not None and c.m is not None and c.kind != "vague" and not compared:
            self.ym = c


def _resolve(t: str, c: _D, ref: Optional[ReferenceDate], seen: _Antecedents,
             stops: list[int], newlines: list[int]) -> tuple[int, bool]:
    """Resolve ``c`` in place against the dates before it and extend it; its sentence and
    whether it is a comparison year (比上年), which is no antecedent for later years."""
    limit = len(t)
    if c.rule in ("anaphoric-day", "time-of-day"):
        _resolve_anaphor(t, c, seen.day, ref, newlines)
    if c.rule == "anaphoric-year":
        _anaphoric_year(c, seen.year, newlines)
    sent = bisect_left(stops, c.start)
    compared = c.rule == "relative-year" and _comparison_year(t, c, seen.first_year.get(sent, seen.year), newlines)
    if c.rule == "relative-year":
        _said_on_a_day(t, c, seen.day, stops, sent)
    if c.rule == "day-of-month":
        _bare_day_month(t, c, seen.md, ref, newlines)
    if c.rule == "month-day":
        _narrative_year(t, c, seen.ym, ref, newlines)
        yr = seen.year
        if yr is not None and yr.m is None and bisect_left(stops, yr.start) == sent and yr.kind != "vague" and (
                c.y is None or yr.rule == "ymd" and _TITLE_BETWEEN.fullmatch(t, yr.end, c.start)):
            c.y, c.year_source = yr.y, "antecedent"   # 2009年暴雪嘉年华将于8月21日; 2010年《大众软件》10月: one date
    if c.rule == "year-end" and c.y is None and c.m == 12 and seen.year is not None and seen.year.kind != "vague" \
            and bisect_left(stops, seen.year.start) == sent:
        c.y, c.year_source = seen.year.y, "antecedent"   # 编制了1997年达标排放计划，…年底亮红牌: that year's end
    if c.rule != "time-of-day":
        _extend(t, c, ref, limit)
    return sent, compared


_TITLE_BETWEEN = re.compile(r"(?:\s|《[^《》]{1,30}》)*")   # 2010年《大众软件》10月: a magazine's issue
@cache
def _said() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicon()["statement_verbs"])))


def _said_on_a_day(t: str, c: _D, day: Optional[_D], stops: list[int], sent: int) -> None:
    """2000年12月30日，国家统计局局长朱之鑫宣布，今年我国国民经济…: a relative year said on a day
    printed with its year earlier in the same sentence counts from that day's year (2000), not
    from the paper's (2001)."""
    if day is None or day.rule != "ymd" or day.y is None or c.y is None or bisect_left(stops, day.start) != sent:
        return
    if not _said().search(t, day.end, c.start):
        return
    offset = next((v for w, v in sorted(lexicon()["relative_year"].items(), key=lambda kv: -len(kv[0]))
                   if t.startswith(w, c.start)), None)
    if offset is not None and day.y + offset != c.y:
        c.y, c.year_source = day.y + offset, "said-on"


#: A cue that the next date goes back before the one told (在此之前，3月8日…).
_BACKWARD = re.compile(r"(?:在此之前|在这之前|此前|早在|之前)[，,]?$")


def _narrative_year(t: str, c: _D, prev: Optional[_D], ref: Optional[ReferenceDate], newlines: list[int]) -> None:
    """A month (and day) without a year after a date with a year and a month in its paragraph
    follows the narrative forward from that date: the year of that date, or the next one when
    the day would fall more than a week before it (1981年2月…7月: 1981-07; 直到11月30日…决定于
    12月5日 in a paper of January 2001: 2000-12-05, where the reference year and the future cue 于
    gave 2001; 2月21日…12月17日 in a review of the year: the same year). After a backward cue
    (11月8日…在此之前，3月8日) the narrative goes back: the same year, or the one before when the
    day would fall more than a week after it. Not when that lands over half a year after the
    reference date."""
    if prev is None or prev.y is None or bisect_left(newlines, c.start) != bisect_left(newlines, prev.end):
        return
    at = _add_days(prev.y, prev.m, prev.d or 1, 0)
    day = _add_days(prev.y, c.m, c.d or 1, 0)
    if at is None or day is None:
        return
    if _BACKWARD.search(t, max(0, c.start - 8), c.start):   # 11月8日…。在此之前，3月8日: earlier, not the next year
        y = prev.y if (day - at).days <= 7 else prev.y - 1
    else:
        y = prev.y if (day - at).days >= -7 else prev.y + 1
    here = _add_days(ref.year, ref.month, ref.day or 1, 0) if ref and ref.year and ref.month else None
    late = _add_days(y, c.m, c.d or 1, 0)
    if y != c.y and late is not None and (here is None or (late - here).days <= 183):
        c.y, c.year_source = y, "antecedent"


def _anaphoric_year(c: _D, prev_year: Optional[_D], newlines: list[int]) -> None:
    """当年, 次年: from the year of the closest date before."""
    if prev_year is not None and bisect_left(newlines, c.start) - bisect_left(newlines, prev_year.end) <= 3:
        c.y, c.year_source = prev_year.y + c.offset, "antecedent"
    else:
        c.why, c.year_source = "no antecedent", "none"


def _record(text: str, c: _D, ref: Optional[ReferenceDate]) -> DateValue:
    """The :class:`DateValue` for a resolved candidate (offsets into the original ``text``)."""
    value = _iso(c.y, c.m, c.d, c.prec)
    end_value = _iso(*c.end_ymd) if c.end_ymd else None
    prec = "time" if c.clock else c.prec
    rule = c.rule + ("+" + c.kind if c.kind in ("range", "since") and c.kind not in c.rule else "")
    resolved = value is not None and (c.kind != "range" or end_value is not None)
    score = c.score if resolved or c.kind == "vague" else min(c.score, 0.5)
    unresolved = None
    if value is None:
        printed = c.rule in ("ymd", "iso", "year-range") or (c.rule == "month-range" and c.year_source is None)
        unresolved = _periods.unresolved_reason(c.rule, c.kind, ref, printed, c.why)
    return DateValue(
        start=c.start, end=c.end, text=text[c.start:c.end], rule=rule, score=score,
        value=value, end_value=end_value, precision=prec, kind=c.kind,
        time_of_day=c.tod, year_source=c.year_source, unresolved=unresolved,
    )


def _bare_day_month(t: str, c: _D, prev: Optional[_D], ref: Optional[ReferenceDate], newlines: list[int]) -> None:
    """A bare 21日 is in the month of the last date with a month and day before it in its
    paragraph (十二月二十八日…二十一日、二十二日; １９９９年１月１日…１日到４日), as a reader takes it;
    with none, in the reference month, or the month before when the day lies ahead of the
    reference day (31日 in a story dated 1月3日 is 12月31日), unless a future cue before it names
    a day nearer ahead than behind."""
    if prev is not None and bisect_left(newlines, c.start) == bisect_left(newlines, prev.end):
        c.y, c.m, c.year_source = prev.y, prev.m, "antecedent"
        if c.d is not None and prev.d is not None and c.d < prev.d and prev.y is not None and prev.m is not None:
            _wrap_month(c, ref)
        return
    if ref is None or ref.day is None or c.y is None or c.m is None or c.d is None or c.d <= ref.day + 1:
        return
    before = re.sub(r"\s", "", t[max(0, c.start - 6):c.start])
    py, pm = _shift_month(c.y, c.m, -1)
    back, here = _add_days(py, pm, c.d, 0), _add_days(c.y, c.m, ref.day, 0)
    if here is None:
        return
    if back is None:   # 31日 after a month of 30 days: the month before, an impossible date (unresolved)
        c.y, c.m = py, pm
        c.year_source = (c.year_source or "") + "-1m"
        return
    ahead, behind = c.d - ref.day, (here - back).days
    if any(before.endswith(w) for w in lexicon()["future_cues"]):
        # a plan (定于31日) is ahead unless the day just past is far nearer: 定于31日…举行 in a
        # story dated 1月2日 reports 12月31日, 将于25日 in one dated 1月3日 is 1月25日
        if ahead <= 3 * behind:
            return
    elif 4 * ahead <= behind:
        return   # news looks back, but not a month back for a day two days ahead (5日来华 dated 1月3日)
    c.y, c.m = py, pm
    c.year_source = (c.year_source or "") + "-1m"


def _wrap_month(c: _D, ref: Optional[ReferenceDate]) -> None:
    """A bare day smaller than its antecedent's (去年12月31日晚…2日上午) is in the month after it
    or, looking back, in the same month: the one nearer the reference date (in a story dated
    1月2日: 1月2日, where 12月31日…29日 stays 12月29日). Without a full reference, the antecedent's."""
    if ref is None or ref.year is None or ref.month is None or ref.day is None:
        return
    here = _dt.date(ref.year, ref.month, ref.day)
    ny, nm = _shift_month(c.y, c.m, 1)
    same, nxt = _add_days(c.y, c.m, c.d, 0), _add_days(ny, nm, c.d, 0)
    if nxt is not None and (same is None or abs((nxt - here).days) < abs((same - here).days)):
        c.y, c.m = ny, nm
        c.year_source = (c.year_source or "") + "+1m"


def _comparison_year(t: str, c: _D, prev: Optional[_D], newlines: list[int]) -> bool:
    """比上年, 比上一年 (``comparison_years`` after a ``comparison_cues`` word): the year before the
    period compared, not the year before the reference. The period compared is the first date with
    a year in the sentence (截至去年底，…比上年增长16％: the year before last; 去年12月初，…排到了
    2001年2月份，…比上一年: 1999), else the last one before it in its paragraph. True when it is one."""
    lx = lexicon()
    word = next((w for w in sorted(lx["comparison_years"], key=len, reverse=True) if t.startswith(w, c.start)), None)
    if word is None or c.m is not None or not any(t.endswith(w, 0, c.start) for w in lx["comparison_cues"]):
        return False
    if prev is not None and prev.y is not None and bisect_left(newlines, c.start) == bisect_left(newlines, prev.end):
        c.y, c.year_source = prev.y + lx["comparison_years"][word], "antecedent"
    return True
