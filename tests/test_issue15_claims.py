"""Issue 15, claims: every example the issue quotes, with its expected result.

Ordinals and numbers inside names are not quantities; vague phrases are not claims; ``measure``
is the noun phrase the number counts or measures (the rule is in ``claims._measure``).
"""
from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from spacy.tokens import SpanGroup

import extract.facts.claims  # noqa: F401  (registers the "claims" factory)
from extract.facts.claims import find_claims

NOT_CLAIMS = [
    # (text, why it is hard)
    ("中央第三轮十九届中央巡视完成反馈", "十九届 + 中央: a session ordinal, read as '19 届' before"),
    ("十四届全国人大二次会议在京开幕", "十四届 + 全国人大, and 二次会议 is the session's sitting, not two meetings"),
    ("全面贯彻党的二十大精神", "二十大 is the 20th Party Congress, no 20 of anything"),
    ("深入学习二十大报告", "二十大 without 党的 before it"),
    ("第五届全国城市运动会开幕", "第N is always an ordinal"),
    ("涂料企业三棵树发布年报", "三棵树 is a company: 棵 is a unit, '3 棵' was claimed"),
    ("三棵树涂料股份有限公司", "the company's full name"),
    ("七匹狼服饰门店", "a brand whose numeral is followed by a unit (匹)"),
    ("三门峡市召开会议", "a city: 门 is a unit since issue 15 (万门 telephone lines)"),
    ("增速突破两位数", "突破两位数 (into double digits) is vague; it was '突破两位' = more than 2 位"),
    ("保持两位数增长", "两位数 again, without 突破"),
    ("柳海龙战胜85公斤以上级冠军", "85公斤以上级 is a weight class, not 85 kg"),
    ("二年级学生", "二年级 is a school grade, not two years"),
    ("江苏省、市两级工会", "两级 restates the list 省、市"),
    ("计划于二００二年建成", "CTB writes 〇 as a full-width zero: 二００二年 is a year, not '0 年' and '二年'"),
]


@pytest.mark.parametrize("text,why", NOT_CLAIMS, ids=[c[1] for c in NOT_CLAIMS])
def test_not_claims(text: str, why: str) -> None:
    assert [c.text for c in find_claims(text)] == []


STILL_CLAIMS = [
    # (text, surface, value, unit, why it is hard)
    ("已连续举办了三届", "三届", "3", "届", "N届 with no session name after it is a count of sessions"),
    ("获得二十大类奖项", "二十", None, None, "二十大类: not the Congress (no claim: no unit), kept out of the blocker"),
    ("湖南、河南、河北两省", "两省", None, None, "three items before 两: not a restatement, but 省 is no unit"),
    ("在5000余名观众的呐喊声中", "5000余名", "5000", "名", "a count next to a name-like phrase stays"),
]


@pytest.mark.parametrize("text,surface,value,unit,why", STILL_CLAIMS, ids=[c[-1] for c in STILL_CLAIMS])
def test_counts_that_stay(text, surface, value, unit, why) -> None:
    got = [(c.text, c.value, c.unit) for c in find_claims(text)]
    if value is None:
        assert all(t != surface or u is None for t, _, u in got), got
    else:
        assert (surface, Decimal(value), unit) in got


def test_recogniser_name_spans_block_numbers_inside_names() -> None:
    """A number starting inside a recognised ORG/LOC/PER span that goes on after the claim is
    part of the name (the organisation lexicon does not know every company)."""
    text = "五棵松体育中心今天开放"
    assert [c.text for c in find_claims(text)] == ["五棵"]
    assert find_claims(text, [(0, 7)]) == []
    # a name span ending with the claim does not swallow a real count (the recogniser's span edge)
    assert [c.text for c in find_claims("签约3家企业", [(2, 4)])] == ["3家"]


def test_component_reads_the_recogniser_spans() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("claims")
    doc = nlp.make_doc("五棵松体育中心今天开放")
    group = SpanGroup(doc, name="ner", spans=[doc.char_span(0, 7, label="LOC")])
    group.attrs["chars"] = [[0, 7, "LOC", None]]
    doc.spans["ner"] = group
    doc = nlp.get_pipe("claims")(doc)
    assert doc._.claims == []


MEASURE = [
    # (text, surface, measure, why the rule picks it)
    ("日前召开的中央经济工作会议定调2024年经济工作，并将“以科技创新引领现代化产业体系建设”列为九项重点任务之首，提出具体举措。",
     "九项", "重点任务", "step 1: 项 counts the noun phrase after it, which ends at 之首 (the README's clumsy example)"),
    ("一季度，规模以上工业增加值同比增长5.2%。", "5.2%", "规模以上工业增加值",
     "step 2: % measures; the subject before it, without 同比增长"),
    ("缅北向我移交3.1万名电诈犯罪嫌疑人；", "3.1万名", "电诈犯罪嫌疑人", "step 1: 名 counts the people after it"),
    ("已融入71个国民经济大类中。", "71个", "国民经济大类", "step 1: the noun phrase ends at 中"),
    ("截至目前，我国已累计培育专精特新“小巨人”企业1.46万家。", "1.46万家", "我国已累计培育专精特新“小巨人”企业",
     "step 2: nothing follows 家, so the phrase before it"),
    ("台湾对祖国大陆输出值为一百七十八亿美元，比上一年增长百分之二十；", "百分之二十", "台湾对祖国大陆输出值",
     "step 3: 比上一年增长 is a comparison; the growth is of the claim before it"),
    ("协议投资总额一点六亿美元，比去年同期增长了一点六七倍；", "一点六七倍", "协议投资总额",
     "step 3 with 比去年同期 and 了"),
    ("400人参加开幕式", "400人", None, "step 1 stops at the verb 参加: no noun phrase counted, nothing before"),
]


@pytest.mark.parametrize("text,surface,measure,why", MEASURE, ids=[m[-1] for m in MEASURE])
def test_measure_rule(text: str, surface: str, measure, why: str) -> None:
    (c,) = [c for c in find_claims(text) if c.text == surface]
    assert c.measure == measure


QUALIFIERS = [
    # (text, surface, value, qualifier, why it is hard)
    ("同时3000只信鸽和上万个气球一齐飞向天空", "上万个", "10000", "at_least", "上 before a bare 万: at least"),
    ("累计向各公司提供贷款近百亿元", "近百亿元", "10000000000", "approx", "a bare 百 before 亿 with a unit"),
    ("造价在１０亿元人民币以内", "１０亿元人民币以内", "1000000000", "at_most", "人民币 between the unit and 以内"),
    ("约占全省出口总值的百分之八十", "百分之八十", "80", "approx", "约占 says the share is approximate"),
]


@pytest.mark.parametrize("text,surface,value,qualifier,why", QUALIFIERS, ids=[q[-1] for q in QUALIFIERS])
def test_qualifiers(text, surface, value, qualifier, why) -> None:
    (c,) = [c for c in find_claims(text) if c.text == surface]
    assert (c.value, c.qualifier) == (Decimal(value), qualifier)
