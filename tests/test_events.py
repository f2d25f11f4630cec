"""Dated events (find_events) and the "events" spaCy component."""
from __future__ import annotations

import pytest
import spacy

from extract.facts.dates import find_dates
from extract.facts.events import find_events
from schemas import Official, ReferenceDate

REF_2023 = ReferenceDate(year=2023, month=12, day=25, source="dateline", year_source="story-year")
REF_2024 = ReferenceDate(year=2024, source="text-year", year_source="page-year")
OFFICIALS = ["习近平", "李强", "蔡奇"]


def events(text: str, ref: ReferenceDate, officials=OFFICIALS):
    evs = find_events(text, find_dates(text, ref), officials)
    for e in evs:
        assert text[e.start:e.end] == e.text
        assert text[e.date.start:e.date.end] == e.date.text
    return evs


# (text, ref, date value, trigger, location, officials, event text)
CASES = [
    # source tag 本报讯 is not part of the event; one-character place 京
    ("本报讯 2024年3月20日，工业和信息化部外事工作座谈会在京召开，深入学习贯彻中央外事工作会议精神。",
     REF_2024, "2024-03-20", "召开", "京", [],
     "2024年3月20日，工业和信息化部外事工作座谈会在京召开"),
    # subject before the date, 下午 attached, adjacent triggers merge, place ends at the trigger
    ("据新华社 中共中央总书记、国家主席、中央军委主席习近平3月20日下午在湖南省长沙市主持召开新时代推动中部地区崛起座谈会并发表重要讲话。",
     REF_2024, "2024-03-20", "主持召开", "湖南省长沙市", ["习近平"],
     "中共中央总书记、国家主席、中央军委主席习近平3月20日下午在湖南省长沙市主持召开新时代推动中部地区崛起座谈会并发表重要讲话"),
    # date, place and trigger in three clauses; ▶ photo marker dropped
    ("▶8月26日，在缅甸仰光国际机场，5名电信诈骗犯罪嫌疑人被移交给中国警方工作组。",
     REF_2023, "2023-08-26", "移交", "缅甸仰光国际机场", [],
     "8月26日，在缅甸仰光国际机场，5名电信诈骗犯罪嫌疑人被移交给中国警方工作组"),
    # relative year + full date; trigger in the next clause
    ("今年2月20日，昆明反诈中心接到群众举报称，自己可能接到一个诈骗电话。",
     REF_2023, "2023-02-20", "接到", None, [],
     "今年2月20日，昆明反诈中心接到群众举报称"),
    # 在北京 + official; 蔡奇 attends in the next sentence, which has no date of its own: he takes part
    # too (issue 15: a later clause with an attendance verb joins the event, as the devset annotates)
    ("国务院总理李强3月24日在北京出席中国发展高层论坛2024年年会开幕式。蔡奇出席。",
     REF_2024, "2024-03-24", "出席", "北京", ["李强", "蔡奇"],
     "国务院总理李强3月24日在北京出席中国发展高层论坛2024年年会开幕式"),
    # a bare year as an adverbial (set off by a comma) anchors an event
    ("2019年，聊城启动了同步课堂远程教学设备试点升级。",
     REF_2023, "2019", "启动", None, [], "2019年，聊城启动了同步课堂远程教学设备试点升级"),
    # 正在 is not a place preposition
    ("12月7日，冯毅老师正在教室里举行公开课。",
     REF_2023, "2023-12-07", "举行", None, [], "12月7日，冯毅老师正在教室里举行公开课"),
]


@pytest.mark.parametrize("text,ref,value,trigger,location,officials,ev_text", CASES)
def test_find_events(text, ref, value, trigger, location, officials, ev_text):
    evs = events(text, ref)
    assert len(evs) == 1, evs
    e = evs[0]
    assert (e.date.value, e.trigger, e.location, e.officials, e.text) == (
        value, trigger, location, officials, ev_text)


NO_EVENTS = [
    # vague date: no value, no event (日前召开…)
    ("日前召开的中央经济工作会议定调2024年经济工作。", REF_2023),
    # a bare year inside a noun phrase (2024年年会, 2024年是…成立) is not an event date
    ("《通知》指出，2024年是中华人民共和国成立75周年。", REF_2023),
    # a dateline's own date is the reference, not an event
    ("新华社北京12月2日电（记者 张辛欣）记者从工业和信息化部获悉，大会近日举行。", REF_2023),
    # no trigger in the sentence
    ("12月25日，积石山县柳沟乡阳山希望小学的学生在课间做游戏。", REF_2023),
    # 以来 is a period, not an event date
    ("今年以来，市生态环境局举办培训20余次。", REF_2023),
    # ... also with OCR spaces left inside the dateline
    ("据新华社北京 12月 25日电 中共中央办公厅、国务院办公厅印发了通知。", REF_2023),
    # a trigger after the next date belongs to that date (which is vague here)
    ("据新华社北京12月25日电 近日，中共中央办公厅印发了通知。", REF_2023),
]


@pytest.mark.parametrize("text,ref", NO_EVENTS)
def test_no_events(text, ref):
    assert events(text, ref) == []


def test_two_dates_two_events():
    # each date takes the first trigger after it, before the next date
    text = "3月5日，大会在京开幕；3月11日，大会闭幕。"
    evs = events(text, REF_2024)
    assert [(e.date.value, e.trigger) for e in evs] == [("2024-03-05", "开幕"), ("2024-03-11", "闭幕")]


def test_unresolved_date_scores_lower():
    text = "3月20日，座谈会在京召开。"
    resolved = events(text, REF_2024)[0]
    unresolved = events(text, ReferenceDate(source="none"))[0]
    assert unresolved.date.value is None and unresolved.score < resolved.score


def test_spacy_component():
    import extract.facts.dates  # noqa: F401
    import extract.facts.events  # noqa: F401

    nlp = spacy.blank("zh")
    nlp.add_pipe("dates")
    nlp.add_pipe("events")
    nlp.initialize()
    text = "习近平3月20日下午在湖南省长沙市主持召开座谈会。"
    doc = nlp.make_doc(text)
    doc._.reference_date = REF_2024
    doc._.officials = [
        Official(start=0, end=3, text="习近平", rule="t", score=1.0, name="习近平"),
        Official(start=0, end=0, text="", rule="t", score=1.0, name="张三", is_reporter=True),
    ]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(e.date.value, e.trigger, e.location, e.officials) for e in doc._.events] == [
        ("2024-03-20", "主持召开", "湖南省长沙市", ["习近平"])]
    # no officials, no reference: still runs
    doc = nlp(text)
    assert doc._.events[0].officials == [] and doc._.events[0].date.value is None


OFFICIALS_ORDER = [
    # (text, names given, names expected, why it is hard)
    ("李强、习近平3月5日在京出席会议。", ["习近平", "李强"], ["李强", "习近平"],
     "order of first occurrence in the sentence, not of the list given"),
    ("王刚强3月5日在京出席会议。", ["王刚强", "王刚"], ["王刚", "王刚强"],
     "a name inside another is found too; equal positions order by name"),
    ("3月5日，李强在京出席会议。习近平出席。", ["习近平", "李强"], ["李强", "习近平"],
     "issue 15: the next sentence, with no date of its own, says who else attended"),
    ("3月5日，李强在京出席会议。习近平会见了外宾。", ["习近平", "李强"], ["李强"],
     "no attendance verb: another happening, not the meeting"),
    ("3月5日，大会在京召开，" + "各地代表" * 80 + "，习近平出席。", ["习近平"], [],
     "issue 9 F14: a name more than the window (300 characters) after the date is not read"),
]


@pytest.mark.parametrize("text,names,expected,why", OFFICIALS_ORDER, ids=[c[3] for c in OFFICIALS_ORDER])
def test_officials_in_the_event_sentence(text, names, expected, why):
    (e,) = events(text, REF_2024, names)
    assert e.officials == expected
