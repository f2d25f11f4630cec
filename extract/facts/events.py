"""Dated events: a date together with what happened on it.

:func:`find_events` pairs each date found by :mod:`extract.facts.dates` with the first event
trigger verb (``extract/data/event_triggers.txt``: 召开, 举行, 主持, 移交, 接到 …) that follows
it in the same sentence, before the next date. The event is the text from the start of
the clause holding the date to the end of the clause holding the trigger; adjacent
triggers form one trigger (``主持召开``). When nothing follows the date, a trigger earlier in
the date's own clause is taken (``会议召开于3月20日`` style). How the trigger is chosen (noun
tails, frames, light verbs, a scene sentence anchoring the next one) is in
:mod:`extract.facts.event_triggers`; a date after 如果/假如 states a condition and anchors nothing.

* ``location``: the full place after 在 or 于 (:meth:`_Places.place_at`): up to the last place
  suffix (市, 中心, 机场, 寺 …) that no stop word comes before, a trigger verb inside the name
  included (``在西昌卫星发射中心发射`` -> ``西昌卫星发射中心``, and the trigger is the second
  发射); without a suffix, up to the first stop word or trigger, less a postposition
  (``在京召开`` -> ``京``; ``在记者招待会上宣布`` -> ``记者招待会``). ``location_span`` gives
  its offsets. 于 before a date or after 位/用/由/对… introduces no place.
* ``officials`` (the participants): the officials mentioned inside the event's text, read from
  the offsets of their mentions on the Doc (``doc._.officials``), in order of first mention;
  bare names given instead of records are looked for in the event's text.
* A source tag is never part of the event text, wherever it stands (a headline glued before
  ``本报北京1月1日讯…报道：`` is cut off with it), and a date inside one anchors nothing.
* A trigger before the date counts only in the date's own clause and not across a 的
  (``因举行集会而被捕的15名分子2日…``: 举行 is inside a relative clause).
* Dates of kind ``vague`` (日前, 近日 — no value) and ``since`` (今年以来 — a period), quarters,
  halves and weeks (periods too) and "as of" dates (截至去年11月) do not anchor events.
  Unresolved dates (value null) do, with a lower score. An event's date is resolved by the
  dates component against the story's reference date, whose year may come from the story
  (see ``extract.facts.dates.reference_date``).
* Time is linear in the text (issue 9 F14): sentence and clause breaks and trigger verbs are
  found once and looked up by bisection, and a sentence is followed at most
  ``_WINDOW`` characters either side of its date -- in a longer run without 。！？；
  the event text and the officials searched for stay within that window.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import Iterable, Optional, Sequence

from extract.facts import doc_text
from spacy.language import Language
from spacy.tokens import Doc

from schemas import DateValue, Event, Mention

from extract.text.datelines import inner_datelines
from extract.text.sentences import split_sentences

from .dates import lexicon
from .event_participants import Names as _Names, joined
from .event_places import HERE, _place, dateline_place
from .event_verbs import clause_verb
from .event_triggers import (
    _next_sentence, _noun, _speech_header, _step, _trigger, _trigger_re, _year_verb_re, in_book_title, rescheduled,
    statement_after_frame, triggers,
)

__all__ = ["find_events", "triggers", "EventsComponent"]

_HARD_BREAK = "；;\n"  # inside a sentence: coordinate clauses no date reaches across
_CLAUSE_END = "，,：:。！？!?" + _HARD_BREAK
_OPENERS = "“‘《（(「"
_WINDOW = 300  # characters a sentence is followed either side of a date


@cache
def _source_tag_re() -> re.Pattern:
    """A leading source tag: 据新华社␣, 本报讯, 本报北京3月20日讯, 新华社北京12月2日电（记者…）."""
    marks = "|".join(re.escape(m) for m in lexicon()["source_markers"])
    return re.compile(
        rf"[ \t\u3000]*(?:[^，。\n]{{0,24}}?日[ \t\u3000]*(?:{marks})(?:（[^）]{{0,30}}）)?"
        rf"|[^\s，。]{{0,24}}?(?:{marks})(?:（[^）]{{0,30}}）|(?=[\s\d]|$))"
        rf"|据[^\s，。]{{1,8}}[ \t\u3000]+)[ \t\u3000]*"
    )


class _Text:
    """A text with its sentences (:func:`extract.text.sentences.split_sentences`, the splitter the
    records use), hard breaks (；), clause breaks and trigger verbs found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sents = split_sentences(text) or [(0, len(text))]
        self.sent_starts = [a for a, _ in self.sents]
        self.hard = [m.start() for m in re.finditer(f"[{re.escape(_HARD_BREAK)}]", text)]
        self.clause = [m.start() for m in re.finditer(f"[{re.escape(_CLAUSE_END)}]", text)]
        self.trig = [m for m in _trigger_re().finditer(text) if not _noun(text, m)]
        self.trig_ends = [m.end() for m in self.trig]
        #: where datelines inside the text start (…演讲（新华社北京11月1日电）…): no date before one
        #: anchors a trigger after it
        self.datelines = [m.start() for m in inner_datelines(text)]
        self._tags: dict[int, list] = {}

    def tags(self, s_start: int, s_end: int) -> list:
        """The source tags inside ``s_start..s_end``, found once for its whole sentence (a long
        sentence of many dates was scanned again for each: quadratic)."""
        i = max(0, bisect_right(self.sent_starts, s_start) - 1)
        if i not in self._tags:
            a, b = self.sents[i]
            self._tags[i] = [m for m in _tag_anywhere_re().finditer(self.text, a, b) if m.end() > m.start()]
        found = self._tags[i]
        lo = bisect_left([m.start() for m in found], s_start) if len(found) > 8 else 0
        return [m for m in found[lo:] if m.start() >= s_start and m.end() <= s_end]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence (less what lies beyond a ；) holding ``pos``, clipped to ``_WINDOW``
        characters either side."""
        i = max(0, bisect_right(self.sent_starts, pos) - 1)
        s, e = self.sents[i]
        j = bisect_left(self.hard, pos)
        if j and self.hard[j - 1] >= s:
            s = self.hard[j - 1] + 1
        if j < len(self.hard) and self.hard[j] < e:
            e = self.hard[j]
        return max(s, pos - _WINDOW), min(e, pos + _WINDOW)

    def next_sentence(self, s_end: int) -> Optional[tuple[int, int]]:
        """The sentence after the one ending at ``s_end`` with 。 or ！ (blanks between skipped), or
        None: a paragraph break, a clipped window or a ； ends the run."""
        text, ns = self.text, s_end
        while ns < len(text) and text[ns] in " \t\u3000":
            ns += 1
        if ns >= len(text) or text[s_end - 1:s_end] not in ("。", "！", "!"):
            return None
        start, end = self.sentence(ns)
        return (start, end) if start >= s_end else None

    def next_dateline(self, pos: int) -> int:
        """Where the first dateline inside the text after ``pos`` starts (a story run on after it
        is another's: no date before it anchors a trigger after it), else the text's end."""
        k = bisect_right(self.datelines, pos)
        return self.datelines[k] if k < len(self.datelines) else len(self.text)

    def clause_start(self, pos: int, floor: int) -> int:
        i = bisect_left(self.clause, pos)
        return max(floor, self.clause[i - 1] + 1) if i else floor

    def clause_end(self, pos: int, ceil: int) -> int:
        i = bisect_left(self.clause, pos)
        return min(self.clause[i], ceil) if i < len(self.clause) else ceil

    def trigger_before(self, lo: int, hi: int) -> Optional[re.Match]:
        """The last trigger lying wholly inside ``lo..hi``."""
        i = bisect_right(self.trig_ends, hi) - 1
        return self.trig[i] if i >= 0 and self.trig[i].start() >= lo else None


@cache
def _tag_anywhere_re() -> re.Pattern:
    """A dateline or source tag wherever it stands (a headline may be glued before it): 本报北京
    1月1日讯, 新华社金边12月31日电（记者…）, 据新华社电, 本报讯, then 记者…报道：."""
    marks = "|".join(re.escape(m) for m in lexicon()["source_markers"])
    num = r"(?:[0-9]{1,4}|[一二三四五六七八九十〇○]{1,4})"
    return re.compile(
        rf"(?:(?:据)?(?:新华社|本报|中新社)?[^，。：\n（）]{{0,12}}?(?:{num}年)?{num}月{num}日[ \t\u3000]*(?:{marks})"
        rf"|本报讯|据新华社电|新华社电)(?:（[^）]{{0,30}}）)?"
        rf"(?:[^，。：\n]{{0,30}}?报道[：:])?")



@cache
def _habit_re() -> re.Pattern:
    """每年都要…访问: a habit cue with its adverb (not 每年一度的人代会…开幕, 在每年的…日)."""
    return re.compile("(?:" + "|".join(map(re.escape, lexicon()["habitual_cues"])) + ")[^，。；]{0,2}?(?:都|要|会|均)")


@cache
def _report_re() -> re.Pattern:
    """3月17日报道, 10月2日法新社消息: a date before 报道/消息 (``anchor_not_before``), an agency's
    name between or not, is a report's."""
    words = "|".join(map(re.escape, lexicon()["anchor_not_before"]))
    return re.compile(rf"(?:[^，。；,;\s]{{0,6}}?(?:社|网|台|报|媒体))?(?:{words})")


#: 本周全国17家银行共发行了44款: a total over the period, no happening on the date (not 共同, 中共,
#: 公共, 共青团, 共产党, 共和国)
_AGGREGATE = re.compile("累计|总共|共计|一共|(?<![中公])共(?![同识享建商赢和产青])")

def _total(text: str, lo: int, hi: int) -> bool:
    """共 (累计…) before the trigger with no count between (共发行了44款: a total); 与…机构共26家
    签订了承诺书 counts who signed, one happening."""
    m = _AGGREGATE.search(text, lo, hi)
    return m is not None and not re.search("[0-9０-９一二两三四五六七八九十百千万]", text[m.end():hi])


#: before a date, not on it (春节前, 之前, 以前); not 前往/前来/前去 (verbs) or 前夕/前后 (around it)
_DEADLINE = re.compile(r"(?:之|以)?前(?![往来去夕后])")

#: adverbs after a year that make it an adverbial of time (明年还将启动, 今年将在…举办, 1996年才被…收养), and the
#: passive 被 (1997年被县委…评为)
_YEAR_ADVERB = re.compile("还将|将要|即将|将|还|又|也|已经|已|就|再|曾经|曾|先后|首次|正式|才|便|被|即")


def _is_anchor(text: str, d: DateValue) -> bool:
    """Vague dates, 以来-periods and parts of a year do not anchor events, nor does an "as of"
    date (截至去年11月); a week does (上周…发行了, 上周战胜). A bare year does only as an
    adverbial: set off by a comma (``2023年，…``), after 于/在 (``计划于2002年建成``), right before
    a trigger verb (``是一九九四年成立的``) or an adverb (``明年还将启动``), not inside a noun
    phrase (``2024年年会``). A year counted from now (两年前, 5年后: ``years-from-reference``)
    anchors none: the devset never dates a happening by one (a day after it does: 10年前的1月4日)."""
    if d.kind in ("vague", "since") or in_book_title(text, d.start):
        return False   # 审议通过了《关于2009年中央决算的报告》: a title's date names the document, no happening
    before = text[max(0, d.start - 2):d.start]
    if any(before.endswith(w) for w in lexicon()["anchor_not_after"]) and not rescheduled(text, d):
        return False   # 截至去年11月; not 延迟至9月4日上映 (a new date)
    if text.startswith("是", d.end) or _report_re().match(text, d.end):
        return False  # １９９９年１月１日是星期五: described, nothing happens on it; 3月17日报道: a report's date
    if _DEADLINE.match(text, d.end) and d.precision != "time":
        return False  # 春节前…将正式开工, 10月27日之前完成: a deadline (not 1月1日零点前: at the hour)
    start_point = text[max(0, d.start - 2):d.start].endswith(("自", "从")) and text.startswith(("开始", "起"), d.end)
    if d.precision in ("quarter", "half") or d.text.endswith("个月"):   # 今年前十一个月…签订了: a total
        return start_point   # 自一九九八年下半年开始停止: a policy starting with the half
    if d.text in lexicon()["year_span_words"]:
        return False   # 在过去的一年中…: a year under review frames totals, no one happening
    if d.rule == "years-from-reference" and d.precision == "year":
        return False   # 两年前提出的, 5年后，…显现: a span counted back or on is no happening's date (10年前的1月4日 is)
    if d.precision == "year":  # 2023年，…, 于2002年建成 and 一九九四年成立的 (an adverbial), not 2024年年会
        return text[d.end:d.end + 1] in ("，", ",") \
            or text[max(0, d.start - 1):d.start] in ("于", "在") and not _framed_year(text, d) \
            or _year_verb_re().match(text, d.end) is not None or _YEAR_ADVERB.match(text, d.end) is not None \
            or start_point or text[max(0, d.start - 2):d.start].endswith(("自", "从")) and text.startswith("起", d.end) \
            or _step(text, d) is not None \
            or _year_subject_verb(text, d) or _season(text, d) \
            or _year_closing_verb(text, d)   # 1952年任…组长: a biography's step; 1964年毕业于; 1996年下岗。
    return True


#: a year opening a name inside a 在…中/上 frame (在2023年亚洲杯预选赛中, 在2023年全国两会上): the edition's
#: label, no adverbial of time (not 在2000年，…, nor 于2002年建成, whose verb follows the year)
_NAMED_FRAME = re.compile(r"(?:[A-Za-z0-9]|[^\x00-\x7f，,。；;：:、的了在于将已曾])[^，,。；;：:、的了]{1,18}?(?:赛|会|节|展|杯|季)[^，,。；;：:、的了]{0,6}?(?:中|上|期间)(?=[，,]|$)")


def _framed_year(text: str, d: DateValue) -> bool:
    """A year after 在/于 that opens a name inside a 在…中/上 frame (``_NAMED_FRAME``): an edition's label;
    the first date of its sentence may still date the clause (:func:`find_events`)."""
    return d.precision == "year" and text[max(0, d.start - 1):d.start] in ("于", "在") \
        and _NAMED_FRAME.match(text, d.end) is not None


#: what may close a verb right after a year (1996年下岗后, 1996年下岗。): not 的 (1954年出生的男同志)
_VERB_CLOSE = re.compile("[了，,。；;、]|后[，,在]")


def _year_closing_verb(text: str, d: DateValue) -> bool:
    """A bare year right before a verb of two characters or more (jieba's ``v``, not a stative one:
    ``fallback_verbs.not``) that closes its phrase (了, a break, 后): 1996年下岗后，…,
    1996年下岗。 (not 1954年出生的男同志, a relative clause, nor 2024年年会, a noun)."""
    from .event_verbs import _not_verbs, _tagger

    first = next(iter(_tagger().cut(text[d.end:d.end + 8])), None)
    return first is not None and first.flag == "v" and len(first.word) >= 2 and first.word not in _not_verbs() \
        and _VERB_CLOSE.match(text, d.end + len(first.word)) is not None


def _season(text: str, d: DateValue) -> bool:
    """A year, then a season (``seasons``) set off by a comma or opening 的一个… (1996年夏，…;
    1994年冬的一个深夜): an adverbial of time (not 1997年冬季扫黄打非集中行动, a name)."""
    s = next((w for w in lexicon()["seasons"] if text.startswith(w, d.end)), None)
    return s is not None and text.startswith(("，", ",", "的一"), d.end + len(s))


#: a personal pronoun between a year and its verb (1965年我当选为…)
_PRONOUN = re.compile("(?:我们|他们|她们|我|他|她)?")


def _year_subject_verb(text: str, d: DateValue) -> bool:
    """A year right before a trigger verb, or before a pronoun and one, is an adverbial of time:
    1964年毕业于包头医学院, 1997年荣获…基金, 1983年返回美国后, 1965年我当选为 (not 2024年年会, whose 年会
    is no verb, nor 考察站 after a year: a trigger opening a noun)."""
    at = _PRONOUN.match(text, d.end).end()
    m = _trigger_re().match(text, at)
    return m is not None and not _noun(text, m)


def _attributed(text: str, tx: _Text, d: DateValue, s_end: int) -> bool:
    """The date's clause goes on to an attribution cue (获悉, 得知) with no trigger between: the date
    is when the reporter learnt it (记者昨日从招商银行获悉), not a happening's (记者从今日在京召开的
    会议上了解到 dates the meeting)."""
    ce = tx.clause_end(d.end, s_end)
    cue = min((k for w in lexicon()["attribution_cues"] if (k := text.find(w, d.end, ce)) >= 0), default=-1)
    return cue >= 0 and tx.trigger_before(d.end, cue) is None


def find_events(text: str, dates: Sequence[DateValue], officials: Iterable = (),
                dateline: Optional[str] = None) -> list[Event]:
    """Dated events in ``text``: one per date that has a trigger verb after it in its sentence.

    ``dates`` are the dates of ``text`` (offsets into it); ``officials`` are the officials
    component's records (or bare names): the participants are those mentioned in the event's
    clause. Offsets of the events are into ``text``. ``dateline`` is the story's dateline when it
    is not part of ``text`` (the pipeline keeps it apart): 在此间/在这里 with no place named
    before is its place (新华社苏州…电 … 今天在此间宣布 → 苏州), the span staying on the pronoun.
    """
    here = dateline_place(dateline) if dateline else None
    names = _Names(officials)
    ordered = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    tx = _Text(text)
    events: list[Event] = []
    listed: set[int] = set()   # later dates of a list (二十一日、二十二日和二十六日): the first one's event
    fired: set[int] = set()    # where the triggers of the events found so far start: one happening, one date
    for i, d in enumerate(ordered):
        if i in listed or not _is_anchor(text, d) and not (
                _framed_year(text, d) and not (i and tx.sentence(ordered[i - 1].start) == tx.sentence(d.start))) \
                or (window := _window(text, tx, d)) is None:
            continue   # 在2008年北京奥运会上，他夺得金牌: a name's year dates the clause when no date comes before it
        floor, s_start, s_end = window
        if d.rule == "time-of-day" and events and events[-1].date.value == d.value and events[-1].start >= s_start:
            continue   # 28日…来到华盛顿，下午，他即宣布: the same day goes on in the same sentence
        bound = min(_bound(text, ordered, i, s_end, listed), tx.next_dateline(d.end))
        c_start = tx.clause_start(d.start, floor)
        if any(w in text[c_start:d.start] for w in lexicon()["condition_cues"]) or _attributed(text, tx, d, s_end):
            continue   # 如果2月1日开战: a condition; 记者昨日从招商银行获悉: the day the reporter learnt it
        found = _speech_header(text, tx, d, c_start) or _trigger(text, tx, d, c_start, bound)
        rule = "date+trigger"
        if found is not None and found[0].end() <= d.start and found[0].group(0) in lexicon()["plan_verbs"] \
                and (own := clause_verb(text, tx, d, c_start, bound)) is not None:
            found, rule = own, "date+trigger:verb"   # 央行决定于12月5日下调…: what is decided happens that day
        if found is None and (found := clause_verb(text, tx, d, c_start, bound)) is not None:
            rule = "date+trigger:verb"
        if found is None and (nxt := _next_sentence(text, tx, d, ordered, floor, s_end)) is not None:
            found, s_end, rule = (nxt[0], False, c_start, nxt[1]), nxt[2], "date+trigger:next-sentence"
        if found is None or found[0].start() in fired or _told_before(events, d, found[0]) \
                or _habit_re().search(text, d.end, found[0].start()) \
                or _total(text, max(d.end, tx.clause_start(found[0].start(), d.end)), found[0].start()) \
                or text[s_end - 1:s_end] in ("？", "?"):   # 今天…会有哪些事情发生呢？: a question, nothing told
            continue   # 自2001年起…每年都要…访问: a habit, no happening on the date
        prior = ordered[i - 1].end if i and ordered[i - 1].end <= d.start else -1   # the date before, if any
        ev = _event(text, tx, d, found, rule, (s_start, s_end), names, here, prior)
        later = _next_start(ordered, starts, ev.end, listed, len(text))
        ev.officials += [n for n in joined(text, tx, names, ev.end, s_end, later) if n not in ev.officials]
        events.append(ev)
        fired.add(found[0].start())
        if rule == "date+trigger" and (said := statement_after_frame(text, tx, d, found[0], bound)) is not None:
            events.append(_event(text, tx, d, (said, True, found[2], found[3]), "date+trigger:statement",
                                 (s_start, s_end), names, here, prior))   # 在…考察时指出: the visit, then what was said there
    return events


def _next_start(ordered: Sequence[DateValue], starts: list[int], pos: int, listed: set[int], default: int) -> int:
    """Where the first date at or after ``pos`` starts (the next event begins there), skipping the
    dates listed with an earlier one (二十一日、二十二日: they start no event of their own)."""
    k = bisect_left(starts, pos)
    while k < len(ordered) and k in listed:
        k += 1
    return ordered[k].start if k < len(ordered) else default


def _event(text: str, tx: _Text, d: DateValue, found: tuple, rule: str, sentence: tuple[int, int],
           names: "_Names", here: Optional[str], prior: int = -1) -> Event:
    """The event of the date ``d`` and its trigger (``found``, from :func:`_trigger`): its text runs
    from the clause start (past ▶, ■ and spaces) to the end of the trigger's clause; its place is
    the last 在/于 place before the trigger (:func:`extract.facts.event_places._place`)."""
    mt, same_clause, c_start, spans = found
    s_start, s_end = sentence
    rule += "" if same_clause or rule.endswith("sentence") else ":next-clause"
    ev_start = min(c_start, mt.start())
    while ev_start < min(d.start, mt.start()) and not (text[ev_start].isalnum() or text[ev_start] in _OPENERS):
        ev_start += 1  # ▶, ■, spaces
    ev_end = tx.clause_end(mt.end(), s_end)
    place = _place(text, tx, spans, ev_start, mt, d, s_start, prior)
    score = (0.85 if same_clause else 0.75 if rule.endswith("clause") else 0.6) if d.value is not None else 0.5
    location = text[place[0]:place[1]] if place else None
    if location in HERE:   # 在这里 with no dateline to name the place names none (the devset's reading)
        location, place = here, (place if here else None)
    return Event(
        start=ev_start, end=ev_end, text=text[ev_start:ev_end], rule=rule, score=score,
        date=d, trigger=mt.group(0), location=location,
        location_span=Mention(start=place[0], end=place[1], text=text[place[0]:place[1]]) if place else None,
        officials=names.in_order(text, ev_start, ev_end),
    )


def _bound(text: str, ordered: Sequence[DateValue], i: int, s_end: int, listed: set[int]) -> int:
    """Where the trigger of ``ordered[i]`` is sought up to: the next date in its sentence, but for
    a year that anchors nothing (inside a name: 2001年中国体育健身游…节…举行); past
    the dates listed with it (二十一日、二十二日和二十六日…进行飞行: one happening, dated by the
    first), and past a date restated in brackets (22日下午2时（北京时间23日凌晨2时）), which are
    added to ``listed``."""
    d = ordered[i]
    j = i
    while j + 1 < len(ordered) and _LIST_JOIN.fullmatch(text, ordered[j].end, ordered[j + 1].start):
        j += 1
        listed.add(j)
    nxt = next((e for e in ordered[j + 1:] if e.precision != "year" or _is_anchor(text, e)), None)
    if nxt is not None and nxt.start < s_end:
        return max(d.end, nxt.start)
    return s_end


_LIST_JOIN = re.compile(r"[、和及与]|[（(](?:北京时间|当地时间|格林尼治时间|即)?")


def _told_before(events: list[Event], d: DateValue, mt: re.Match) -> bool:
    """地震发生在当天下午3时左右 after 1日发生…地震: an anaphoric day (当天) after its trigger
    restates an event already found with the same trigger on the same day."""
    return d.rule.startswith("anaphoric") and mt.start() < d.start and any(
        e.trigger == mt.group(0) and e.date.value == d.value for e in events)


def _window(text: str, tx: _Text, d: DateValue) -> Optional[tuple[int, int, int]]:
    """(floor, sentence start, sentence end) for the date ``d``: the floor is after any source
    tag before it; None when the date is inside a tag (the dateline's own date)."""
    s_start, s_end = tx.sentence(d.start)
    tags = tx.tags(s_start, s_end)
    if any(m.start() <= d.start and d.end <= m.end() for m in tags):
        return None  # the dateline's own date: the reference, not an event
    floor = max([m.end() for m in tags if m.end() <= d.start] + [s_start])
    lead = _source_tag_re().match(text, floor, s_end)  # 据新华社␣, 本报讯 at the start
    if lead and lead.end() > floor:
        if d.end <= lead.end():
            return None
        if lead.end() <= d.start:
            floor = lead.end()
    return floor, s_start, s_end


# --------------------------------------------------------------------------- spaCy

for _ext in ("dates", "officials", "events"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class EventsComponent:
    """spaCy component: ``doc._.events`` from ``doc._.dates`` and ``doc._.officials``."""

    def __init__(self, nlp: Language, name: str = "events") -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        triggers()

    def __call__(self, doc: Doc) -> Doc:
        officials = [o for o in (doc._.officials or []) if not getattr(o, "is_reporter", False)]
        doc._.events = find_events(doc_text(doc), doc._.dates or [], officials,
                                   dateline=doc.user_data.get("newsfacts.dateline"))
        return doc


@Language.factory("events", default_config={})
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
