"""find_organizations: mentions, canonical names, kinds, parents, component."""
from __future__ import annotations

import pytest
import spacy

import extract.facts.organizations  # noqa: F401  registers "organizations"

from extract.facts.organizations import find_organizations


def _by_name(text: str) -> dict:
    return {o.name: o for o in find_organizations(text)}


# (text, printed name, canonical, kind, parent) — each case says why it is hard.
CASES = [
    # sub-unit of a ministry: parent is the ministry, kind inherited
    ("工业和信息化部科技司司长谢少锋表示", "工业和信息化部科技司", "工业和信息化部科技司", "government", "工业和信息化部"),
    # police centre nested in a city bureau; kind from 反诈中心
    ("内蒙古通辽市公安局反诈中心大队长王大伟说", "内蒙古通辽市公安局反诈中心", "内蒙古通辽市公安局反诈中心",
     "police", "内蒙古通辽市公安局"),
    # an alias as head of a longer name is canonicalised on that part
    ("中国社科院中国边疆研究所所长邢广程", "中国社科院中国边疆研究所", "中国社会科学院中国边疆研究所",
     "university_research", "中国社会科学院"),
    # alias of a known body
    ("记者从工信部获悉", "工信部", "工业和信息化部", "government", "中华人民共和国国务院"),
    # 集团 + 有限公司 is one company, not a parent and a child
    ("义新欧贸易服务集团有限公司董事长冯旭斌", "义新欧贸易服务集团有限公司", "义新欧贸易服务集团有限公司",
     "private_company", None),
    # international body with an ASCII alias
    ("国际货币基金组织总裁格奥尔基耶娃", "国际货币基金组织", "国际货币基金组织", "international", None),
    # party central committee under its short name
    ("在以习近平同志为核心的党中央坚强领导下", "党中央", "中国共产党中央委员会", "party", None),
    # issue 15, modern copy: a foreign central bank by its short name, with no suffix to find it by
    ("美联储11月1日宣布，将联邦基金利率目标区间维持在5.25%至5.5%之间。", "美联储", "美国联邦储备委员会",
     "government", None),
    ("欧洲央行行长拉加德表示，欧元区通胀仍然过高。", "欧洲央行", "欧洲中央银行", "international", "欧洲联盟"),
    # a listed company by its short name (证券简称), no 公司 after it
    ("宁德时代发布公告称，公司前三季度净利润同比增长81.5%。", "宁德时代", "宁德时代新能源科技股份有限公司",
     "private_company", None),
    # 北大 (Peking University's short form) opens 北大西洋公约组织: the longest known name wins
    ("将是北大西洋公约组织国家首次向俄罗斯出售这类装备。", "北大西洋公约组织", "北大西洋公约组织", "international", None),
    # a foreign ministry: its country's name, not China's 商务部 (no parent, no alias of it)
    ("他会见了美国商务部长雷蒙多。", "美国商务部", "美国商务部", "government", None),
]


@pytest.mark.parametrize("text,name,canonical,kind,parent", CASES)
def test_org(text: str, name: str, canonical: str, kind: str, parent) -> None:
    found = _by_name(text)
    assert name in found, list(found)
    o = found[name]
    assert (o.canonical, o.kind, o.parent) == (canonical, kind, parent)


def test_aliases_share_canonical_and_mentions() -> None:
    # 工业和信息化部 and 工信部 are one organisation with two mentions
    text = "工业和信息化部公布数据。工信部表示，将推进。"
    orgs = [o for o in find_organizations(text) if o.canonical == "工业和信息化部"]
    assert len(orgs) == 1
    assert [m.text for m in orgs[0].mentions] == ["工业和信息化部", "工信部"]
    assert "工信部" in orgs[0].aliases
    for m in orgs[0].mentions:
        assert text[m.start:m.end] == m.text


def test_paragraph_break_inside_org() -> None:
    text = "、中国\n宝武钢铁集团有限公司董事长胡望明"
    (o,) = [o for o in find_organizations(text) if o.canonical == "中国宝武钢铁集团有限公司"]
    assert o.text == "中国\n宝武钢铁集团有限公司" and o.kind == "soe"


NEGATIVE = [
    ("随着市委政法委出台意见", "a party committee is only an org before a title or when known"),
    ("畅通党和政府联系群众的渠道", "政府 after a verb phrase"),
    ("今天天气很好。", "no organisation at all"),
    # issue 15 (2026-11-25): a title that only opens a longer word (记者会, 主席团) scans no organisation
    # before it; 例行 of 例行记者会 was an organisation in every foreign-ministry briefing
    ("他在今天的例行记者会上说。", "记者 opens 记者会, a press conference"),
    ("毛宁在例行记者会上表示。", "the same, right after a name"),
    ("大会主席团举行第一次会议。", "主席 opens 主席团"),
]


@pytest.mark.parametrize("text,reason", NEGATIVE)
def test_no_spurious_orgs(text: str, reason: str) -> None:
    assert find_organizations(text) == [], reason


def test_spacy_component() -> None:
    import extract.facts.officials  # noqa: F401  registers "officials"
    nlp = spacy.blank("zh")
    nlp.add_pipe("officials")
    nlp.add_pipe("organizations")
    nlp.initialize()
    doc = nlp("外交部副部长马朝旭发言")
    assert [o.canonical for o in doc._.organizations] == ["外交部"]


ORG_REGRESSIONS = [
    # (text, spans that must not be organisations, why it is hard)
    ("工业和信息化部有关负责人接受新华社记者采访。", {"工业和信息化部有关负责人接受新华社"},
     "a leftward scan from 社 ran across a verb (接受)"),
    ("接警员立即将号码推送至中国电信昆明分公司进行查询。", {"接警员立即将号码推送至中国电信昆明分公司", "至中国电信昆明分公司"},
     "a leftward scan from 公司 ran across a whole clause"),
]


# Issue 15 (modern copy): a one-character stop word (为, 对, 在, 于) ends a name scanned leftwards only
# where it is a word of its own; inside a name the tagger knows it is part of the name, inside a
# function word (现在, 对于, 就是) it still ends one. (text, the whole name, a clipped or overlong one)
STOPS_INSIDE_NAMES = [
    ("华为技术有限公司轮值董事长徐直军出席大会。", "华为技术有限公司", "技术有限公司",
     "为 of 华为 was read as the preposition 为: the company lost its name"),
    ("公司为华为技术有限公司提供芯片。", "华为技术有限公司", "技术有限公司",
     "the preposition 为 before it still ends the name; 华为's 为 does not"),
    ("对外经济贸易大学校长赵忠秀讲话。", "对外经济贸易大学", "外经济贸易大学", "对 opens the university's name"),
    ("中国人民对外友好协会会长林松添会见了他们。", "中国人民对外友好协会", "外友好协会", "对外 inside a name"),
    ("而现在博彩公司开出的盘口为主场平手。", "博彩公司", "而现在博彩公司",
     "在 inside the function word 现在 still ends the scan (a noun-only test let the clause in)"),
    ("对于中国银行收购信托公司，坊间早有传言。", "中国银行", "对于中国银行", "the same for 于 in 对于"),
]


@pytest.mark.parametrize("text,name,bad,why", STOPS_INSIDE_NAMES, ids=[r[3] for r in STOPS_INSIDE_NAMES])
def test_issue15_a_stop_word_inside_a_name(text: str, name: str, bad: str, why: str) -> None:
    names = {o.name for o in find_organizations(text)}
    assert name in names and bad not in names, (why, names)


@pytest.mark.parametrize("text,bad,why", ORG_REGRESSIONS, ids=[r[2] for r in ORG_REGRESSIONS])
def test_issue3_org_scan_stops_at_verbs(text: str, bad: set[str], why: str) -> None:
    assert not bad & {o.name for o in find_organizations(text)}


def test_a_branch_has_its_parents_kind() -> None:
    """中国电信昆明分公司 is a branch of a state-owned company, not a private company (issue 3)."""
    (branch,) = [o for o in find_organizations("接警员将号码推送至中国电信昆明分公司进行查询。") if o.name.endswith("分公司")]
    assert branch.parent == "中国电信集团有限公司" and branch.kind == "soe"
