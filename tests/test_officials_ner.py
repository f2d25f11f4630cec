"""Issue 10: the trained recogniser confirms or re-cuts the names the officials rules find.

Every sentence goes through the full pipeline (build_nlp(): "recognizer" runs before
"officials"), so the officials' names are cut by the model's PER spans (extract/facts/binding.py).
"""
from __future__ import annotations

import pytest

# (sentence, forbidden name substring) -- false officials the rules alone produced on real text
FALSE_OFFICIALS = [
    # a verb phrase after a bare title reads as a 2–4 character name (总统 + 从头至尾反)
    ("美国总统从头至尾反对这项计划。", "从头"),
    # 之后再赴 after a bare title: time adverbs and verbs look like given names
    ("总统之后再赴中南美访问。", "之后"),
    # 经过两轮 reads as surname 经 + given name
    ("总统经过两轮角逐胜出。", "经过"),
    # 部长理事会 is an organisation; 理事会 is not the name of a 部长
    ("欧盟冬季部长理事会在布鲁塞尔举行。", "理事会"),
    # 大使馆: the title 大使 inside the organisation 大使馆, 馆的设立 read as a name
    ("两国大使馆的设立标志着关系正常化。", "馆的"),
    # 理事国首脑: 首脑 is a title word after 理事国, no person follows
    ("安理会理事国首脑出席会议。", "出席"),
    # 科长、处长及相当: a list of titles, 及相当 looks like a name after 处长
    ("科长、处长及相当职务的干部参加培训。", "及相当"),
    # 记者招待会: 记者 is a byline title, 招待 is no reporter
    ("外交部举行记者招待会。", "招待"),
]


@pytest.mark.parametrize("text,forbidden", FALSE_OFFICIALS)
def test_no_false_official(nlp, text, forbidden):
    assert "recognizer" in nlp.pipe_names
    offs = nlp(text)._.officials
    bad = [o for o in offs if forbidden in o.name]
    assert not bad, bad


# (sentence, name, org+title of its first position) -- the rules' good readings must survive
POSITIVE = [
    # a long organisation, title and name fused into one pkuseg word (司长谢少锋)
    ("工业和信息化部科技司司长谢少锋表示，将加快推进。", "谢少锋", "工业和信息化部科技司司长"),
    # a chain of positions joined by 、 before one name
    ("中共中央政治局常委、国务院总理李强出席会议。", "李强", "中共中央政治局常委"),
    # one title shared by a list of names: the later names have no title of their own
    ("副委员长王晨、曹建明、张春贤出席。", "曹建明", "副委员长"),
    ("副委员长王晨、曹建明、张春贤出席。", "张春贤", "副委员长"),
    ("副委员长王晨、曹建明、张春贤出席。", "王晨", "副委员长"),
]


@pytest.mark.parametrize("text,name,position", POSITIVE)
def test_good_official_survives(nlp, text, name, position):
    offs = {o.name: o for o in nlp(text)._.officials}
    assert name in offs, list(offs)
    p = offs[name].positions[0]
    assert (p.org or "") + p.title == position


def test_model_named_in_rule(nlp):
    # a name the model confirmed or cut says which model produced it; the schema is unchanged
    offs = {o.name: o for o in nlp("工业和信息化部科技司司长谢少锋表示，将加快推进。")._.officials}
    assert "+ner:zh_newsfacts_ner-" in offs["谢少锋"].rule


def test_without_the_model_the_rules_alone_run():
    # find_officials(text) without names: exactly the rules (issue 10 keeps that path unchanged)
    from extract.facts.officials import find_officials

    offs = find_officials("工业和信息化部科技司司长谢少锋表示")
    assert [(o.name, o.rule) for o in offs] == [("谢少锋", "org_title_name")]
