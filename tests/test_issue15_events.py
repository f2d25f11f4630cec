"""Issue 15, events: every example the issue quotes, with its expected result.

The place is the full place span; the date resolves through the story's reference date (a year
the story gives when the dateline has none); the text is the clause, never headline plus
dateline; the participants are the officials mentioned in the clause.
"""
from __future__ import annotations

import pytest
import spacy

import extract.facts.dates  # noqa: F401  (registers "dates")
import extract.facts.events  # noqa: F401  (registers "events")
from extract.facts.dates import find_dates, reference_date
from extract.facts.events import find_events
from schemas import Mention, Official, ReferenceDate

REF = ReferenceDate(year=2024, month=3, day=20, source="dateline", year_source="dateline+published")


def events(text: str, ref=REF, officials=()):
    evs = find_events(text, find_dates(text, ref), officials)
    for e in evs:
        assert text[e.start:e.end] == e.text
        if e.location_span is not None:
            assert text[e.location_span.start:e.location_span.end] == e.location_span.text == e.location
    return evs


PLACES = [
    # (text, trigger, place, why it is hard)
    ("12月10日，长征三号甲运载火箭在西昌卫星发射中心发射升空。", "发射升空", "西昌卫星发射中心",
     "the trigger 发射 is inside the place's name: the place was cut to 西昌卫星 (the trigger is the verb run 发射升空 since 升空 joined the list)"),
    ("柬埔寨31日在金边市中心的巴多姆寺为政坛元老宋双亲王举行隆重的国葬仪式。", "举行", "金边市中心的巴多姆寺",
     "a long place with 的 inside, ended by its suffix 寺 before 为"),
    ("卡斯特罗30日在革命宫亲切会见了傅全有上将一行。", "会见", "革命宫", "the adverb 亲切 is no part of the place"),
    ("煤矿于2000年12月28日在兖州矿区正式投产。", "投产", "兖州矿区", "正式 after the place; 于 before a date is no place"),
    ("外交部发言人今天在记者招待会上宣布：", "宣布", "记者招待会", "the postposition 上 is dropped"),
    ("在29日于大阪举行的世界拳击理事会冠军赛中", "举行", "大阪", "于 introduces the place; 在 before a date does not"),
    ("3月24日在北京出席中国发展高层论坛。", "出席", "北京", "no suffix: the place ends at the trigger"),
    ("习近平3月20日下午在湖南省长沙市主持召开座谈会。", "主持召开", "湖南省长沙市", "two suffixes: the last one before the trigger"),
    ("31日上午，塞尔维亚族警察在弗拉诺瓦茨等4个村庄同阿尔巴尼亚族武装发生冲突。", "发生", "弗拉诺瓦茨等4个村庄",
     "after pddev-731 (tuned): a count after 等 is part of the place (any digit rejected it), and 村庄 is a "
     "place word (the place was cut to 等4个村)"),
    ("28日，明石海峡大桥在濑户大桥以东约80公里的海面上正式通车。", "通车", "濑户大桥以东约80公里的海面上",
     "after pddev-560 (tuned): a distance after 约 inside the place is part of it"),
    ("纪念活动28日在全国500个城市同时展开。", "展开", "全国500个城市",
     "after pddev-220 (tuned): a count after 全国 opens the places counted"),
    ("这项活动12月28日在18个乡镇举行。", "举行", "18个乡镇",
     "after pddev-1582 (tuned): a count can open the place when a place suffix (镇) closes it"),
]


@pytest.mark.parametrize("text,trigger,place,why", PLACES, ids=[c[-1] for c in PLACES])
def test_full_place_span(text, trigger, place, why):
    (e,) = events(text, ReferenceDate(year=2000, month=12, day=31, source="dateline"))
    assert (e.trigger, e.location) == (trigger, place)
    assert e.location_span == Mention(start=text.index(place), end=text.index(place) + len(place), text=place)


def test_date_resolves_through_the_story_year():
    """CTB: the dateline has no year (新华社北京十二月二十二日电); the story prints 一九九七年,
    so the event's 今天 is 1997-12-22, not unresolved."""
    story = "在即将过去的一九九七年，五大经济特区保持了强劲增长。特区工作会议今天在京召开。"
    ref = reference_date("新华社北京十二月二十二日电", None, story)
    (e,) = events(story, ref)
    assert (e.date.value, e.trigger, e.location) == ("1997-12-22", "召开", "京")


def test_date_without_any_year_is_unresolved_and_says_why():
    story = "特区工作会议今天在京召开。"
    ref = reference_date("新华社北京十二月二十二日电", None, story)
    (e,) = events(story, ref)
    assert e.date.value is None and e.date.unresolved == "no reference year"


GLUED = [
    # (text, event text, why it is hard)
    ("新世纪新年音乐会精彩热烈李鹏等与首都观众一同欣赏本报北京1月1日讯新华社记者尹鸿祝、本报记者武卫政报道："
     "今晚，北京保利剧院洋溢着节日的喜庆气氛，中国爱乐乐团在这里举行盛大的《新世纪新年音乐会》。",
     "今晚，北京保利剧院洋溢着节日的喜庆气氛，中国爱乐乐团在这里举行盛大的《新世纪新年音乐会》",
     "a headline glued before the dateline (no line break): the dateline's date anchored an event "
     "whose text began with the headline"),
    ("纪念梅里雪山勇士遇难10周年活动举行本报北京1月2日讯今天，中国登山协会在北京万佛华侨陵园举行悼念活动。",
     "今天，中国登山协会在北京万佛华侨陵园举行悼念活动",
     "the headline's own trigger (举行) is not taken for the dateline's date"),
]


@pytest.mark.parametrize("text,ev_text,why", GLUED, ids=[c[-1][:40] for c in GLUED])
def test_text_is_the_clause_never_headline_and_dateline(text, ev_text, why):
    ref = ReferenceDate(year=2001, month=1, day=1, source="dateline")
    evs = events(text, ref)
    assert [e.text for e in evs] == [ev_text]
    assert "讯" not in evs[0].text


def _official(name: str, *starts: int) -> Official:
    return Official(start=starts[0], end=starts[0] + len(name), text=name, rule="t", score=1.0, name=name,
                    mentions=[Mention(start=s, end=s + len(name), text=name) for s in starts])


PARTICIPANTS = [
    # (text, officials (name, mention offsets), expected, why it is hard)
    ("3月5日，李强在京出席会议，王毅在沪出席论坛。", [("李强", 5), ("王毅", 14)], ["李强"],
     "王毅 is in the same sentence but in another clause: not a participant of the first event"),
    ("李强、习近平3月5日在京出席会议。", [("习近平", 3), ("李强", 0)], ["李强", "习近平"],
     "order of first mention, not of the records"),
    ("3月5日，大会在京召开，习近平出席。", [("习近平", 12)], ["习近平"],
     "a later clause with an attendance verb joins the event (was []: only the clause counted)"),
    ("研讨会将于四月十九日在上海召开，世界贸易组织总干事鲁杰罗将出席并作专题演讲。", [("鲁杰罗", 25)], ["鲁杰罗"],
     "ctb6test-288: who will attend is a participant of the planned meeting"),
]


@pytest.mark.parametrize("text,officials,expected,why", PARTICIPANTS, ids=[c[-1] for c in PARTICIPANTS])
def test_participants_are_the_officials_in_the_clause(text, officials, expected, why):
    recs = [_official(n, s) for n, s in officials]
    for o in recs:
        assert text[o.start:o.end] == o.name
    evs = events(text, officials=recs)
    assert evs[0].officials == expected


def test_component_reads_the_officials_records():
    nlp = spacy.blank("zh")
    nlp.add_pipe("dates")
    nlp.add_pipe("events")
    text = "3月5日，李强在京出席会议，王毅在沪出席论坛。"
    doc = nlp.make_doc(text)
    doc._.reference_date = REF
    reporter = _official("王毅", 14).model_copy(update={"is_reporter": True})
    doc._.officials = [_official("李强", 5), reporter]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(e.trigger, e.officials) for e in doc._.events] == [("出席", ["李强"])]


NOT_EVENTS = [
    ("至去年11月，83个重点建设项目已完成投资204亿元，其中竣工投产项目完成投资30亿元。",
     "an 'as of' date (至/截至) is a cut-off for totals, not the day something happened"),
    ("今年一季度，规模以上工业增加值同比增长5.2%，一批项目竣工投产。", "a quarter is a period, not a date"),
    # 因举行…而被捕的15名分子2日被送上法庭: moved to test_issue15_clause_verbs.py (送上, not 举行)
]


@pytest.mark.parametrize("text,why", NOT_EVENTS, ids=[c[-1] for c in NOT_EVENTS])
def test_not_events(text, why):
    assert events(text) == []


# --------------------------------------------------------------------------- second pass
def test_here_is_the_place_named_before_else_the_datelines():
    text = "本报北京1月1日讯今晚，北京保利剧院洋溢着节日的喜庆气氛，中国爱乐乐团在这里举行盛大的音乐会。"
    ref = ReferenceDate(year=2001, month=1, day=1, source="dateline", year_source="x")
    (e,) = events(text, ref)
    assert (e.trigger, e.location) == ("举行", "北京保利剧院")
    text = "新华社北京十二月十六日电\n代表们今天在这里举办了经济合作洽谈会。"
    (e,) = events(text, ReferenceDate(year=1996, month=12, day=16, source="dateline", year_source="x"))
    assert (e.trigger, e.location) == ("举办", "北京")


def test_a_clause_that_is_only_a_place_sets_the_scene():
    text = "2000年12月28日晚，长沙市贺龙体育馆内，选手柳海龙战胜任彦兵。"
    (e,) = events(text)
    assert (e.trigger, e.location) == ("战胜", "长沙市贺龙体育馆")


def test_trigger_list_integrity():
    from extract.facts.events import triggers

    words = triggers()
    assert len(words) == len(set(words))
    assert all(2 <= len(w) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in w) for w in words), words
    assert {"起步", "打死", "击毙", "关停", "攻击", "被杀"} <= set(words)
    assert list(words) == sorted(words, key=len, reverse=True)  # longest first: 主持召开 before 召开


def test_location_span_round_trips_through_the_loader(tmp_path):
    """Event.location_span is loaded as location_start/location_end (its text is location)."""
    from sqlalchemy import select

    from extract.load import load_paths, make_engine
    from extract.load import tables as T
    from extract.output import write_jsonl
    from schemas import SourceRef, StoryRecord

    body = "新华社西昌3月20日电 3月20日在西昌卫星发射中心发射了一颗卫星。"
    evs = events(body)
    (e,) = [e for e in evs if e.location]
    assert e.location == "西昌卫星发射中心"
    rec = StoryRecord(story_id="s1", source=SourceRef(path="p.txt", doc_id="p.txt"), start=0, end=len(body),
                      text=body, dates=[e.date], events=evs)
    path = tmp_path / "facts.jsonl"
    write_jsonl([rec], str(path))
    url = f"sqlite:///{tmp_path / 'f.db'}"
    load_paths([str(path)], url)
    with make_engine(url).connect() as conn:
        rows = conn.execute(select(T.events.c.location, T.events.c.location_start, T.events.c.location_end)
                            .order_by(T.events.c.idx)).all()
    back = [Mention(start=a, end=b, text=loc) if a is not None else None for loc, a, b in rows]
    assert back == [x.location_span for x in evs]


# --------------------------------------------------------------------------- dev2 (real text)
R0103 = ReferenceDate(year=2001, month=1, day=3, source="published", year_source="published")
NO_YEAR = ReferenceDate(month=12, day=2, source="dateline", year_source="none")

DEV2 = [
    # (text, ref, trigger, date value, place, why it is hard)
    ("十二月二十八日，侦察机飞临朝鲜。二十一日、二十二日和二十六日，美军战略侦察机曾先后在德积岛、抱川及束草以东地区进行长时间飞行，对朝鲜进行空中摄影。",
     R0103, "飞行", "2000-12-21", "德积岛、抱川及束草以东地区",
     "one happening for a list of dates (the first dates it); 侦察机 is a noun; 进行 is a light verb; 以东 is inside the place"),
    ("国务院决定，1月1日起，认证子系统率先在“五省四市”（北京、上海、天津、重庆、辽宁、山东、江苏、浙江、广东）开通运行；",
     R0103, "开通", "2001-01-01", "“五省四市”（北京、上海、天津、重庆、辽宁、山东、江苏、浙江、广东）",
     "a quoted place and the gloss in brackets after it"),
    ("１２月２２日，离欧元启动仅剩九天，意大利政府、三大工会和３２个行业协会终于签署了《社会公约》。", NO_YEAR,
     "签署", None, None, "启动 is in a countdown clause (离…仅剩): what is awaited, not what happened"),
    ("七月二十日，国务院发出通知，要求自一九九八年下半年开始停止住房实物分配。", R0103, "停止", "1998-07-01", None,
     "a half anchors a policy that starts with it (自…开始); the half's first day dates it"),
    ("瑞士从1990年起即禁止在牛饲料中添加动物肉骨粉。", R0103, "禁止", "1990", None,
     "a bare year anchors after 从…起"),
    ("长江三峡工程保险合同，今天由中国长江三峡工程开发总公司与中保财产保险公司在三峡工程工地签定，", NO_YEAR,
     "签定", None, "三峡工程工地", "a place starting with a numeral (三峡) and the variant 签定"),
    ("即：这颗彗星与木星第一次相撞发生在北京时间七月十七日凌晨三时半，撞击的彗核编号为第二十一号", NO_YEAR,
     "相撞发生", None, None, "the verb before 在 governs the date; 北京时间 is no place"),
    ("第一次出现在中国视野的碰撞发生在十七日下午二时半，彗核编号为第十九号，可进行射电天文观测；", NO_YEAR,
     "碰撞发生", None, None, "the governing verb before the date, not the 进行 after it"),
]


@pytest.mark.parametrize("text,ref,trigger,value,place,why", DEV2, ids=[c[-1][:50] for c in DEV2])
def test_dev2_events(text, ref, trigger, value, place, why):
    got = [(e.trigger, e.date.value, e.location) for e in events(text, ref)]
    assert (trigger, value, place) in got, got


DEV2_NOT_EVENTS = [
    ("去年12月初，离哈尔滨冰雪节开幕还有20多天，南方一些航空公司来哈尔滨的航班已开始猛增。", "开幕",
     "a countdown (离…还有) names what is awaited"),
    ("但由于１９９９年１月１日是星期五，央行已成立了一个由专家组成的“转换周末委员会”。", "成立",
     "the date is described (是星期五); nothing happens on it"),
    ("菲南部地区1日发生里氏6.6级地震。地震发生在当天下午3时左右，震中位于菲律宾最南端。", "发生@当天",
     "当天 restates the day of the 发生 already found: one event, not two"),
    ("接近元旦零点时，网民们都想发出“新世纪第一帖”。", "发出", "接近 + date: a time approached, not one anchoring"),
]


@pytest.mark.parametrize("text,trigger,why", DEV2_NOT_EVENTS, ids=[c[-1][:50] for c in DEV2_NOT_EVENTS])
def test_dev2_not_events(text, trigger, why):
    evs = events(text, R0103)
    if "@" in trigger:
        trig, date = trigger.split("@")
        assert not any(e.trigger == trig and e.date.text.startswith(date) for e in evs)
        assert any(e.trigger == trig for e in evs)
    else:
        assert trigger not in [e.trigger for e in evs]



def test_here_is_the_dateline_place_when_the_dateline_is_kept_apart():
    # the pipeline keeps the dateline out of the body text, so 在此间 has no place named before
    # it in the text: the dateline's place is the event's, the span stays on the pronoun
    from extract.facts.dates.resolve import find_dates
    from extract.facts.events import find_events
    from schemas import ReferenceDate

    text = "国家环保总局今天在此间宣布，正式开始区域试点。"
    ref = ReferenceDate(year=1997, month=12, day=28, source="dateline", year_source="story-year")
    (e,) = find_events(text, find_dates(text, ref), dateline="新华社苏州十二月二十八日电")
    assert (e.trigger, e.location, e.location_span.text) == ("宣布", "苏州", "此间")
    (e,) = find_events(text, find_dates(text, ref))
    # no dateline given: the pronoun names no place (it was kept as printed until 2026-11-24; the
    # devset leaves such a place null: fresh53's 22日在这里发表的…报告, a story with no dateline)
    assert (e.location, e.location_span) == (None, None)


@pytest.mark.parametrize("text,trigger,value,place", [
    # a bare year anchors only as an adverbial; right before a trigger that closes its phrase
    # (成立的) it is one, where 去年通过运河的 (通过 = through) is not
    ("中国进出口银行是一九九四年成立的一家政策性银行。", "成立", "1994", None),
    # 进行 inside a 在…时 frame sets the time of the clause after it: the happening is 启用
    ("从一九九九年元旦开始，外汇管理局在进行结售汇业务时，将正式启用核查系统。", "启用", "1999-01-01", None),
    # the adverb 非法 ends the place before the verb
    ("去年12月31日晚，约60人在新加坡麦里芝蓄水池非法举行集会。", "举行", "2023-12-31", "新加坡麦里芝蓄水池"),
])
def test_issue15_anchors_triggers_and_place_ends(text, trigger, value, place):
    (e,) = events(text)
    assert (e.trigger, e.date.value, e.location) == (trigger, value, place)


def test_issue15_no_event_for_a_year_before_a_preposition_like_verb():
    assert events("去年通过运河的集装箱货轮增加了12％。") == []


def test_issue15_a_subject_place_is_not_the_antecedent_of_here():
    """河南省|政府…的代表今天在这里举办: 河南省 opens the subject organisation; 这里 is the
    dateline's place (the span stays on 这里 when no dateline is given)."""
    (e,) = events("河南省政府和驻京外资金融机构的代表今天在这里举办了洽谈会。")
    assert e.location != "河南省"


SESSION_2026_11_23B = [
    # (text, trigger, value, place, why it is hard)
    ("15日，省考察团一行在乌鲁木齐参加了经贸洽谈会。", "参加", "2024-03-15", "乌鲁木齐",
     "考察团 is a noun (a trigger verb before a noun tail 团): the happening is 参加"),
    ("2000年12月22日下午2时（北京时间23日凌晨2时），代表团参加了纪念活动。", "参加", "2000-12-22", None,
     "the same moment restated in another time zone in brackets: one happening, dated by the first"),
    ("1月1日，2024年全国冰雪旅游节在哈尔滨太阳岛公园举行。", "举行", "2024-01-01", "哈尔滨太阳岛公园",
     "the year inside the festival's name anchors nothing and must not cut the search for 举行"),
    ("董事长20日晚在香港贸易发展局举行的晚宴上发表演讲。", "举行", "2024-03-20", "香港贸易发展局",
     "after 在 an organisation is the place: its suffix 局 ends the place, not 港 inside 香港"),
    ("检查组从十月份开始，到年底前结束。", "开始", "2023-10", None,
     "十月份 is a month (a Chinese month alone counts with 份), and 从…开始 names the start"),
]


@pytest.mark.parametrize("text,trigger,value,place,why", SESSION_2026_11_23B, ids=[c[-1][:40] for c in SESSION_2026_11_23B])
def test_issue15_noun_tails_brackets_names_and_starts(text, trigger, value, place, why):
    evs = events(text)
    assert (evs[0].trigger, evs[0].date.value, evs[0].location) == (trigger, value, place)


def test_issue15_when_frames_without_a_break():
    # 结束 inside a 在…之时 frame with no comma after it: what is talked about, not what happened on the
    # 3rd; the statement itself is the day's event (design.md: a dated statement on a day)
    assert [e.trigger for e in events("美方3日表示，总统在任期行将结束之时前往该国是不明智的。")] == ["表示"]
    # 在…之际 is a frame of time, never the place of what follows it
    (e,) = events("3日，在两地刚刚步入新的发展时期之际，委员会宣告成立。")
    assert (e.trigger, e.location) == ("成立", None)


def test_issue15_a_dated_scene_sentence_anchors_the_next_sentences_trigger():
    """今天上午，X礼堂张灯结彩。…在这里举行…: a date opening a sentence with no trigger verb
    sets the scene; the next sentence, which has no date of its own, says what happened, and
    在这里 is the place the scene named."""
    text = "今天上午，人民大会堂张灯结彩，喜气洋洋。全国委员会在这里举行新年茶话会。"
    (e,) = events(text)
    assert (e.trigger, e.date.value, e.location, e.rule) == ("举行", "2024-03-20", "人民大会堂", "date+trigger:next-sentence")
    # the next sentence has its own date: it anchors its own trigger, the scene anchors nothing
    assert [(e.trigger, e.date.text) for e in events("今天上午，人民大会堂张灯结彩。昨天，委员会在这里举行茶话会。")] == [("举行", "昨天")]
    # a sentence that has a trigger of its own is no scene
    assert [e.trigger for e in events("今天上午，代表们抵达北京。委员会在这里举行茶话会。")] == ["抵达"]


@pytest.mark.parametrize("text,trigger,place,why", [
    ("协会将于12月8日在上海和广州两地同时举办艺术节。", "举办", "上海和广州两地",
     "places joined by 和 and counted (两地) are one place; 和 used to end it at 上海"),
    ("10日，工商部门在浙江、江苏、福建等省市开展了专项检查。", "开展", "浙江、江苏、福建等省市", "a list closed by 等省市"),
    ("31日上午，全体队员在这面旗上签了字。", "签了字", None,
     "在这面旗上 is a thing, not a place (a demonstrative and a measure word, no place suffix); 签了字 is 签字 with 了 inside"),
    ("5日，市民在这座城市的中心广场举行了集会。", "举行", "这座城市的中心广场", "a demonstrative place that a place suffix ends stays a place"),
])
def test_issue15_coordinated_places_and_things(text, trigger, place, why):
    (e,) = events(text)
    assert (e.trigger, e.location) == (trigger, place)


@pytest.mark.parametrize("text,trigger,place,why", [
    ("双方于11月22日同家属就善后事宜重新进行协商。", "进行协商", None,
     "进行 with no trigger noun after it: the light verb and the word after it name the happening"),
    ("5日，8名队员在攀登雪山过程中遇难。", "遇难", None, "在…过程中 is a frame of time, not a place"),
    ("5日，双方在5个方面举行了会谈。", "举行", None,
     "a count may open a place only when a place suffix closes it: 5个方面 are things counted, no place"),
    ("服务器于10月30日进行了一次更新。", "进行了一次更新", None, "a count (一次) between the light verb and its noun"),
    ("无人机于11月16日在空军基地进行了首次试飞。", "进行了首次试飞", "空军基地", "首次 likewise; it was cut to 进行了首"),
    ("少将当日在战舰射击训练中遭遇意外事故而不幸遇难。", "遇难", None, "在…训练中 is an activity, not a place"),
    ("7月3日，在业主们两次聚集请愿后，市政府召集有关部门商讨对策。", "召集", None, "在…后 is a frame of time"),
    ("20日，她在瑞士的韦松纳茨举行的世界杯比赛中获得亚军。", "举行", "瑞士的韦松纳茨", "在X举行的…比赛中: X is the place, no frame"),
    ("去年12月15日，工商所在狮山大道当场查获假冒商标10万套。", "查获", "狮山大道",
     "查获, kin of 破获 and 抓获; its place since the ninth session: 工商所 is an office, 在 its preposition, 大道 a place suffix"),
    ("今天，雕塑在友协大院揭幕。", "揭幕", "友协大院", "揭幕, kin of 揭牌"),
    ("这年的8月11日，遇难的队员的骨灰坛被安放在北京西山脚下的万佛华侨陵园。", "安放", "北京西山脚下的万佛华侨陵园",
     "遇难的 opens its clause as an attribute of the victims: not what happened on the day (it was the trigger)"),
])
def test_issue15_light_verbs_frames_and_new_triggers(text, trigger, place, why):
    evs = events(text)
    assert (evs[0].trigger, evs[0].location) == (trigger, place)


@pytest.mark.parametrize("text,why", [
    ("本赛季如果2月1日举行首场比赛，最多可安排49场常规比赛。", "a date after 如果 states a condition: no happening (举行 is a trigger)"),
    ("曾于1998年担任总理职务的张三被任命为交通部长。", "the year is inside a relative clause (…的张三); 任命 is the main verb's, not 1998's"),
])
def test_issue15_conditions_and_years_in_relative_clauses_anchor_nothing(text, why):
    assert events(text) == []


def test_issue15_a_trigger_before_a_noun_suffix_is_a_noun():
    # 访问量 is a count of visits, 通过率 a rate: neither is a happening on the date
    assert events("从31日晚8时到1月1日中午12时，网站的访问量突破30万人次。") == []
    assert events("3日，全市考试通过率达到80%。") == []


@pytest.mark.parametrize("text,expected,why", [
    ("今年，中国计划通过保持投资和消费稳定增长来实现目标。", [], "通过 before a verb phrase is 'by means of', no passing of anything"),
    ("二十八日，医生们通过降低输液量减轻心脏负担。", [("减轻", None)],
     "the same preposition after a subject: no 通过; the clause's verb (event_verbs) is 减轻, 降低 being the means"),
    ("全会3日通过《决定》。", [("通过", None)], "通过 before a title in 《》 is the passing of it"),
    ("大会28日通过了决议。", [("通过", None)], "通过了: the verb"),
    ("28日的比赛是在晚上灯光下举行的。", [("举行", None)], "在晚上灯光下: a time of day opens no place"),
])
def test_issue15_prepositional_triggers_and_times_are_no_places(text, expected, why):
    assert [(e.trigger, e.location) for e in events(text)] == expected


@pytest.mark.parametrize("text,expected,why", [
    ("今天，10亿人以平静的心情迎来了新年。虽然官方没有计划举行庆祝活动，饭店却张灯结彩。", [],
     "the next sentence's trigger is negated (没有计划举行)"),
    ("从1月1日起，单位资金都必须纳入统一账户。收入都须经过新成立的核算中心过目。", [("纳入", "date+trigger:verb")],
     "新成立的 is an attribute, not what happened; since 从…起， stands alone as the date's frame, the "
     "clause after it gives its verb (纳入, as pku-1257's gold)"),
])
def test_issue15_scene_rule_skips_negated_and_attributive_triggers(text, expected, why):
    assert [(e.trigger, e.rule) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,place,why", [
    ("联赛杯比赛28日在东南部海港城市奥斯卡斯哈门结束。", "东南部海港城市奥斯卡斯哈门",
     "a transliterated name after the suffix 市 runs on to the trigger; the place stopped at 城市"),
    ("仪式3日在天安门广场东侧举行。", "天安门广场东侧", "a side of the place after its suffix"),
    ("比赛5日在长沙市贺龙体育馆内举行。", "长沙市贺龙体育馆内",
     "a building keeps its postposition 内, as the devset's physical places do (it stayed out until the"
     " postposition rule; only a clause that is only a place, 长沙市贺龙体育馆内，, drops it, as pku-946's gold)"),
    ("大会3日在北京市各界隆重举行。", "北京市", "a stop word (隆重) before the trigger: the place ends at its suffix"),
])
def test_issue15_place_runs_on_to_the_trigger(text, place, why):
    (e,) = events(text)
    assert e.location == place


@pytest.mark.parametrize("text,place,why", [
    ("像在即将于9月28日举行的秋拍专场中", None, "在即将…: an adverb opens no place (it was 即)"),
    ("仅在去年国内就有3家银行于5日推出新卡。", None, "在去年国内: a relative year opens no place (it was 去年国)"),
    ("5日在明珠大厦举行。", "明珠大厦", "明 alone no longer blocks a place; 明天/明年 still do"),
])
def test_issue15_times_and_adverbs_open_no_place(text, place, why):
    (e,) = events(text)
    assert e.location == place


@pytest.mark.parametrize("text,trigger,place,why", [
    ("张涛14日在公安部专项行动新闻发布会上宣布破案。", "宣布", "公安部专项行动新闻发布会",
     "发布 inside 发布会上 is part of the place (a meeting), not the trigger; the place was cut at 银行/部"),
    ("3月25日，市公安局在南京警方的协助下抓获一名嫌疑人。", "抓获", None, "在…的协助下 is a frame, not a place"),
    ("5场英超赛事均于5日在周日进行。", "进行", None, "在周日: a weekday opens no place"),
])
def test_issue15_meetings_help_frames_and_weekdays(text, trigger, place, why):
    (e,) = events(text)
    assert (e.trigger, e.location) == (trigger, place)


@pytest.mark.parametrize("text,expected,why", [
    ("副主任黄信敬昨日表示，市住房保障办计划今年新开工13个项目。", [("表示", "昨日")],
     "a trigger in what is said (表示，…开工) is no happening of the day it was said; the statement is (design.md)"),
    ("国务院总理3日指出，要加快建设。", [("指出", "3日")],
     "eighteenth session: a statement on a day is an event (design.md: 说, 表示, 宣布, 警告, 谴责 on a day)"),
    ("他5日宣布，会议将于明年召开。", [("宣布", "5日"), ("召开", "明年")], "宣布 is a trigger itself; the report has its own date"),
])
def test_issue15_reported_happenings_are_not_the_speakers_date(text, expected, why):
    assert [(e.trigger, e.date.text) for e in events(text)] == expected


# Review of this session's rules (helper review, 2026-11-23): each row was wrong after a first
# version of a rule and is right now.
REVIEW = [
    # (text, expected [(trigger, place)], why)
    ("江泽民主席1日在中南海会见人大代表。", [("会见", "中南海")], "会见 before 人: noun tails were single characters; now whole nouns"),
    ("李鹏1日会见员工代表。", [("会见", None)], "会见 before 员"),
    ("会议3日通过方案。", [("通过", None)], "通过 before 方 (and 方案 is in 通过's context)"),
    ("国务院常务会议3日通过决议。", [("通过", None)], "通过决议: date + 通过 + a document"),
    ("1日，市政府宣布成立组委会。", [("宣布成立", None)], "成立 before 组"),
    ("江泽民1日在北京会见美国和日本等国代表。", [("会见", "北京")], "a verb inside is no list of places"),
    ("2023年，公司的新工厂建成投产。", [("建成投产", None)], "an adverbial year (with its comma) is in no relative clause"),
    ("他3日进行了为期五天的国事访问。", [("访问", None)], "the trigger noun after 进行 further than 8 characters"),
    ("双方于1日进行了深入细致的讨论。", [("进行", None)], "no fragment (进行了深入) when the noun does not end the clause"),
    ("该公司3日更改名称，并举行揭牌仪式。", [("举行揭牌", None)], "称 in 名称 is no statement verb; 改名 inside 更改名称 is no trigger (trigger_nouns 改名称)"),
    ("3日，中国队在北京工人体育场进行的比赛中战胜对手。", [("战胜", "北京工人体育场")], "在X进行的比赛中: X is the place"),
    ("3日在北京市也举行了集会。", [("举行", "北京市")], "an adverb (也) does not run on into the place"),
    ("部长5日在该国首都举行记者招待会。", [("举行", "该国首都")], "该 opens a place"),
    ("3日上午，会场气氛热烈。代表们认为，应当尽快召开专门会议。", [], "the scene rule skips a reported, planned happening"),
]


@pytest.mark.parametrize("text,expected,why", REVIEW, ids=[c[-1][:40] for c in REVIEW])
def test_issue15_review_findings(text, expected, why):
    assert [(e.trigger, e.location) for e in events(text)] == expected


def test_issue15_a_part_of_the_same_day_adds_no_second_event():
    # one event a day in a sentence: 下午 restates 28日 (the annotators' "one event per anchoring date")
    ref = ReferenceDate(year=2001, month=1, day=3, source="published", year_source="published")
    evs = events("布什28日刚从佛罗里达州来到华盛顿，下午，他即宣布起用拉姆斯菲尔德。", ref)
    assert [(e.trigger, e.date.value) for e in evs] == [("来到", "2000-12-28")]


@pytest.mark.parametrize("text,why", [
    ("自2001年起以来美国海军舰艇每年都要对格鲁吉亚进行友好访问。", "每年 between the date and its trigger: a habit, not a happening on the date"),
    ("环球网记者报道俄新网3月17日报道，美国内华达州上空两架歼击机发生相撞事故。", "3月17日报道: the report's date, not the collision's"),
])
def test_issue15_habits_and_report_dates_anchor_nothing(text, why):
    assert events(text) == []


@pytest.mark.parametrize("text,trigger,value", [
    ("1957年，廖静文出任徐悲鸿纪念馆馆长。", "出任", "1957"),
    ("1988年，中国人民解放军授予洪学智等17人上将军衔。", "授予", "1988"),
    ("许鞍华导演的新片将在六月底开拍。", "开拍", "2024-06"),
])
def test_issue15_new_triggers_on_modern_text(text, trigger, value):
    (e,) = events(text)
    assert (e.trigger, e.date.value) == (trigger, value)


@pytest.mark.parametrize("text,trigger,value,why", [
    ("乡政府突然决定于12月5日召开罢免大会。", "召开", "2024-12-05",
     "决定 before 于 + the date plans the meeting: the happening is 召开, not 决定 (plan_verbs)"),
    ("2001年，市政府决定对重庆国际信托引资重组。", "决定", "2001", "a decision dated by the year before it"),
    ("2000年11月22日，刘建湘同意了校方对发生在1999年的事故处理意见。", "同意", "2000-11-22",
     "同意 is the happening; 发生 inside the 对…的 object was taken before"),
    ("2008年，两国正式建立外交关系。", "建立", "2008", "建立, a founding verb of the new batch"),
    ("工商所工作人员16日前往现场进行通知询问。", "前往", "2024-03-16",
     "前往, kin of 来到: the light verb 进行 with its object was taken instead"),
])
def test_issue15_decisions_and_new_batch(text, trigger, value, why):
    (e,) = [e for e in events(text) if e.date.value == value]
    assert e.trigger == trigger


def test_issue15_new_trigger_nouns_are_no_happenings():
    # 发行量 and 出版社 open with a new trigger verb: nouns, no happening on the date
    assert events("2023年，该报发行量达到100万份。") == []


@pytest.mark.parametrize("text,trigger", [
    ("3月5日，每年一度的全国人代会在北京开幕。", "开幕"),
    ("3月15日，在每年的消费者权益日，工商局查获一批假货。", "查获"),
])
def test_issue15_habit_words_without_their_adverb_keep_the_event(text, trigger):
    # 每年 alone is no habit: only 每年都/要/会 (review of 2026-11-23)
    assert [e.trigger for e in events(text)] == [trigger]


@pytest.mark.parametrize("text,trigger,place,why", [
    ("31日，在广西桂林新建成的正阳步行街举行了联欢会。", "举行", "广西桂林新建成的正阳步行街",
     "建成的 is a relative clause inside the place: the place was cut to 广西桂林新 and 建成 became the trigger"),
    ("31日，在新落成的市体育馆举行了开幕式。", "举行", "新落成的市体育馆", "the same with 落成 and a 馆"),
])
def test_issue15_relative_clauses_inside_places(text, trigger, place, why):
    evs = events(text)
    assert [(e.trigger, e.location) for e in evs] == [(trigger, place)]


@pytest.mark.parametrize("text,trigger,value,place,why", [
    ("上周交通银行发行了理财产品。", "发行", "2024-03-11", None, "a week anchors like a day (fresh7's convention)"),
    ("俄超联赛已于上周结束。", "结束", "2024-03-11", None, "于 + a week opens no place (上周 was the place)"),
    ("明年还将启动湿地公园二期的建设。", "启动", "2025", None, "a year before an adverb (还将) is an adverbial of time"),
    ("今年将在荔枝湾景区举办大型民俗活动。", "举办", "2024", "荔枝湾景区", "将 after the year: the same"),
    ("这个游戏将在2011年5月3日正式上市。", "上市", "2011-05-03", None, "上市, a game's or a share's release"),
    ("法国兴业银行18日在北京开设了首家零售银行，正式启动零售业务。", "开设", "2024-03-18", "北京",
     "开设: the place ran into the verb when it was no trigger"),
    ("5月26日，刚上市的德国游戏杂志刊载了新作的消息。", "刊载", "2024-05-26", None,
     "上市的 in a clause after the date's, with no 在 before it, is an attribute"),
    ("6月底，经济适用房开始交付。", "交付", "2024-06", None, "交付, a completion"),
])
def test_issue15_modern_copy_events(text, trigger, value, place, why):
    evs = events(text)
    assert [(e.trigger, e.date.value, e.location) for e in evs][:1] == [(trigger, value, place)]


@pytest.mark.parametrize("text,why", [
    ("去年，纽约新上市的外国企业共有61家。", "上市的 is an attribute of the firms: an aggregate, no happening"),
    ("今天我们反其道而行，会有哪些有趣的事情发生呢？", "a question tells nothing that happened"),
    ("去年12月信贷类理财产品的发行数为169款。", "发行数 is a noun"),
    ("各位领导在百忙之中出席今天的论坛。", "在百忙之中 is a frame, no place; the date follows the trigger inside its object"),
])
def test_issue15_modern_copy_not_events(text, why):
    evs = events(text)
    assert all(e.location is None for e in evs) if "百忙" in text else evs == []


@pytest.mark.parametrize("text,expected,why", [
    ("本周全国17家商业银行共发行了44款理财产品。", [], "共: a total over the week, no happening on a day (the annotators' aggregates)"),
    ("今年前十一个月累计签订了24份协议。", [], "累计 likewise"),
    ("两国领导人18日共同签署了联合声明。", ["签署"], "共同 is no total"),
    ("中共中央18日召开会议。", ["召开"], "中共 is no total"),
    ("今年1至11月，全国共发生较大以上生产安全事故同比下降15.8%。", [],
     "twenty-second session: 共 in the next clause, the trigger's own, makes a total too (the date stood alone before a comma)"),
    ("12月1日，共有300名代表出席会议。", ["出席"], "a guard: a count between 共 and the trigger, who attended"),
])
def test_issue15_totals_over_a_period_are_no_events(text, expected, why):
    assert [e.trigger for e in events(text)] == expected


@pytest.mark.parametrize("text,expected,why", [
    ("北京时间10月2日法新社消息，法国队主帅多梅内克公布了最新一期的名单。", [], "the date is the agency's report's (…法新社消息)"),
    ("原定于下周二开庭审理的案件已取消开庭。", [], "原定: a plan since changed, no happening on the date"),
    ("北京市住建委5月份就与中介机构共26家签订了承诺书。", ["签订"], "共26家 counts who signed: one happening, no total"),
    ("住总集团昨日发布消息。", [], "发布消息 is a statement"),
    ("从本周开始到新年的比赛对赫尔城将是决定性的。", ["开始"], "决定性 is an adjective, no decision"),
    ("在5月10日，绿城集团举办的媒体恳谈会上，董事长发言。", ["举办"], "举办的…会上: the dated meeting itself, no attribute"),
])
def test_issue15_fresh8_rules(text, expected, why):
    assert [e.trigger for e in events(text)] == expected


@pytest.mark.parametrize("text,place,why", [
    ("4月22日，革命卫队在波斯湾和霍尔木兹海峡举行了演习。", "波斯湾和霍尔木兹海峡", "two places joined by 和, each with its suffix"),
    ("上周，商报在经三路赢和会馆举办了交流赛。", "经三路赢和会馆", "和 inside a name closed by 馆"),
])
def test_issue15_places_joined_by_he(text, place, why):
    assert [e.location for e in events(text)] == [place]


# Issue 15, from fresh9 (a tuning part annotated blind): a time inside a 在 run, an alias after a place.
@pytest.mark.parametrize("text,trigger,place,why", [
    ("美国可能在财政部本周公布的报告中将中国正式列为汇率操纵国。", "公布", None,
     "本周 inside the run after 在: 在 frames a thing said then, no place (was 财政部本周)"),
    ("Blizzard在愚人节当天针对《星际争霸2》公布人族最新强大武器单位。", "公布", None,
     "在 + a day: a time, no place (was 愚人节当天针)"),
    ("展会将于7月24日至26日在首尔国际贸易会展中心（setec）举行。", "举行", "首尔国际贸易会展中心",
     "an alias in brackets after the place: the place is the name before it (was no place)"),
    ("7月31日，在上海市规划与国土资源管理局（下称上海市规划局）召开的新闻通气会上，他说。", "召开",
     "上海市规划与国土资源管理局", "与 then a body named with its alias: one place (was 上海市)"),
])
def test_issue15_times_inside_a_run_and_aliases_after_a_place(text, trigger, place, why):
    (e,) = [e for e in events(text) if e.trigger == trigger]
    assert e.location == place, why


@pytest.mark.parametrize("text,value,end_value,why", [
    ("2009年暴雪嘉年华将于8月21日在美国加州阿纳海姆会议中心举行。", "2009-08-21", None,
     "no reference date: the year printed earlier in the sentence dates the bare month-day"),
    ("它将于2011年的6月7日至9日在洛杉矶会议中心举办。", "2011-06-07", "2011-06-09",
     "年的 between the year and the month: one date"),
])
def test_issue15_a_year_earlier_in_the_sentence_dates_a_month_day(text, value, end_value, why):
    (e,) = events(text, ref=None)
    assert (e.date.value, e.date.end_value) == (value, end_value), why


@pytest.mark.parametrize("text,expected,why", [
    ("银行今年1月开始接受房贷客户申请。", [("开始", "2024-01")],
     "fresh9: 开始 with a verb after it is the happening's start (开始 joined the triggers)"),
    ("今年4月7日子君村经适房正式开始销售。", [("开始", "2024-04-07")], "the same with a subject and 正式 between"),
    ("该机型今年6月开始交付。", [("交付", "2024-06")], "开始 before a trigger verb: that verb is the trigger"),
    ("三方首脑于1月10日开始在华盛顿举行会谈。", [("举行会谈", "2024-01-10")],
     "开始在…举行: 开始 before 在 is no trigger, so the meeting keeps its place"),
    ("去年12月初，航班已开始猛增。", [], "开始 before a trend (猛增) is no happening"),
    ("在从今年10月1日开始的2010财政年度中，美军的预算为6363亿美元。", [],
     "从…开始的: the start of a named period, no happening"),
    ("联合国安理会去年底通过第1851号决议。", [("通过", "2023-12")], "通过 before 第…号决议 is the verb"),
])
def test_issue15_the_start_of_a_happening(text, expected, why):
    assert [(e.trigger, e.date.value) for e in events(text)] == expected, why


def test_issue15_a_recurring_date_is_vague_and_anchors_nothing():
    # fresh9: 每年6月 recurs every year; it is no date of a happening (habitual_cues before the date)
    text = "每年6月的最后一个星期，索维拉会举办著名的纳瓦世界音乐节。"
    (d,) = find_dates(text, REF)
    assert (d.text, d.kind, d.value) == ("每年6月", "vague", None)
    assert events(text) == []


@pytest.mark.parametrize("text,expected,why", [
    ("春节前交通14号线、16号线车站将正式开工。", [], "fresh9: a date before 前 is a deadline, nothing happens on it"),
    ("必须在10月27日之前完成改造。", [], "之前: the same"),
    ("他于3月5日前往北京。", [("前往", "2024-03-05")], "前往 is a verb, no deadline"),
    ("关停企业在2001年1月1日零点前被强行关停。", [("关停", "2001-01-01")], "at an hour: 零点前 is the moment"),
    ("e-stars2008即将于7月24日到27日在在首尔贸易展览中心举行。", [("举行", "2024-07-24")],
     "a doubled 在 is one preposition (the place was 在首尔贸易展览中心); the reference year wins over 2008"),
    ("2008年12月份，银信产品发行总量为241只。", [], "发行总量 is a noun (trigger_nouns): an aggregate"),
])
def test_issue15_deadlines_doubled_prepositions_and_totals(text, expected, why):
    evs = events(text)
    assert [(e.trigger, e.date.value) for e in evs] == expected, why
    assert all(e.location is None or not e.location.startswith("在") for e in evs)


@pytest.mark.parametrize("text,expected,why", [
    ("台风“海葵”8日凌晨在浙江象山登陆。", [("登陆", "2024-03-08", "浙江象山")], "fresh11: 登陆, a landfall, joined the triggers"),
    ("该公司3月5日登陆纳斯达克。", [("登陆", "2024-03-05", None)], "a listing"),
    ("登陆页面今天更新。", [], "登陆页面 is a noun (trigger_nouns)"),
])
def test_issue15_landing(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


def test_issue15_a_next_sentence_with_its_own_date_joins_nothing():
    evs = events("3月5日，李强在京出席会议。6日，习近平出席。", officials=["李强", "习近平"])
    assert [(e.date.value, e.officials) for e in evs] == [("2024-03-05", ["李强"]), ("2024-03-06", ["习近平"])]


def test_issue15_leaders_listed_in_the_next_sentence_take_part():
    # fresh2 pku-510: the recogniser's trigger now holds the collective titles, so the list is read
    # by the model too (李岚清 was dropped), and the next sentence's 出席 joins the meeting
    from extract.nlp import build_nlp
    nlp = build_nlp()
    doc = nlp("1月1日，全国政协在北京举行新年茶话会。江泽民、李鹏、朱镕基、李瑞环、胡锦涛、尉健行、李岚清等党和国家领导人出席茶话会。")
    (e,) = doc._.events
    assert e.officials == ["江泽民", "李鹏", "朱镕基", "李瑞环", "胡锦涛", "尉健行", "李岚清"]


@pytest.mark.parametrize("text,expected,why", [
    ("记者昨日从招商银行获悉，该行刚刚和武汉钢铁集团正式签署了现金管理合作协议。", [],
     "fresh13: 获悉 after the date: the day the reporter learnt it, no happening (attribution_cues)"),
    ("记者今日从中国福利彩票发行管理中心获悉，", [], "发行 inside 发行管理中心 is no trigger (trigger_nouns)"),
    ("记者从今日在京召开的全国有色金属工作会议上了解到，", [("召开", "2024-03-20", "京")],
     "a trigger between the date and 了解到: the date is the meeting's"),
    ("印度空军发言人2日在新德里宣布，", [("宣布", "2024-03-02", "新德里")],
     "里 ends the city 新德里 (places.txt), no postposition (was 新德)"),
    ("10月28日，星展银行在网上公布雷曼相关结构债券赎回价。", [("公布", "2023-10-28", None)],
     "在网上: a medium, no place (thing_not_place)"),
    ("相关活动将会于端午节5月30日在茂县的中国古羌城举行。", [("举行", "2024-05-30", "茂县的中国古羌城")],
     "城 is a place suffix: the place runs on past 的 (was 茂县)"),
])
def test_issue15_attributions_cities_and_media(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("2月中在欧美再推出另一款大作。", [("推出", "2024-02", "欧美")], "fresh15: the adverb 再 ends the place (was 欧美再)"),
    ("新章程将于本月22日实行。", [("实行", "2024-03-22", None)],
     "实行 (a rule taking effect) joined the triggers"),
])
def test_issue15_adverbs_end_places_and_rules_take_effect(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("影片从今年四月也延迟至9月4日上映。", [("上映", "2024-09-04", None)],
     "fresh15: a release moved to a new date anchors the trigger after it, though the date ends in 至"),
    ("会议推迟到下月5日在北京举行。", [("举行", "2024-04-05", "北京")], "推迟到 + a new date, its place"),
    ("在香港的上映时间延迟至六月底，否则这周末", [],
     "fresh7's convention: the date only ends the delay (the trigger is before it): no event"),
    ("从4月至9月举行了三次会议。", [("举行", "2024-04", None)], "a range's 至 is no rescheduling: the range anchors"),
    ("工行在年前发布的新信用卡章程将于本月22日实行。", [("实行", "2024-03-22", None)],
     "fresh15: 在年前 (before the New Year) frames a time, no place (was 年前)"),
    ("展会九月四日至八日在厚街镇“广东现代国际展览中心”举行。", [("举行", "2024-09-04", "厚街镇“广东现代国际展览中心”")],
     "fresh15: a quoted venue whose name ends in a place suffix, after a town: one place (was none)"),
    ("5日在北京“鸟巢”举行。", [("举行", "2024-03-05", None)],
     "a quoted nickname with no place suffix stays out (no place rather than half of one)"),
])
def test_issue15_rescheduled_dates_and_quoted_venues(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("25日当晚，精英赛闭幕及颁奖典礼在中国电竞馆举行，", [("闭幕", "2024-03-25", "中国电竞馆")],
     "fresh17: the trigger opens a noun phrase that a later trigger places with 在: that place is the event's"),
    ("5日宣布将在北京举行会议。", [("宣布", "2024-03-05", None)],
     "将 between: the place is of what is announced, not of the announcement"),
    ("4月25日，美梦成真中美优才联盟全国巡讲启动北京站在中国电子大厦成功举办，",
     [("启动", "2024-04-25", "中国电子大厦")],
     "cluener-train (tuned): an adverb of manner (成功, manner_adverbs) between the chained place and its verb"),
    ("4月25日，巡讲启动北京站在中国电子大厦成功。", [("启动", "2024-04-25", None)],
     "an adverb with no verb after it chains no place"),
    ("导演在今年9月突然离世，未能完成。", [("离世", "2024-09", None)], "fresh17: 离世 (died) joined the triggers"),
    ("印度国防部7日宣布，印度当天成功试射一枚导弹。", [("宣布", "2024-03-07", None), ("试射", "2024-03-07", None)],
     "fresh17: a test launch (试射) on the same day is a second event"),
])
def test_issue15_chained_places_and_new_triggers(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("2007年8月31日，于海案第四次开庭，之前", [("开庭", "2007-08-31", None)],
     "fresh8: 于 is the surname of 于海; a place never holds an ordinal (第四次), so no place (was 海案第四次)"),
    ("嘉年华于2009年5月17日在河南省郑州市七彩商都网吧顺利闭幕", [("闭幕", "2009-05-17", "河南省郑州市七彩商都网吧")],
     "fresh8: 网吧 ends a place (was cut at 郑州市)"),
    ("女演员26日晚在其位于洛杉矶西区的家中因呼吸衰竭去世，", [("去世", "2024-02-26", "其位于洛杉矶西区的家中")],
     "fresh11: 家中 ends a place and 因 (because) stops it (was …西区, then …家中因呼吸衰竭)"),
    ("去年12月15日，浙江省苍南县金乡工商所在金乡镇狮山大道12号制假，当场查获假酒。",
     [("查获", "2023-12-15", "金乡镇狮山大道12号")],
     "pku-865 (tuned): 所 closing an office's word (工商所) leaves 在 a preposition (not 所在, whereabouts), "
     "大道 ends a place and a street number (12号) belongs to it; no other digit does"),
    ("这是三峡截流成败的关键所在，3日召开会议。", [("召开", "2024-03-03", None)],
     "所在 after 关键 is 'where it lies', no preposition"),
    ("3日，会议在长安街5号楼前举行。", [("举行", "2024-03-03", "长安街5号楼前")],
     "a street's number opens a building there (长安街5号楼), and a physical place keeps 前"),
    ("3日，会议在3号楼举行。", [("举行", "2024-03-03", None)],
     "a number after no street (3号楼) is still no place: a place holds no other digit"),
])
def test_issue15_ordinals_homes_and_causes_in_places(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("首脑会议17日在纳米比亚首都温得和克开幕。", [("开幕", "2024-03-17", "纳米比亚首都温得和克")],
     "fresh19: 和 inside a known place (温得和克, places.txt) stops nothing (was 纳米比亚首都温得)"),
    ("罗干今天上午在纽约联合国总部会晤了联合国秘书长", [("会晤", "2024-03-20", "纽约联合国总部")],
     "fresh19: the stop word 联合 inside 联合国 (orgs.tsv) stops nothing (was 纽约)"),
    ("法国队12日在马赛战胜南非队后，全城就出现闹事的苗头。", [("战胜", "2024-03-12", "马赛")],
     "fresh19: a 在…后 frame right after the date is what happened on it (fresh12's 后 convention), with its place"),
    ("他10日在会见记者时表示，", [("会见", "2024-03-10", None), ("表示", "2024-03-10", None)],
     "a 在…时 frame right after the date: the meeting; and the statement made at it (eighteenth session, design.md)"),
    ("在进行结售汇业务时，银行将于5日正式启用新系统。", [("启用", "2024-03-05", None)],
     "a frame before the date still frames: the happening is the clause after it"),
    ("欧洲中央银行首任行长于7月1日正式上任。", [("上任", "2024-07-01", None)], "fresh19: 上任 (takes office) joined the triggers"),
])
def test_issue15_names_holding_stop_words_and_frames_after_the_date(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("北京市市长贾庆林今天下午也在京会见了台湾经贸考察团一行。", [("会见", "2024-03-20", "京")],
     "fresh21: 也/都/还 before 在 no longer hide the place (location_not_after)"),
    ("美国联邦航空局7日下令检查飞机燃料系统的电线，以防可能发生的短路引发飞机起火爆炸。", [("下令", "2024-03-07", None)],
     "fresh21: a trigger after 以防 is what is to be prevented (prevention_cues), no happening on the 7th; "
     "the order (下令, a trigger since fresh21's gold was read again) is"),
    ("五月，第四届国际苏铁生物学会议曾在攀枝花召开。", [("召开", "2024-05", "攀枝花")],
     "fresh21: a leading Chinese month dates the meeting"),
])
def test_issue15_places_after_adverbs_prevention_and_leading_months(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("10日开始的第十六届世界杯足球赛，已经过去一周了。", [("开始", "2024-03-10", None)],
     "fresh19/fresh21's convention: a happening begun on the date, named in an attribute (开始的 was never a trigger)"),
    ("受去年7月开始的金融危机的影响，印尼经济正经历着困难。", [("开始", "2023-07", None)], "the crisis began in July"),
    ("本赛季从9月1日开始的联赛共有20支球队。", [("开始", "2024-09-01", None)], "a league begun on a day"),
    ("在从今年10月1日开始的2010财政年度中，美军的预算为6363亿美元。", [],
     "a period named by its start (start_period_nouns, a year between): no happening"),
])
def test_issue15_a_happening_begun_on_the_date(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("在香港特区筹委会十次全会上的讲话乔石（一九九七年七月十一日）各位委员，同志们", [("讲话", "1997-07-11", "香港特区筹委会十次全会")],
     "fresh23: a speech's title, its speaker and the date in brackets: the speech is the event (speech_words)"),
    ("中共中央委员会1997年11月1日（新华社北京11月1日电）江主席离开纽约抵波士顿在哈佛大学发表重要演讲。",
     [], "fresh23: a date before a dateline anchors no trigger after it (the next story's); the signature's date has none"),
])
def test_issue15_speech_headers_and_datelines_inside_the_text(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("以色列国议会议长达恩·蒂雄２月２６日致函乔石委员长，对邓小平逝世表示哀悼。", [("致函", "2024-02-26", None)],
     "fresh23: 逝世 between 对 and 表示 is what the condolence is about; the letter (致函) is the happening"),
    ("萨塔基·阿齐兹３日给中共中央发来唁电，对邓小平逝世表示哀悼。", [("发来", "2024-03-03", None)], "发来 (a telegram sent)"),
    ("邓小平2月19日在北京逝世。", [("逝世", "2024-02-19", "北京")], "the death itself stays an event"),
    ("第二届东亚运动会5月19日在韩国釜山圆满结束。", [("结束", "2024-05-19", "韩国釜山")],
     "fresh23: the adverb 圆满 ends a place (was 韩国釜山圆满)"),
    ("（本报墨西哥城12月1日电）联合声明本报吉隆坡12月16日电江泽民今天在这里签署了联合声明",
     [("签署", "2023-12-16", "吉隆坡")],
     "fresh23: 在这里 is the place of the last dateline before it, not of a bracketed one closing the story before "
     "(今天 is that dateline's day: December, after the March reference, so the year before)"),
])
def test_issue15_topics_adverbs_and_here_after_inner_datelines(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("1996年4月10日，县委常委扩大会议研究制定出《中共故城县委关于加强村政务公开活动的实施方案》。",
     [("制定", "1996-04-10", None)],
     "fresh25: 实施 inside a title names the document, no happening; the clause's verb (event_verbs) is 制定, "
     "one of the gold's triggers (扩大 modifies 会议: noun_heads; jieba tags 研究 vn, a noun use). Before the fallback: no event"),
    ("世界最长的海底隧道４月２１日在日本贯通，全长５３．９公里。", [("贯通", "2024-04-21", "日本")],
     "fresh25: 贯通 (a tunnel or a line completed) is a trigger"),
    ("１９４８年１２月出生于香港的李国能", [("出生", "1948-12", "香港")], "fresh25: a birth is an event, its place after 于"),
    ("邓小平2月19日逝世于北京。", [("逝世", "2024-02-19", "北京")], "a known place after 于 ends the clause"),
    ("1996年末人口出生率为16.98‰。", [], "fresh29: 出生 inside 出生率 is no birth (trigger_nouns)"),
    ("今年八月国际海底光缆汕头登陆站奠基。", [("奠基", "2024-08", None)],
     "fresh31: 登陆 inside 登陆站 is a station's name (trigger_nouns); the groundbreaking is the happening"),
    ("该法于1999年1月1日施行于全国", [("施行", "1999-01-01", None)], "全国 is no place after 于 (guard)"),
    ("尉健行、李岚清今晚在人民大会堂与数千名首都观众一起，欣赏世纪音乐盛典。", [("欣赏", "2024-03-20", "人民大会堂")],
     "fresh27: attending a performance (欣赏) is a trigger"),
    ("12月24日，6位人文学者联名给联合国秘书长安南先生寄出了一封信。", [("寄出", "2023-12-24", None)],
     "fresh27: a letter sent (寄出), like 致函"),
])
def test_issue15_titles_and_new_triggers(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("据了解，在2010年7月21日国家版权局等三部正式启动“剑网行动”之后，上海“英雄宽频”被查处。",
     [("启动", "2010-07-21", None)], "fresh15: a 在…之后 frame that holds the date is that day's happening"),
    ("在进行结售汇业务时，新系统将于3月1日正式启用。", [("启用", "2024-03-01", None)],
     "a frame before the date still only sets the time of what follows (guard)"),
])
def test_issue15_frame_holding_the_date(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("英国首相布莱尔31日发表新年贺词说，新的挑战要求英国作出抉择。", [("说", None, None)],
     "fresh33: a speech given to say something (发表…贺词说) is a statement, no happening of its own; since the"
     " eighteenth session the statement is the event (31日 after REF's 20 March is no day of March 2024: null)"),
    ("钱其琛今天在这里发表重要讲话。", [("发表", "2024-03-20", None)], "a speech given, with nothing said after it, stays (这里 with no dateline names no place)"),
])
def test_issue15_speech_that_says(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


def test_issue15_year_under_review_anchors_no_event():
    """fresh33: 在过去的一年中 frames a review of the year's totals, no one happening."""
    assert events("在过去的一年中，我们坚持独立自主的和平外交政策，同周边国家举行会晤。") == []


@pytest.mark.parametrize("text,why", [
    ("国家体彩中心副主任于建勇等领导出席了3日的启动仪式。",
     "fresh13: 于 after a title (副主任) is the surname of 于建勇, no place '建勇等领导'"),
    ("在智利北部拥有全球最大铜矿的必和必拓昨日宣布，", "拥有 is a stop: the run after 在 no longer swallows the company's name"),
])
def test_issue15_no_place_from_a_surname_or_a_possession(text, why):
    for e in events(text, ReferenceDate(year=2009, month=6, day=5, source="dateline")):
        assert e.location in (None, "智利北部"), (e.location, why)


@pytest.mark.parametrize("text,trigger,why", [
    ("1995年3月，在中方建议下，专家小组举行会议。", "举行", "fresh25: 在…建议下 frames a suggestion, no place '中方建议下'"),
    ("自2002年1月1日起，纳税人必须开具销售额在万元以上的发票，旧发票同时废止。", "废止",
     "fresh33: 在万元以上 is an amount, no place '万元'"),
])
def test_issue15_frames_and_amounts_after_zai_are_no_place(text, trigger, why):
    evs = events(text, ReferenceDate(year=1995, month=3, day=1, source="dateline"))
    assert [(e.trigger, e.location) for e in evs] == [(trigger, None)], why


def test_issue15_a_place_starting_with_wan_stays():
    (e,) = events("会议3月5日在万县举行。", ReferenceDate(year=1995, month=3, day=1, source="dateline"))
    assert e.location == "万县", "万 opening a place name (万县) is no amount"


def test_issue15_a_named_day_after_yu_is_no_place():
    evs = events("改造工程于元旦前夕竣工。", ReferenceDate(year=2001, month=1, day=3, source="published"))
    assert [(e.trigger, e.location) for e in evs] == [("竣工", None)], "于元旦前夕 is a time (named_days), no place"


def test_issue15_founding_is_a_trigger():
    evs = events("哈苏公司创建于1841年，开始是一家小商店。", ReferenceDate(year=2001, month=1, day=3, source="published"))
    assert [(e.trigger, e.date.value) for e in evs][:1] == [("创建", "1841")], "创建 (a founding) is a trigger, as 成立 is"


@pytest.mark.parametrize("text,trigger,value,why", [
    ("1927年，大坝正式动工。", "动工", "1927", "fresh33: 动工 (breaking ground) is a trigger"),
    ("7日下令检查所有客机。", "下令", "2000-12-07", "fresh21: 下令 is a trigger"),
    ("2000年12月31日，近百名农牧民同声诵唱史诗，迎接新世纪的来临。", "迎接", "2000-12-31", "fresh35: 迎接 is a trigger"),
])
def test_issue15_more_triggers(text, trigger, value, why):
    evs = events(text, ReferenceDate(year=2000, month=12, day=31, source="dateline"))
    assert (trigger, value) in [(e.trigger, e.date.value) for e in evs], why


def test_issue15_a_trigger_inside_a_short_quoted_name_is_no_happening():
    text = "今天，两会联合主办的“九六税改及进口原料台帐制执行实务研讨会”在广州举行。"
    evs = events(text, ReferenceDate(year=1996, month=3, day=1, source="dateline"))
    assert [e.trigger for e in evs] == ["举行"], "fresh2: 执行 inside the quoted name of a seminar is no trigger"


@pytest.mark.parametrize("text,trigger,why", [
    ("组委会今天在人民大会堂举行表彰会，表彰100家先进集体。", "举行", "fresh25: 举行 first; 表彰 is a trigger too"),
    ("３日，该市公交司机举行罢工。", "举行", "a strike is held"),
    ("该厂3日宣告破产。", "破产", "破产 (bankruptcy) is a trigger"),
])
def test_issue15_second_batch_of_triggers(text, trigger, why):
    evs = events(text, ReferenceDate(year=2000, month=12, day=31, source="dateline"))
    assert evs and evs[0].trigger.startswith(trigger), ([e.trigger for e in evs], why)


@pytest.mark.parametrize("text,trigger,place,why", [
    ("今天，第十七届哈尔滨国际冰雪节在欢呼声中于松花江畔拉开帷幕。", "拉开帷幕", "松花江畔",
     "在欢呼声中 is a frame (amid the cheering), no place: the place is the one after 于; 拉开帷幕 opens"),
    ("今天上午，在雄壮的国歌声中，大会在北京开幕。", "开幕", "北京", "a 在…声中 frame before the clause's own 在"),
    ("在热烈的气氛中，大会今天开幕。", "开幕", None, "在…气氛中 is a frame too: no place"),
    ("今天清晨，随着一声发令枪响，八达岭长城国际登山活动拉开序幕。", "拉开序幕", None, "拉开序幕, like 开幕"),
])
def test_issue15_sound_frames_and_curtain_idioms(text, trigger, place, why):
    evs = events(text, ReferenceDate(year=2001, month=1, day=5, source="dateline"))
    assert [(e.trigger, e.location) for e in evs][:1] == [(trigger, place)], why


@pytest.mark.parametrize("text,place,why", [
    ("首届中韩围棋对抗赛今天在韩国第二大城市釜山拉开帷幕。", "韩国第二大城市釜山",
     "第二大 is a rank of size (the second largest city), no ordinal of a happening: the place stands"),
    ("12日，于海案第四次开庭。", None, "第四次 counts a happening: 于 is a surname there, no place"),
])
def test_issue15_a_size_rank_inside_a_place(text, place, why):
    evs = events(text, ReferenceDate(year=1997, month=6, day=15, source="dateline"))
    assert {e.location for e in evs} == {place}, why


def test_issue15_a_clause_opened_by_a_verb_is_no_scene_place():
    """经过香港、深圳…等地共7站比赛，…在此间落幕: the clause opens with the verb 经过 (after passing
    through), so 经过香港 is no place that 此间 could point back to (clause_place_not_start)."""
    text = "2000年12月31日，经过香港、深圳、中山、珠海和澳门等地共7站比赛，第五届环南中国海自行车赛在此间落幕。"
    evs = events(text, ReferenceDate(year=2001, month=1, day=3, source="dateline"))
    assert [(e.trigger, e.location) for e in evs] == [("落幕", None)]   # no dateline given: 此间 names no place


def test_issue15_the_subjects_employer_is_no_antecedent_of_here():
    """fresh43: 中国医科大学附属第二医院新生儿科副主任…今天在此间公布: the hospital opens the clause but a
    title follows it in the same clause, so it is the speaker's employer; 此间 is the dateline's
    place. A place alone in its clause (人民大会堂，…在这里) stays the antecedent."""
    from extract.facts.events import find_events as fe
    ref = ReferenceDate(year=1999, month=1, day=5, source="dateline")
    text = "中国医科大学附属第二医院新生儿科副主任、医学博士毛健今天在此间公布婴儿健康状况。"
    assert [e.location for e in fe(text, find_dates(text, ref), ())] == [None]   # not the hospital; no dateline given
    assert [e.location for e in fe(text, find_dates(text, ref), (), dateline="新华社沈阳1月5日电")] == ["沈阳"]
    text = "人民大会堂，江泽民主席今天在这里会见了客人。"
    assert [e.location for e in fe(text, find_dates(text, ref), ())] == ["人民大会堂"]


def test_issue15_a_vote_result_is_no_trigger():
    """fresh43: 以一百三十五票赞成…的表决结果 names the vote's count (trigger_nouns 表决结果), no
    happening of its own."""
    text = "全国人大常委会今天以一百三十五票赞成、三票弃权的表决结果，通过证券法。"
    assert "表决" not in [e.trigger for e in events(text)]


@pytest.mark.parametrize("text,expected,why", [
    ("金昭典历任省政协副主席，1952年任赴越南顾问团公安顾问组组长，1956年调中央监察委员会工作。",
     [("任", "1952"), ("调", "1956")], "fresh41: an obituary's steps, 任 and 调 right after the year (step_verbs)"),
    ("1975年后任福建省委书记，1990年12月离休。", [("任", "1975"), ("离休", "1990-12")], "任 after 年后; 离休 after a month"),
    ("1998年调整了产业结构。", [], "调整 is no step: 调 before 整 (not_followed_by)"),
    ("2000年任务完成得很好。", [], "任务 is a noun, no step"),
])
def test_issue15_biography_steps(text, expected, why):
    evs = events(text, ReferenceDate(year=2001, month=1, day=3, source="dateline"))
    assert [(e.trigger, e.date.value) for e in evs] == expected, why


@pytest.mark.parametrize("text,trigger,place,why", [
    ("社会调查版从今天起更名为社会观察版。", "更名", None, "fresh41: a renaming is a happening"),
    ("1979年1月中美两国正式建交。", "建交", None, "fresh41: establishing relations (建交)"),
    ("华侨华人代表1日在中国驻秘鲁大使馆聚会。", "聚会", "中国驻秘鲁大使馆", "fresh41: a gathering"),
    ("去年11月22日，本报刊发了有关报道。", "刊发", None, "fresh41: publishing a report"),
    ("10月在安徽马鞍山继续举办自行车赛。", "举办", "安徽马鞍山", "fresh41: 继续 stops a place (location_stops)"),
])
def test_issue15_fresh41_triggers_and_stops(text, trigger, place, why):
    evs = events(text, ReferenceDate(year=2001, month=1, day=3, source="dateline"))
    assert [(e.trigger, e.location) for e in evs][:1] == [(trigger, place)], why


@pytest.mark.parametrize("text,trigger,place,why", [
    ("5.1996年向社会发行的国库券，于今年1月12日到期兑付。", "到期兑付", None, "fresh42: a bond falling due and paid (到期, 兑付)"),
    ("温家宝今天上午在北大方正集团公司调查研究时指出，要加快发展。", "调查研究", "北大方正集团公司",
     "fresh42: 调查研究, like 调研"),
    ("今年8月，生产线正式投入运转。", "投入运转", None, "投入运转, like 投入使用"),
])
def test_issue15_fresh42_triggers(text, trigger, place, why):
    evs = events(text, ReferenceDate(year=1997, month=12, day=18, source="dateline"))
    assert [(e.trigger, e.location) for e in evs][:1] == [(trigger, place)], why


def test_issue15_newly_done_describes_a_thing():
    """fresh42: 在华工园新落成的激光全息大楼内正式投入运转: 新落成的 describes the building as new; the
    happening is 投入运转. 正式 ends a place (location_stops)."""
    evs = events("今年8月，生产线也在华工园新落成的激光全息大楼内正式投入运转。",
                 ReferenceDate(year=1997, month=12, day=18, source="dateline"))
    assert [e.trigger for e in evs] == ["投入运转"]
    assert [e.location for e in events("3日在北京正式开幕。")] == ["北京"]


@pytest.mark.parametrize("text,expected,why", [
    ("元旦前后，世界各地华人华侨纷纷举行各种活动。", [], "fresh41: 纷纷 sums many happenings, none dated as one"),
    ("3日，法院维持了镇政府的行政决定。", [], "a trigger ending its sentence right after 的 names the object (a noun)"),
    ("当晚十时半还有一次更大的碰撞，彗核编号为第十七号。", [("碰撞", None)], "dev2: …的碰撞， told on is a happening"),
    ("仅今年前十一个月，中国进出口银行就与十七家分行签订了二十四份协议。", [],
     "the tuned part's ctb6dev-104: the first eleven months frame a total, like a quarter; no one happening"),
])
def test_issue15_aggregates_and_objects(text, expected, why):
    evs = events(text, ReferenceDate(year=2001, month=1, day=3, source="dateline"))
    assert [(e.trigger, e.location) for e in evs] == expected, why


def test_issue15_a_place_where_something_was_said_is_not_the_dated_happenings():
    """CLUENER sweep: SonyStation在游戏的官方论坛上透露将于7月31日关闭…: the forum is where the closing
    was announced (透露 between the place and the date), not where the closing on the 31st happens."""
    evs = events("SonyStation在游戏的官方论坛上透露将于7月31日关闭《黑客帝国OL》。")
    assert [(e.trigger, e.location) for e in evs] == [("关闭", None)]
    assert [e.location for e in events("外交部发言人今天在记者招待会上宣布：")] == ["记者招待会"]


@pytest.mark.parametrize("text,trigger,why", [
    ("2008年出品的《鬼泣4》更是达到了系列作的新顶峰。", "出品", "fresh44: a film's or game's production year"),
    ("王胜川于2007年4月流窜至福州。", "流窜", "fresh46: fleeing to a city"),
    ("有4个人于5月27日从青山区迁往洪山区。", "迁往", "fresh44: moving a household"),
    ("《新宿事件》预计也将在9月份开画。", "开画", "fresh49: a film's release (Hong Kong usage)"),
    ("魏德圣今年执导的《海角七号》票房突破4.5亿新台币", "执导", "fresh47: directing a film in a dated attribute, like 出品"),
    ("他于1944年毕业于北京大学。", "毕业", "fresh50: a graduation year in a biography"),
    ("本月3日一列高速列车在埃舍德小镇出轨。", "出轨", "fresh50: a derailment, an accident"),
    ("1997年12月，他被县委评为“十佳青年”。", "评为", "fresh50: an honour conferred in a month"),
])
def test_issue15_fresh44_fresh46_triggers(text, trigger, why):
    evs = events(text, ReferenceDate(year=2009, month=6, day=1, source="published"))
    assert [e.trigger for e in evs][:1] == [trigger], why


@pytest.mark.parametrize("text,expected,why", [
    ("1964年10月，日本为迎接奥运会，修建了第一条高速铁路，从大阪到东京。", [("修建", "1964-10")],
     "fresh53: 为迎接 is what the railway was built for; the happening is 修建 (a new trigger)"),
    ("今天，北京各界为庆祝国庆举行盛大晚会。", [("举行", "1997-06-15")], "为庆祝 is the purpose, 举行 the happening"),
    ("1997年5月，他被评为劳动模范。", [("评为", "1997-05")], "评为 closes a word: 为 is no purpose marker there"),
])
def test_issue15_a_purpose_is_no_happening(text, expected, why):
    evs = events(text, ReferenceDate(year=1997, month=6, day=15, source="dateline"))
    assert [(e.trigger, e.date.value) for e in evs] == expected, why


def test_issue15_a_trigger_across_a_word_edge_is_none():
    """fresh56: 发达成员 (developed members) holds 达成 across the edge of 发达|成员 (trigger_nouns 达成员)."""
    assert events("即发达成员在2010年，发展中成员在2020年实现贸易投资自由化的目标。") == []


@pytest.mark.parametrize("text,dateline,place,why", [
    ("中国国务院副总理兼外长钱其琛今天在这里举行的第四届东盟地区论坛会议上发表重要讲话。", "新华社必打灵查亚（马来西亚）７月２４日电",
     "必打灵查亚", "msra-test-1042: a dateline naming the country in brackets after a little-known city still names the place"),
    ("东南亚国家联盟在吉隆坡一致决定在今年7月接纳三个国家为新成员。", None, None,
     "msra (tuned): the place before 决定 is where it was decided, not where the admission happens"),
])
def test_issue15_dateline_country_brackets_and_places_of_decisions(text, dateline, place, why):
    from extract.facts.events import find_events
    ref = ReferenceDate(year=1997, month=7, day=24, source="dateline")
    evs = find_events(text, find_dates(text, ref), (), dateline=dateline) if dateline else events(text, ref)
    assert [e.location for e in evs][:1] == [place], why


@pytest.mark.parametrize("text,place,why", [
    ("1971年12月2日，崔剑平出生在济南市一个知识分子家庭。", "济南市一个知识分子家庭", "fresh64: after a birth, the rest of the clause is where"),
    ("金士尧于1937年9月出生在江苏苏州的一个中医世家。", "江苏苏州的一个中医世家", "fresh53: the same, with no place suffix"),
])
def test_issue15_place_of_birth(text, place, why):
    (e,) = events(text)
    assert (e.trigger, e.location) == ("出生", place), why


def test_issue15_returned_students_are_no_return():
    """fresh64: 回国留学人员 names people (trigger_nouns), no return on the year."""
    assert events("1997年，试验区10万名职工中，其中硕士6686名、博士973名，回国留学人员647名。") == []


@pytest.mark.parametrize("text,trigger,place,why", [
    ("本月2日，在首都曼谷通往著名旅游胜地帕塔亚的高速公路上，20多辆汽车发生追尾事故。", "发生",
     "首都曼谷通往著名旅游胜地帕塔亚的高速公路上", "pddev-1921: a road keeps its 上 (a physical place)"),
    ("18日，五星红旗在索非亚大学生体育馆里三次升起。", "升起", "索非亚大学生体育馆里",
     "pdner-test-501: a building keeps its 里, though a count follows it"),
    ("外交部发言人今天在例行记者招待会上宣布：", "宣布", "例行记者招待会",
     "a meeting drops its 上 (postposition_dropped_after: 会)"),
    ("中国银行今天在香港上市。", "上市", "香港", "上 opens the word 上市, the trigger: no postposition"),
])
def test_issue15_physical_places_keep_their_postposition(text, trigger, place, why):
    (e,) = events(text)
    assert (e.trigger, e.location) == (trigger, place), why


@pytest.mark.parametrize("text,expected,why", [
    ("正是拉姆斯菲尔德两年前提出的一份报告指责中央情报局。", [],
     "pku-155 (tuned): a year counted back from now (两年前) dates no happening in the devset"),
    ("5年后，土豆经济与苹果经济显现差别。", [], "pku-561 (tuned): nor one counted on (5年后)"),
    ("33年前，年仅6岁的小俊平被连日高烧折磨得奄奄一息。", [], "pddev-1524 (tuned): 33年前 sets the scene only"),
    ("10年前的1月4日，登山队员抵达拉萨。", [("抵达", "2014-01-04", None)],
     "a day after the counted year (10年前的1月4日) is a day: it anchors its happening"),
])
def test_issue15_years_counted_from_now_anchor_no_event(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


@pytest.mark.parametrize("text,expected,why", [
    ("万名新团员今天肃立天安门广场，面向人民英雄纪念碑庄严宣誓。", [("宣誓", "2024-03-20", None)],
     "pdner-test-1645 (tuned): a clause with a time word and a verb (肃立) is who stood where, no bare scene "
     "(the place was the whole clause)"),
    ("昨天，沙特阿拉伯队进法兰西体育场，进行最后一次训练。", [("进行", "2024-03-19", None)],
     "pdner-test-2050 (tuned): 队进 … 体育场 holds a verb (进): no scene"),
    ("2000年12月28日晚，北京跳水馆内，选手柳海龙战胜任彦兵。", [("战胜", "2000-12-28", "北京跳水馆")],
     "a verb right before a place suffix (jieba's 跳水 before 馆) is the name's own word: still a scene"),
])
def test_issue15_scene_clauses_hold_no_time_or_verb(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: rules of 2026-11-24 that anchor a date or pick its verb (text, [(trigger, value, place)], why it is hard)
ANCHORS_2026_11_24 = [
    ("1994年夏天，中科院开始考虑用这种技术做一个磁铁。", [("开始", "1994", None)],
     "pdner-test-2456 (tuned): a year and a season set off by a comma is an adverbial of time; the bare "
     "year anchored nothing"),
    ("1994年冬的一个深夜，市政府召开紧急会议。", [("召开", "1994", None)],
     "after pdner-test-221 (tuned): a season opening 的一个深夜 is no relative clause around the year"),
    ("1997年冬季扫黄打非集中行动中，全国查获盗版光盘。", [],
     "a season opening a name (冬季扫黄打非集中行动) leaves the year inside a noun phrase: no anchor"),
    ("6月3日—4日，云贵高原、长江流域还将有一次降雨过程。", [("降雨", "2024-06-03", None)],
     "pdner-test-1361 (tuned): a forecast's rain (降雨, 降水, 降雪) is the happening of its days"),
    ("1997年6—8月，我国北方大部分地区降水较常年同期偏少5—7成。", [],
     "pddev-577 (tuned): 降水 as the amount fallen (no 有一次…过程 around it) is no happening"),
    ("他12月15日在东亚首脑非正式会晤时的讲话中宣布了这一决定。", [("会晤", "2023-12-15", None), ("宣布", "2023-12-15", None)],
     "msra-test-354 (tuned): the stop word 正式 inside 非正式 ended no place (was 东亚首脑非); since the eighteenth"
     " session the statement made at the meeting is a dated event of its own (design.md)"),
    ("她们的母亲曾流落为柏林马戏团的“演员”，1996年才被牟罗兹收养过来。", [("收养", "1996", None)],
     "pdner-test-648 (tuned): 才 after a bare year makes it an adverbial of time, as 就 and 已 did"),
    ("袁步兵1997年被县委、团县委评为“如东县十佳青年”。", [("评为", "1997", None)],
     "pddev-56 (tuned): so does the passive 被; the year anchored nothing"),
    ("他1979年回到城里，1996年下岗。", [("下岗", "1996", None)],
     "pdner-test-634 (tuned): a bare year right before a verb that closes its phrase (a break, 了, 后) is "
     "an adverbial of time, though the verb is no listed trigger"),
    ("与1991年相比，瑞典向中国出口增长了300％。", [],
     "pddev-1479 (tuned): 相比 compares with the year, nothing happened then (fallback_verbs.not)"),
    ("2024年年会的筹备工作由秘书处负责。", [], "a year before a noun (年会) still anchors nothing"),
    ("从2002年1月1日起，各级各类医疗机构都必须严格按照统一的医疗服务价格项目名称和服务内容提供服务。",
     [("提供", "2002-01-01", None)],
     "pku-1316 (tuned): 从…起， is only the date's frame; the verb of the clause after it names the happening "
     "(提供, after 按照, a means word), as after a date alone before a comma (18日，…升起)"),
]


@pytest.mark.parametrize("text,expected,why", ANCHORS_2026_11_24, ids=[c[-1][:40] for c in ANCHORS_2026_11_24])
def test_issue15_seasons_forecasts_adverbs_and_frames(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: the clause-verb fallback and jieba's pieces of names (text, [(trigger, value, place)], why it is hard)
FALLBACK_PIECES_2026_11_24 = [
    ("8月17日，发改委、粮食局、财政部、", [],
     "cluener-train-9134 (tuned, a CLUENER line cut there): jieba cuts 发改|委 and tags 发改 a verb; 发改委 "
     "is one word of words.txt, so the clause holds no verb (was the event 发改)"),
    ("昨日，丰台区住保办相关负责人证实了这一消息。", [],
     "cluener-train-9121 (tuned): 住|保办 is jieba's cut of the office 住保办 (words.txt), no verb (a "
     "confirmation is said, no happening: the gold has none)"),
    ("11日13时，导演陈健携主演吴军（", [],
     "cluener-train-9795 (tuned): 导演 (titles.txt) before a surname names the director, no happening"),
    ("11日，他导演了一部新片。", [("导演", "2024-03-11", None)],
     "导演 not before a surname stays the verb (guard)"),
]


@pytest.mark.parametrize("text,expected,why", FALLBACK_PIECES_2026_11_24,
                         ids=[c[-1][:40] for c in FALLBACK_PIECES_2026_11_24])
def test_issue15_fallback_verbs_are_no_pieces_of_names_or_titles(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: the People's Daily quantity pool's happenings told with any verb (text, [(trigger, value, place)], why it is hard)
ANY_VERB_2026_11_24 = [
    ("北京市宣武区教委1997年即拨款16万元用于对特困生进行奖励。", [("拨款", "1997", None)],
     "pdner-test-3618 (tuned): 即 after a bare year makes it an adverbial, and 进行奖励 after 用于 is what the money "
     "is for (purpose_markers.in_clause); the grant is the happening"),
    ("为此拨款100万元，以便明年3月举行比赛。", [],
     "guard: a trigger after 以便 in its clause is a purpose, the date's happening is not told"),
    ("一具埋葬450多年仍保存完好的女尸4月7日在韩国汉城市东南方约190公里的安东市出土。",
     [("出土", "2024-04-07", "韩国汉城市东南方约190公里的安东市")],
     "pdner-test-2809 (tuned): the 的 inside the place after 在 does not put the date inside a noun phrase"),
    ("关于做好1998年元旦春节期间工作的通知下发。", [],
     "guard: a 的 outside any place still does (the date is inside the notice's name)"),
    ("1996年4月，袁茂堂在黄的办公室又把两万元放进黄的抽屉里。", [("放进", "1996-04", "黄的办公室")],
     "pdner-test-229 (tuned): after 把 the verb is the predicate; the 的 after it is the object's possessor, "
     "no relative clause"),
    ("六月七日，在全国田径大奖赛总决赛最后一天的比赛中，山西年轻选手魏建华在女子标枪决赛中技压群芳，以六十二米七三的成绩夺冠。",
     [("夺冠", "2024-06-07", None)],
     "pdner-test-2119 (tuned): jieba tags 选手 v (fallback_verbs.nouns: no happening); 以…的成绩 before 夺冠 is its "
     "means, not its object; 在…决赛中 is a frame of the contest, no place"),
    ("他们今天撤销了镇政府的行政决定。", [],
     "guard: 的 and two characters before a trigger ending the sentence still make it the object (no 以 before)"),
]


@pytest.mark.parametrize("text,expected,why", ANY_VERB_2026_11_24, ids=[c[-1][:40] for c in ANY_VERB_2026_11_24])
def test_issue15_happenings_told_with_any_verb(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: 生于, a trigger only where it starts a word (text, [(trigger, value, place)], why it is hard)
BORN_IN = [
    ("生于1986年的沈思远，曾获今年全国少儿冠军赛儿童组的第二名。", [("生于", "1986", None)],
     "pdner-test-495 (tuned): 生于 before a year is a birth (出生 said short); the date follows the trigger"),
    ("张同志1920年生于湖南省长沙市。", [("生于", "1920", "湖南省长沙市")], "the place after 生于, as after 出生于"),
    ("王先生于昨天抵达北京。", [("抵达", "2024-03-19", None)], "先生|于: 生于 inside Mr Wang is no birth"),
    ("考生于6月7日参加高考。", [("参加", "2024-06-07", None)], "考生|于 (jieba's dictionary): no birth"),
    ("这些问题产生于1998年。", [], "产生|于 (words.txt): no birth"),
]


@pytest.mark.parametrize("text,expected,why", BORN_IN, ids=[c[-1][:40] for c in BORN_IN])
def test_issue15_born_in_only_where_it_starts_a_word(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


def test_word_start_triggers_are_listed_triggers():
    from extract.facts.dates import lexicon
    from extract.facts.event_triggers import triggers

    starts = lexicon()["word_start_triggers"]
    assert starts and set(starts) <= set(triggers()), "a word-start trigger must be in event_triggers.txt"


#: a date inside 《》 names the document (eighteenth session, modern text outside the devset);
#: the devset's gold never dates a happening by a title's year (cluener-train-5807, 7349)
TITLE_DATES = [
    ("会议审议通过了《关于2009年中央决算的报告》。", [], "the year a report covers is not the day it was passed"),
    ("他参加了《关于2009年中央决算的报告》的审议。", [], "likewise after 参加: the year is the title's"),
    ("《人民日报》1月1日发表社论。", [("发表", "2024-01-01", None)],
     "guard: the date after a title's closing 》 dates the happening"),
]


@pytest.mark.parametrize("text,expected,why", TITLE_DATES, ids=[c[-1][:40] for c in TITLE_DATES])
def test_issue15_a_date_inside_a_title_anchors_no_event(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: design.md counts "a dated statement (说, 表示, 宣布, 警告, 谴责 on a day)" as an event; the devset's
#: first convention left statements out, and so did the extractor until the eighteenth session
DATED_STATEMENTS = [
    ("俄罗斯国防部24日表示，在该国远东地区成功试射一枚导弹。", [("表示", "2024-03-24", None)],
     "an organisation's statement on a day; the launch it reports is not dated by the 24th"),
    ("外交部发言人姜瑜19日在例行记者会上说，中方对此表示欢迎。", [("说", "2024-03-19", "例行记者会")],
     "the place of a statement is where it was made; 表示 inside what is said is no second event"),
    ("美国总统克林顿28日在白宫举行的记者会上宣布，他不去朝鲜访问。", [("举行", "2024-02-28", "白宫"), ("宣布", "2024-02-28", "白宫")],
     "the meeting 举行 before the statement stays the trigger, and the statement made at it (…会上宣布) is a second event"),
    ("中央书记处书记温家宝今天上午在北大方正集团公司调查研究时指出，要加快发展。",
     [("调查研究", "2024-03-20", "北大方正集团公司"), ("指出", "2024-03-20", "北大方正集团公司")],
     "msr-3660 (tuned, statement added in the eighteenth session): a visit framing (…时) a statement: both"),
    ("哈拉齐今天下午在抵达伊斯兰堡机场后对记者说，伊朗表示理解。", [("抵达", "2024-03-20", None), ("说", "2024-03-20", None)],
     "pddev-712 (tuned): 后 and 对记者 between the arrival and the statement"),
    ("委员长乔石今天视察中国气象局，他强调，要做好预报。", [("视察", "2024-03-20", None)],
     "a statement in a later clause is not framed by the visit: only the visit (the gold of msr-304 has both)"),
    ("他5日警告，局势可能进一步恶化。", [("警告", "2024-03-05", None)], "警告 on a day"),
    ("联合国安理会18日发表声明，谴责这一袭击。", [("发表", "2024-03-18", None)],
     "a statement issued (发表声明) keeps 发表, already a trigger"),
    ("2001年的元旦对于古巴来说意义非凡。", [], "对于…来说 is no saying"),
    ("他上月表示，将继续推进改革。", [], "a statement dated by a month is not 'on a day'"),
    ("发言人日前表示，双方将加强合作。", [], "日前 is vague: no day"),
    ("他说，24日将举行会议。", [("举行", "2024-03-24", None)], "the date after 说 dates the meeting, not the saying"),
    ("他写的小说3日出版。", [("出版", "2024-03-03", None)], "小说 holds no 说: the release is the event"),
    ("该公司的名称3日变更。", [("变更", "2024-03-03", None)], "名称 holds no 称"),
]


@pytest.mark.parametrize("text,expected,why", DATED_STATEMENTS, ids=[c[-1][:40] for c in DATED_STATEMENTS])
def test_issue15_a_statement_on_a_day_is_an_event(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why


#: nineteenth session: faults found on text outside the devset (CLUENER dev, PKU 2001-01); devset
#: figures in the commit messages
OUTSIDE_TEXT = [
    ("腾讯新闻昨天金庸逝世江湖再无金大侠订阅号消息昨天【15条】", [("逝世", "2024-03-19", None)],
     "a web page's run-on text: the second 昨天 found the same 逝世; one trigger is one happening, of the first date"),
    ("中国驻瑞典大使唐龙彬3日为当地华人举办春节冷餐会。", [("举办", "2024-03-03", None)],
     "pku (tuned): 春节 inside the banquet's name found the same 举办 a second time"),
    ("美国空军报告9月13日在阿富汗西部地区损失了一架无人攻击机。", [],
     "攻击 inside 攻击机 (an attack aircraft, trigger_nouns) is no attack"),
    ("12月31日和1月1日，成千上万的平壤市民自发来到位于平壤市中心的万寿台金日成铜像前。", [("来到", "2023-12-31", None)],
     "自发来到 holds the trigger 发来 across two words (自发|来到): the tagger's cut says so, and 来到 is found inside it"),
    ("他们发来贺电。3日，各地发来贺电。", [("发来", "2024-03-03", None)],
     "guard: 地发 is no word, so 发来 after 各地 stays a trigger"),
    ("2000年12月31日23时12分在北京妇产医院降生的宝宝赵辰（右）和2001年1月1日零时9分23秒诞生的宝宝韩纪轮（左）在一起。",
     [("诞生", "2001-01-01", None)],
     "the hospital is where the first baby was born: a place between an earlier date and this one is that date's"),
    ("1日在北京开幕的博览会，2日在上海闭幕。", [("开幕", "2024-03-01", "北京"), ("闭幕", "2024-03-02", "上海")],
     "guard: each date keeps the place after it"),
    ("今天上午李鹏总理在中共中央政治局委员、国务委员李铁映，中共中央政治局委员、书记处书记、国务委员罗干等同志陪同下，"
     "来到中央电视台。", [("来到", "2024-03-20", None)],
     "MSRA text: a 在…陪同下 frame that lists people holds a comma; it is no place (was 中共中央政治局)"),
    ("今天在北京，在各方支持下举行了会议。", [("举行", "2024-03-20", "北京")],
     "guard: a place before a comma, then a frame of help without a list, stays the place"),
    ("副校长刘胜玉参加了今天的毕业典礼。", [("参加", "2024-03-20", None)],
     "MSRA text: 毕业 inside 毕业典礼 (a noun, trigger_nouns) is no graduating; the attending before the date is"),
    ("这位大臣是在记者招待会上介绍西班牙从9月1日起接任联合国安理会主席国的工作任务时说这番话的。",
     [("接任", "2024-09-01", None)],
     "CTB6 text: the date is inside the 在…时 frame (what the minister described), so the saying after it is not "
     "dated by it (the frame rule of the eighteenth session gave 说 on 1 September)"),
    ("他们今天在北京均表示支持。", [("表示", "2024-03-20", "北京")],
     "CTB6 text: the adverb 均 after a place ends it (location_stops; was 北京均)"),
    ("欧佩克24日将在维也纳特别会议上决定减产措施。", [("决定", "2024-03-24", "维也纳特别会议")],
     "guard: a one-character adverb inside a place name (也 in 维也纳) is why 也 is no location stop"),
    ("土耳其外交部23日发表声明指出，耶路撒冷扩建计划将有损和平。", [("指出", "2024-03-23", None)],
     "People's Daily text: 声明 after 发表 is the statement issued, a noun; the verb after it says (as the devset's "
     "布莱尔31日发表新年贺词说 → 说; was 声明)"),
    ("土耳其外交部23日发表声明，谴责这一计划。", [("发表", "2024-03-23", None)], "guard: with no verb after it, 发表 stays"),
    ("去年年底，一部四十集电视剧在韩国首播，很快收视率直线上升。", [("首播", "2023-12", "韩国")],
     "People's Daily text: 首播 (a premiere) is a trigger; the place was 韩国首播 and the trigger 打破 two clauses on"),
    ("今年4月，北京市技术监督局在查处中竟发现假货。", [("发现", "2024-04", None)],
     "People's Daily text: 在 + a verb (查处, jieba's v) + 中 is the course of an activity, no place (was 查处中竟)"),
    ("今天在会议中宣布了决定。", [("宣布", "2024-03-20", "会议")], "guard: 在 + a noun + 中 stays a place"),
    ("俄罗斯总统叶利钦8日在这里明确表示反对。", [("表示", "2024-03-08", None)],
     "People's Daily text: the adverb 明确 ends the place (这里, with no dateline: none; was 这里明确)"),
    ("阿航的首航班机将于今年七月二十日从布宜诺斯艾利斯直飞哈瓦那。", [],
     "People's Daily text: 首航 inside 首航班机 (a noun, trigger_nouns) is no maiden flight on the date"),
    ("中国人民银行决定于2023年12月5日下调金融机构存款准备金率0.25个百分点。", [("下调", "2023-12-05", None)],
     "twentieth session, modern policy copy: a plan verb before 于 + the date (决定于) frames what happens that "
     "day, the clause's own verb (下调, no listed trigger) is the happening; was 决定"),
    ("会议决定于4月下旬在北京召开全会。", [("召开", "2024-04", "北京")], "guard: a listed trigger after the date as before"),
    ("贵州茅台11月20日晚间公告，公司拟每股派发现金红利19.106元。", [("公告", "2023-11-20", None)],
     "modern company news: 公告 (announced) is a dated statement; the trigger was 发现 inside 派发|现金 a clause on"),
    ("招商银行今日公告称，该行持有雷曼债券。", [("称", "2024-03-20", None)],
     "cluener-train-260 (tuned): a statement verb right after 公告 is the saying (as 发表声明指出 gives 指出)"),
    ("上周六，在2023年亚洲杯预选赛中，中国队以1比0战胜泰国队。", [("战胜", "2024-03-16", None)],
     "modern sports copy: a year opening a name in a 在…中 frame (2023年亚洲杯预选赛) is the edition's label; it "
     "neither bounds 上周六's search nor takes the win (was 战胜 in 2023)"),
    ("在2008年北京奥运会上，他夺得金牌。", [("夺得", "2008", None)],
     "guard: with no date before it in the sentence, the edition's year dates the clause"),
]


@pytest.mark.parametrize("text,expected,why", OUTSIDE_TEXT, ids=[c[-1][:40] for c in OUTSIDE_TEXT])
def test_issue15_faults_found_outside_the_devset(text, expected, why):
    assert [(e.trigger, e.date.value, e.location) for e in events(text)] == expected, why
