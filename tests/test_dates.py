"""Date expressions (find_dates) and reference-date inference (reference_date)."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from extract.facts.dates import find_dates, parse_dateline, parse_published, reference_date
from schemas import ReferenceDate

REF = ReferenceDate(year=2023, month=12, day=25, source="dateline", year_source="dateline+published")
REF_MARCH = ReferenceDate(year=2024, month=3, day=20, source="lead-date", year_source="printed-date")
REF_YEAR_ONLY = ReferenceDate(year=2024, source="text-year", year_source="page-year")


def one(text: str, ref: ReferenceDate | None = REF):
    found = find_dates(text, ref)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.text
    return d


# (text, ref, expected span text, value, end_value, precision, kind, time_of_day)
CASES = [
    # plain absolute date, the baseline
    ("本报讯2024年3月20日，座谈会在京召开", REF, "2024年3月20日", "2024-03-20", None, "day", "absolute", None),
    # Chinese numerals incl. ○ as zero and 十二/三十一 tens
    ("二○○○年十二月三十一日", REF, "二○○○年十二月三十一日", "2000-12-31", None, "day", "absolute", None),
    # full-width digits, year from the reference
    ("１２月３０日", REF, "１２月３０日", "2023-12-30", None, "day", "absolute", None),
    # OCR leftover space between number and 年; year only
    ("2019 年，聊城启动", REF, "2019 年", "2019", None, "year", "absolute", None),
    # spaces inside a month/day
    ("据新华社北京 12月 25 日电", REF, "12月 25 日", "2023-12-25", None, "day", "absolute", None),
    # ISO with a clock time (a 发布时间 header)
    ("发布时间：2024-04-26 13:11:08", REF, "2024-04-26 13:11:08", "2024-04-26", None, "time", "absolute", "13:11"),
    # relative year + month
    ("今年10月，规模以上工业", REF, "今年10月", "2023-10", None, "month", "relative", None),
    ("去年12月", REF, "去年12月", "2022-12", None, "month", "relative", None),
    # month arithmetic from the reference month
    ("上月", REF, "上月", "2023-11", None, "month", "relative", None),
    ("上月", ReferenceDate(year=2024, month=1, day=3, source="dateline"), "上月", "2023-12", None, "month", "relative", None),
    # deictic day words
    ("昨天", REF, "昨天", "2023-12-24", None, "day", "relative", None),
    ("当日，灾区学校开始复课", REF, "当日", "2023-12-25", None, "day", "relative", None),
    # bare day of month: month/year from the reference
    ("记者2日从工业和信息化部获悉", REF, "2日", "2023-12-02", None, "day", "relative", None),
    # since: value = start at its own precision, end left null
    ("今年以来，工业经济", REF, "今年以来", "2023", None, "year", "since", None),
    ("今年9月以来", REF, "今年9月以来", "2023-09", None, "month", "since", None),
    # period word keeps the precision of what it modifies
    # 年初 is January at month precision, as 年底 is December (issue 15, fresh53's 1996年初 and the
    # tuned devset's 去年初; it was the whole year until 2026-11-24)
    ("去年初", REF, "去年初", "2022-01", None, "month", "relative", None),
    ("1996年初，石渠县发生特大雪灾", REF, "1996年初", "1996-01", None, "month", "absolute", None),
    # a range of year ends: 1937年底至1938年初 is December 1937 to January 1938 (issue 15, fresh56;
    # it was two dates), and a month's part after a range's end month goes with it
    ("1937年底至1938年初，他与叶挺一起", REF, "1937年底至1938年初", "1937-12", "1938-01", "month", "range", None),
    ("3月底至4月初", REF, "3月底至4月初", "2023-03", "2023-04", "month", "range", None),
    ("双江于今年3月底首推", REF_MARCH, "今年3月底", "2024-03", None, "month", "relative", None),
    # 上旬 is told at the month's precision, as 月初/月底 are (the devset's convention; it was a
    # range of days, 2024-03-01…10, until 2026-11-24)
    ("3月上旬", REF_MARCH, "3月上旬", "2024-03", None, "month", "absolute", None),
    # ranges: end inherits year (and month) from the start
    ("今年1月至10月，全国检察机关", REF, "今年1月至10月", "2023-01", "2023-10", "month", "range", None),
    ("今年1至10月", REF, "今年1至10月", "2023-01", "2023-10", "month", "range", None),
    # a range across the new year: the end's year is the next one
    ("12月31日至1月2日", REF, "12月31日至1月2日", "2023-12-31", "2024-01-02", "day", "range", None),
    ("学生在12月25日至29日陆续返校", REF, "12月25日至29日", "2023-12-25", "2023-12-29", "day", "range", None),
    # 当月 right after a month restates it (2026-11-25: 10月当月 gave 当月 as the reference's month too)
    ("据介绍，10月当月，全国一般公共预算收入同比增长2.6%。", REF, "10月", "2023-10", None, "month", "absolute", None),
    # 起至/起到 (from … on, until …) join a range like 至 (2026-11-25: two dates before, and 起至 was taken
    # for the happening's verb)
    ("12月1日起至12月31日，全市开展安全生产大检查", REF, "12月1日起至12月31日", "2023-12-01", "2023-12-31", "day", "range", None),
    ("从1月1日起到3月31日，实行新规", REF, "1月1日起到3月31日", "2023-01-01", "2023-03-31", "day", "range", None),
    # vague: never invented
    ("日前召开的中央经济工作会议", REF, "日前", None, None, None, "vague", None),
    ("近日，中共中央办公厅", REF, "近日", None, None, None, "vague", None),
    # clock time attached to the date it follows, pm shift
    ("2023年12月6日下午6时，天色渐暗", REF, "2023年12月6日下午6时", "2023-12-06", None, "time", "absolute", "18:00"),
    # part of day without a clock
    ("习近平3月20日下午在湖南省长沙市", REF_YEAR_ONLY, "3月20日下午", "2024-03-20", None, "day", "absolute", "下午"),
    # no reference at all: the text is kept, the value is null
    ("3月20日", None, "3月20日", None, None, "day", "absolute", None),
    # relative year with no reference year: unresolvable
    ("今年10月", ReferenceDate(source="none"), "今年10月", None, None, "month", "relative", None),
    # month after the reference by > 6 months: the previous year
    ("12月28日，项目开工", ReferenceDate(year=2024, month=1, day=5, source="dateline"), "12月28日", "2023-12-28", None, "day", "absolute", None),
    # ... but not after a future cue
    ("将于11月举行", ReferenceDate(year=2024, month=3, day=5, source="dateline"), "11月", "2024-11", None, "month", "absolute", None),
    # invalid calendar day: kept, value null
    ("2023年2月30日", REF, "2023年2月30日", None, None, "day", "absolute", None),
]


@pytest.mark.parametrize("text,ref,span,value,end_value,precision,kind,tod", CASES)
def test_find_dates(text, ref, span, value, end_value, precision, kind, tod):
    d = one(text, ref)
    assert (d.text, d.value, d.end_value, d.precision, d.kind, d.time_of_day) == (
        span, value, end_value, precision, kind, tod)


NOT_DATES = [
    "连续3个月增长",  # 个月 is a duration
    "上一次座谈会召开5年来",  # N年来: a duration, and years need four digits
    "24小时值班",  # hours
    "第三个履约周期",  # ordinal
    "连续3日下跌",  # a quantity word before N日: duration
    "3日内完成",  # 内 after N日: duration
    "有500多年的历史",  # three digits
    "惩戒期限为3年",  # duration
    "30万元",  # money
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, REF) == []


def test_offsets_and_anaphora_in_running_text():
    # 当日 refers back to the caption's date, not to the reference date; 当天 inside an
    # event frame (在…当天) is not a calendar day
    text = "12月20日，积石山县小学复课。当日，灾区学校开始复课。在拿到合同当天，就获得许可证。"
    ds = find_dates(text, REF)
    assert [d.text for d in ds] == ["12月20日", "当日", "当天"]
    assert all(text[d.start:d.end] == d.text for d in ds)
    assert ds[1].value == "2023-12-20" and ds[1].year_source == "antecedent"
    assert ds[2].value is None


def test_relative_year_records_where_year_came_from():
    d = one("今年10月", REF)
    assert d.year_source == "reference:dateline+published"


# --------------------------------------------------------------------------- datelines
@pytest.mark.parametrize("dateline,md", [
    ("新华社北京12月25日电", (12, 25)),
    ("据新华社北京 12月 25日电", (12, 25)),  # spaces around numbers
    ("（新华社北京 12月 25 日电）", (12, 25)),  # trailing bracketed dateline
    ("新华社北京12月2日电（记者 张辛欣 张晓洁）", (12, 2)),  # byline after
    ("本报北京3月20日讯", (3, 20)),  # 讯 instead of 电
    ("据新华社", None),  # no date
    ("本报讯", None),
    ("央视网消息", None),
])
def test_parse_dateline(dateline, md):
    assert parse_dateline(dateline) == md


@pytest.mark.parametrize("published,date", [
    ("2024-04-26 13:11:08", dt.date(2024, 4, 26)),
    ("2024年4月26日", dt.date(2024, 4, 26)),
    ("2024/4/26", dt.date(2024, 4, 26)),
    ("2024-04-26T13:11:08+08:00", dt.date(2024, 4, 26)),
    ("yesterday", None),
])
def test_parse_published(published, date):
    assert parse_published(published) == date


# --------------------------------------------------------------------------- reference dates
MIIT_STORY = ("日前召开的中央经济工作会议定调2024年经济工作，提出“坚持稳中求进”。"
              "“今年以来，工业经济在波动运行中总体呈现稳步恢复。”今年10月，规模以上工业中小企业营业收入增长。")
NOTICE_STORY = ("近日，中共中央办公厅、国务院办公厅印发了《关于做好2024年元旦春节期间有关工作的通知》。"
                "《通知》指出，2024年是中华人民共和国成立75周年。")
PAGE_000 = (MIIT_STORY + "\n新华社北京12月25日电\n" + NOTICE_STORY +
            "\n2023年12月6日下午6时，天色渐暗。\n2019年，聊城启动了同步课堂。\n2006年，鲁锦入选名录。")
SPEC_004 = ("记者2日从工业和信息化部获悉，我国将完善优质企业梯度培育体系。"
            "近日举行的2024专精特新中小企业发展大会上，工业和信息化部公布了这样一组数据。")
XI_004 = ("中共中央总书记、国家主席、中央军委主席习近平2日在北京出席第四次“一带一路”建设工作座谈会。"
          "他指出，自2013年提出共建“一带一路”倡议以来，取得丰硕成果。")
CARBON_004 = ("本报讯（记者 纪元元）今年以来，市生态环境局积极推进第三个履约周期配额清缴任务。"
              "截至11月27日，我市相关8家发电企业均已按时足额完成履约。")
PAGE_004 = ("新华社北京12月2日电（记者 张辛欣 张晓洁）" + SPEC_004 + "\n新华社北京12月2日电 " + XI_004 +
            "\n" + CARBON_004)
LEAD_003 = "本报讯2024年3月20日，工业和信息化部外事工作座谈会在京召开。"
XI_003 = "据新华社 中共中央总书记、国家主席、中央军委主席习近平3月20日下午在湖南省长沙市主持召开新时代推动中部地区崛起座谈会。"
LI_003 = "据新华社 国务院总理李强3月24日在北京出席中国发展高层论坛2024年年会开幕式。"
PAGE_003 = "\n".join([LEAD_003, XI_003, LI_003, "2023年杭州亚运会超过600万个吉祥物。", "2026年这一数字将达到1万棵。"])
FRAUD_001 = ("面对发案极多的电诈犯罪，2023年各地区各部门坚持依法治理。"
             "8月26日，在缅甸仰光国际机场，5名电信诈骗犯罪嫌疑人被移交给中国警方工作组。"
             "今年2月20日，昆明反诈中心接到群众举报。")

# (dateline, published, story, page, option) -> (year, month, day, source, year_source)
REFERENCE_CASES = [
    # web copy published in April 2024 with a December dateline: the previous year
    ("新华社北京12月25日电", "2024-04-26 13:11:08", MIIT_STORY, None, None,
     (2023, 12, 25, "dateline", "dateline+published")),
    # the story only talks about next year (定调2024年…); the page prints 2023年12月6日
    ("新华社北京12月25日电", None, MIIT_STORY, PAGE_000, None, (2023, 12, 25, "dateline", "page-date")),
    # same story alone: 2024 is cued as the coming year in a December story -> 2023
    ("新华社北京12月25日电", None, MIIT_STORY, None, None, (2023, 12, 25, "dateline", "story-forward-year")),
    # 2024年是… is not a forward cue itself, but 做好2024年 marks the year as coming
    ("据新华社北京 12月 25日电", None, NOTICE_STORY, PAGE_000, None, (2023, 12, 25, "dateline", "page-date")),
    # a bare year glued to an event name is plain evidence
    ("新华社北京12月2日电（记者 张辛欣 张晓洁）", None, SPEC_004, PAGE_004, None,
     (2024, 12, 2, "dateline", "story-year")),
    # the story's only year is past (自2013年…以来): the page decides
    ("新华社北京12月2日电", None, XI_004, PAGE_004, None, (2024, 12, 2, "dateline", "page-year")),
    # ... and without the page nobody knows: say so
    ("新华社北京12月2日电", None, XI_004, None, None, (None, 12, 2, "dateline", "none")),
    # 本报讯 without a date: year and day borrowed from the page's dateline
    ("本报讯（记者 纪元元）", None, CARBON_004, PAGE_004, None, (2024, 12, 2, "page-dateline", "page-year")),
    # a full date in the lead of a 本报讯 story
    ("本报讯", None, LEAD_003, PAGE_003, None, (2024, 3, 20, "lead-date", "printed-date")),
    # 据新华社 without a date: year from the page (2026 is cued as future, 2023 is older)
    ("据新华社", None, XI_003, PAGE_003, None, (2024, None, None, "text-year", "page-year")),
    # the story's own year
    ("（据新华社电）", None, FRAUD_001, None, None, (2023, None, None, "text-year", "story-year")),
    # --reference-date is a fallback: a dateline with a publication date needs none of it
    ("新华社北京12月25日电", "2024-04-26", MIIT_STORY, None, dt.date(2022, 5, 1),
     (2023, 12, 25, "dateline", "dateline+published")),
    # a dateline whose year nothing printed takes the option's year, one back for a later month
    ("新华社北京12月25日电", None, "会议在京召开。", None, dt.date(2022, 5, 1),
     (2021, 12, 25, "dateline", "option")),
    # nothing printed at all: the option is the whole reference date
    (None, None, "今年以来，工作取得进展。", None, dt.date(2022, 5, 1), (2022, 5, 1, "option", "option")),
    # dateline taken from the story's start when not given separately
    (None, None, "新华社北京12月2日电 " + SPEC_004, None, None, (2024, 12, 2, "dateline", "story-year")),
    # nothing at all
    (None, None, "今年以来，工作取得进展。", None, None, (None, None, None, "none", "none")),
    # a birth year is past (生于, past_before), no evidence for "now" (issue 15, fresh61: 今年 was
    # read as 1986); a year printed as plain stays the story's year
    (None, None, "生于1986年的沈思远，曾获今年全国少儿冠军赛儿童组的第二名。", None, None, (None, None, None, "none", "none")),
    (None, None, "1986年，沈思远获全国少儿冠军赛第二名。", None, None, (1986, None, None, "text-year", "story-year")),
]


@pytest.mark.parametrize("dateline,published,story,page,option,expected", REFERENCE_CASES)
def test_reference_date(dateline, published, story, page, option, expected):
    r = reference_date(dateline, published, story, page, option)
    assert (r.year, r.month, r.day, r.source, r.year_source) == expected


# seed cases end to end: reference from the context, then the date in the story
SEED_CASES = [
    # 003: year from the page, month/day printed
    ("据新华社", XI_003, PAGE_003, "3月20日下午", "2024-03-20"),
    ("据新华社", LI_003, PAGE_003, "3月24日", "2024-03-24"),
    ("本报讯", LEAD_003, PAGE_003, "2024年3月20日", "2024-03-20"),
    # 004: page-level reference for a story without a dated dateline
    ("本报讯（记者 纪元元）", CARBON_004, PAGE_004, "11月27日", "2024-11-27"),
    ("新华社北京12月2日电（记者 张辛欣 张晓洁）", SPEC_004, PAGE_004, "2日", "2024-12-02"),
    # 001: the story says 2023年各地区各部门
    ("（据新华社电）", FRAUD_001, None, "8月26日", "2023-08-26"),
    ("（据新华社电）", FRAUD_001, None, "今年2月20日", "2023-02-20"),
    # 000: relative month against an inferred December 2023 reference
    ("新华社北京12月25日电", MIIT_STORY, PAGE_000, "今年10月", "2023-10"),
]


@pytest.mark.parametrize("dateline,story,page,span,value", SEED_CASES)
def test_seed_dates(dateline, story, page, span, value):
    ref = reference_date(dateline, None, story, page)
    ds = {d.text: d for d in find_dates(story, ref)}
    assert ds[span].value == value


def test_spacy_component():
    import extract.facts.dates  # noqa: F401  registers the factory

    nlp = spacy.blank("zh")
    nlp.add_pipe("dates")
    nlp.initialize()
    doc = nlp.make_doc("今年10月，营业收入增长。")
    doc._.reference_date = REF
    doc = nlp.get_pipe("dates")(doc)
    assert [(d.text, d.value) for d in doc._.dates] == [("今年10月", "2023-10")]
    # without a reference: kept, unresolved
    doc = nlp("今年10月，营业收入增长。")
    assert [(d.text, d.value) for d in doc._.dates] == [("今年10月", None)]


STANDALONE_TIMES = [
    # (text, value, time_of_day, why it is hard)
    ("下午6时，会议开幕", "2023-12-25", "18:00", "no date printed: the story's own day"),
    ("3月20日，记者来到现场。晚上8点半，活动结束", "2023-03-20", "20:30", "the day is the one printed just before"),
    ("上午10时30分", "2023-12-25", "10:30", "minutes"),
]


@pytest.mark.parametrize("text,value,tod,why", STANDALONE_TIMES, ids=[s[3] for s in STANDALONE_TIMES])
def test_issue4_time_of_day_on_its_own(text: str, value: str, tod: str, why: str) -> None:
    from extract.facts.dates import find_dates, reference_date

    ref = reference_date("新华社北京12月25日电", None, "2023年各地区", None)
    d = [x for x in find_dates(text, ref) if x.time_of_day == tod]
    assert d and d[0].value == value and d[0].precision == "time"


@pytest.mark.parametrize("dateline,md", [
    ("新华社北京十二月二十五日电", (12, 25)),  # Chinese numerals, as Xinhua printed them in the 1990s
    ("新华社北京二月十二日电", (2, 12)),
    ("(新华社北京 12月 25 日电)", (12, 25)),  # OCR spaces, closing dateline in brackets
])
def test_issue4_dateline_numerals(dateline: str, md: tuple[int, int]) -> None:
    assert parse_dateline(dateline) == md
