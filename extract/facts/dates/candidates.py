"""Date candidates: every rule's matches in a text, before selection (leftmost-longest)."""
from __future__ import annotations

import re
from functools import cache
from typing import Optional

from schemas import ReferenceDate

from . import named as _named
from . import periods as _periods
from ._base import _CN_NUM, SP, _D, _add_days, _alt, _hour, _num, _patterns, _prec, _ref_src, _shift_month, lexicon

#: Reference years too weak to date a printed month-day (see :func:`_year_for_md`).
_WEAK_YEARS = ("story-year",)
_CN_DIGITS = "〇一二三四五六七八九"


_PRINTED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


def _last_year_before(t: str, start: int) -> Optional[int]:
    """The last Arabic year (…年) printed before ``start`` in its paragraph, or None."""
    line = t.rfind("\n", 0, start) + 1
    years = _PRINTED_YEAR.findall(t, line, start)
    return int(years[-1]) if years else None


def _year_told_before(t: str, start: int, year: int) -> bool:
    """Whether ``year`` is printed as a year (…年) before ``start``: 2023年各地区…。8月26日 tells the
    narrative's year; WCG2011…8月6日 and 8月9日…2011 do not. Nor does a year after the day, except
    in the name of the happening in the day's own sentence (10月15日下午，…海曙区2018年全国扶贫日主题
    活动…举行: the name carries the happening's year; 10月2日发布的2009年《经济蓝皮书》 does not)."""
    cn = "".join(_CN_DIGITS[int(ch)] for ch in str(year))   # ``t`` has ASCII digits already
    forms = (str(year), cn, cn.replace("〇", "○"), cn.replace("〇", "零"))
    if any(t.find(f"{form}年", 0, start) >= 0 for form in forms):
        return True
    end = next((i for i in range(start, min(len(t), start + 80)) if t[i] in "。！？；\n"), min(len(t), start + 80))
    heads = lexicon()["happening_name_heads"]
    for form in forms:
        at = t.find(f"{form}年", start, end)
        if at >= 0 and not t.startswith("《", at + len(form) + 1):
            name = re.match(r"[^，。；！？、“”《》（）\s]{0,16}", t[at + len(form) + 1:end]).group()
            if any(h in name for h in heads):
                return True
    return False



def _year_for_md(t: str, start: int, m: int, ref: Optional[ReferenceDate]) -> tuple[Optional[int], str]:
    """Year for a printed month without a year: the reference year, rolled back one year when
    the month is > 6 months after the reference month and no future cue precedes, on one year
    when a future cue (将于, 要到…) precedes and the month is two or more before the reference
    month (a paper's date can trail its stories by days, never by months). None when the
    reference year is only the latest year a story without a dateline prints (``story-year``)
    and the text has not told it before the day: 8月9日 in a fragment that names 2011 after it, or
    only in a name (WCG2011), is no day of 2011; 2023年各地区…。8月26日 is. Under a dateline
    (新华社北京十二月二十二日电) that year is the story's "now", and it dates the month-days."""
    if ref is None or ref.year is None:
        return None, "none"
    if ref.year_source in _WEAK_YEARS and ref.month is None and not _year_told_before(t, start, ref.year):
        return None, "none"   # a year printed after the day, or in a name, says nothing of the day's
    src = _ref_src(ref)
    if ref.month is None or m is None:
        return ref.year, src
    before = re.sub(r"\s", "", t[max(0, start - 6):start])
    ahead = any(before.endswith(c) for c in lexicon()["future_cues"])
    if m - ref.month > 6 and not ahead and _last_year_before(t, start) != ref.year:
        return ref.year - 1, src + "-1"   # not after 2001年…: the paragraph's own year goes on (…10月在马鞍山举办)
    if ahead and ref.month - m >= 2:
        return ref.year + 1, src + "+1"   # 最快也要到1月份 said in June: the coming January
    return ref.year, src


def _candidates(t: str, ref: Optional[ReferenceDate]) -> list[_D]:
    """Every rule's matches in ``t`` (overlapping; :func:`_select` picks)."""
    P, lx = _patterns(), lexicon()
    out: list[_D] = []
    for rule in _RULES:
        out += rule(t, ref, P, lx)
    out += _periods.period_candidates(t, ref, lx, _D, _ref_src)
    out += _named.named_candidates(t, ref, lx, _D, _ref_src)
    return out


def _printed(t, ref, P, lx) -> list[_D]:
    """2024年3月5日, 二○二三年二月, 2024-04-26: the year is printed."""
    out = []
    for mt in P["ymd"].finditer(t):
        y, m, d = _num(mt["y"]), _num(mt["m"]), _num(mt["d"])
        out.append(_D(mt.start(), mt.end(), "ymd", y=y, m=m, d=d, prec=_prec(m, d), score=0.95))
    for mt in P["latin-year"].finditer(t):   # iest2009, e-stars2008: the year in an event's Latin name
        out.append(_D(mt.start(), mt.end(), "latin-year", y=_num(mt["y"]), prec="year", score=0.7))
    for mt in P["name-year"].finditer(t):    # 2009ief…, 莫斯科2009航展: the year in a name
        out.append(_D(mt.start(), mt.end(), "name-year", y=_num(mt["y"]), prec="year", score=0.6))
    for mt in P["iso"].finditer(t):
        out.append(_D(mt.start(), mt.end(), "iso", y=_num(mt["y"]), m=_num(mt["m"]), d=_num(mt["d"]),
                      prec="day", score=0.95, iso=True))
    return out


def _relative_year(t, ref, P, lx) -> list[_D]:
    """今年, 去年3月, 明年1月7日: the reference year moved."""
    out = []
    ry = ref.year if ref else None
    for mt in P["rel-year"].finditer(t):
        m, d = _num(mt["m"]), _num(mt["d"])
        y = ry + lx["relative_year"][mt["ry"]] if ry is not None else None
        out.append(_D(mt.start(), mt.end(), "relative-year", kind="relative", y=y, m=m, d=d, prec=_prec(m, d),
                      year_source=_ref_src(ref), score=0.85))
    return out


@cache
def _month_pairs() -> tuple[re.Pattern, re.Pattern]:
    """去年七八月份: two Chinese months in a row, no connector; the full pattern runs only where the
    quick one (its first characters) finds a pair."""
    rel_y = _periods._alt(lexicon()["relative_year"])
    return (re.compile("[一二三四五六七八九][二三四五六七八九十]月"),
            re.compile(rf"(?:(?:{_periods.year_pattern('y')}{SP}年|(?P<ry>{rel_y})){SP})?(?<![0-9.{_CN_NUM}])"
                       rf"(?P<m1>[一二三四五六七八九])(?P<m2>[二三四五六七八九十])月"))


def _month_range(t, ref, P, lx) -> list[_D]:
    """1至3月, 2023年1-2月, 今年4至6月, 去年七八月份 (two Chinese months in a row, no connector)."""
    out = []
    quick, pair = _month_pairs()
    pairs = pair.finditer(t) if quick.search(t) else ()
    for mt in [*P["month-range"].finditer(t), *pairs]:
        m1, m2 = _num(mt["m1"]), _num(mt["m2"])
        if mt.re is pair and m2 != m1 + 1:
            continue   # 五八月 is no pair of months
        if mt["y"]:
            y, ys = _num(mt["y"]), None
        elif mt["ry"]:
            y = ref.year + lx["relative_year"][mt["ry"]] if ref and ref.year is not None else None
            ys = _ref_src(ref)
        else:
            y, ys = _year_for_md(t, mt.start(), m1, ref)
        out.append(_D(mt.start(), mt.end(), "month-range", kind="range", y=y, m=m1, prec="month",
                      year_source=ys, end_ymd=(y, m2, None, "month"), score=0.85))
    return out


def _month_day(t, ref, P, lx) -> list[_D]:
    """3月20日, 十二月八日, 3月: the year from the reference (:func:`_year_for_md`)."""
    out = []
    for name in ("md", "md-listed", "md-cn", "md-cn-bare", "md-cn-lead"):
        for mt in P[name].finditer(t):
            m, d = _num(mt["m"]), _num(mt["d"])
            y, ys = _year_for_md(t, mt.start(), m, ref)
            why = "no reference year" if y is None and ref is not None and ref.year is not None else None
            out.append(_D(mt.start(), mt.end(), "month-day", y=y, m=m, d=d, prec=_prec(m, d),
                          year_source=ys, score=0.85 if d is not None else 0.75, why=why))
    return out


def _relative_month_day(t, ref, P, lx) -> list[_D]:
    """上月, 本月24日, 今天, 昨天, and the anaphoric 当日/次日 (resolved later)."""
    out = []
    for mt in P["rel-month"].finditer(t):
        if mt["rm"] == "当月" and mt["d"] is None and t[max(0, mt.start() - 2):mt.start()].endswith(("月", "月份")):
            continue   # 10月当月: "that very month" restates the month before it, no month of its own
        d = _num(mt["d"])
        y = m = None
        if ref and ref.year is not None and ref.month is not None:
            y, m = _shift_month(ref.year, ref.month, lx["relative_month"][mt["rm"]])
        out.append(_D(mt.start(), mt.end(), "relative-month", kind="relative", y=y, m=m, d=d,
                      prec="day" if d is not None else "month", year_source=_ref_src(ref), score=0.8))
    for mt in P["rel-day"].finditer(t):
        y = m = d = None
        if ref and (day := _add_days(ref.year, ref.month, ref.day, lx["relative_day"][mt["rd"]])):
            y, m, d = day.year, day.month, day.day
        out.append(_D(mt.start(), mt.end(), "relative-day", kind="relative", y=y, m=m, d=d, prec="day",
                      year_source=_ref_src(ref), score=0.8))
    for mt in P["anaphoric-day"].finditer(t):
        out.append(_D(mt.start(), mt.end(), "anaphoric-day", kind="relative", prec="day", score=0.75,
                      offset=lx["anaphoric_day"][mt["ad"]]))
    out += _relative_pairs(t, ref, lx)
    return out


def _relative_pairs(t, ref, lx) -> list[_D]:
    """今明两天, 明后天, 今明两年 (``relative_pairs``): two neighbouring days or years counted from the
    reference, one range."""
    out = []
    for mt in _pairs_re().finditer(t):
        prec, a, b = lx["relative_pairs"][mt.group()]
        if prec == "day":
            first = _add_days(ref.year, ref.month, ref.day, a) if ref else None
            last = _add_days(ref.year, ref.month, ref.day, b) if ref else None
            y, m, d = (first.year, first.month, first.day) if first else (None, None, None)
            end = (last.year, last.month, last.day, "day") if last else None
        else:
            y = ref.year + a if ref and ref.year is not None else None
            m = d = None
            end = (ref.year + b, None, None, "year") if y is not None else None
        out.append(_D(mt.start(), mt.end(), "relative-pair", kind="range", y=y, m=m, d=d, prec=prec,
                      year_source=_ref_src(ref), end_ymd=end, score=0.8))
    return out


@cache
def _pairs_re() -> re.Pattern:
    return re.compile(_alt(lexicon()["relative_pairs"]))


def _bare_day(t, ref, P, lx) -> list[_D]:
    """A bare 24日 (or 二十一日, with a 十; 六日 of one digit only before a time of day or a verb
    of ``one_digit_day_before``: 瓦利六日宣布): the reference month's day, unless a quantity word or
    duration word says it counts days (连续3日, 3日内). :func:`find_dates` moves it to the month
    of a full date before it in its paragraph (十二月二十八日…二十一日)."""
    out = []
    for mt in P["day"].finditer(t):
        before = re.sub(r"\s", "", t[max(0, mt.start() - 4):mt.start()])
        if P["range-end-before"].search(before):
            continue   # 连续3-5日: the end of a range of days whose start was no date
        tail = mt.end() if mt.group().endswith("日") else t.find("日", mt.end()) + 1
        after = t[tail:tail + 2]   # 3-5日内: what follows a range of days is read after its end
        if any(before.endswith(w) for w in lx["day_not_after"]) or any(after.startswith(w) for w in lx["day_not_before"]) \
                and not (after[:1] == "来" and after[1:] in lx["come_verb_tails"]):   # 28日来到华盛顿, not 3日来
            continue
        y = m = None
        if ref and ref.year is not None and ref.month is not None:
            y, m = ref.year, ref.month
        d = _num(mt["d"] or mt["dc"] or mt["d1"])
        if d is None or d > 31:
            continue
        out.append(_D(mt.start(), mt.end(), "day-of-month", kind="relative", y=y, m=m, d=d,
                      prec="day", year_source=_ref_src(ref), score=0.7))
    return out


def _clock_and_vague(t, ref, P, lx) -> list[_D]:
    """下午6时 on its own (the day in context), a part of the day opening a clause (下午，), and
    vague words (近日, 日前: no value)."""
    out = []
    for mt in (*P["tod-clock"].finditer(t), *P["bare-clock"].finditer(t)):
        h = _hour(mt)
        if h is None:
            continue
        mi = _num(mt["mi"]) if mt["mi"] else 30 if mt["half"] else 0
        c = _D(mt.start(), mt.end(), "time-of-day", kind="relative", prec="day", score=0.7, offset=0)
        c.tod, c.clock = f"{h % 24:02d}:{mi:02d}", True
        out.append(c)
    for mt in P["tod-alone"].finditer(t):   # kept only with a day before it (find_dates)
        c = _D(mt.start(), mt.end(), "time-of-day", kind="relative", prec="day", score=0.6, offset=0)
        c.tod = mt["tod"]
        out.append(c)
    for mt in P["vague"].finditer(t):
        if not _day_word_before(t, mt.start()):
            out.append(_D(mt.start(), mt.end(), "vague", kind="vague", prec=None, score=0.6))
    return out


def _day_word_before(t: str, i: int) -> bool:
    """定价基准日前20个交易日, 交易日前, 节日前: the 日 of 日前 ends a word of words.txt (交易日,
    纪念日, 节日) and 前 means "before" that day; no vague 日前 ("the other day")."""
    if not t.startswith("日前", i):
        return False
    from ..wordfeats import lexicon_words

    words = lexicon_words()[0]
    return any(t[i - k:i + 1] in words for k in (1, 2, 3) if i >= k)


_RULES = (_printed, _relative_year, _month_range, _month_day, _relative_month_day, _bare_day, _clock_and_vague)


def _select(cands: list[_D]) -> list[_D]:
    """Leftmost-longest non-overlapping selection."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_D] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen
