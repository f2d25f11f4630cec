"""Integrity of the language data in extract/data/."""
from __future__ import annotations

import pytest
import regex

from extract.facts import lexicon

FILES = ["titles.txt", "title_prefixes.txt", "org_suffixes.txt", "orgs.tsv", "surnames.txt", "name_boundaries.txt"]


def _data_rows(name: str) -> list[list[str]]:
    return list(lexicon._rows(name))


@pytest.mark.parametrize("name", FILES)
def test_header_names_source(name: str) -> None:
    # every file opens with a comment naming its source
    head = (lexicon.DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:6]
    assert head[0].startswith("#") and any("Source" in h for h in head)


@pytest.mark.parametrize("name", FILES)
def test_no_blank_fields(name: str) -> None:
    for row in _data_rows(name):
        assert all(f.strip() == f and f for f in row), row


@pytest.mark.parametrize("name,key", [
    ("titles.txt", lambda r: r[0]), ("title_prefixes.txt", lambda r: r[0]),
    ("org_suffixes.txt", lambda r: r[0]), ("orgs.tsv", lambda r: r[0]),
    ("surnames.txt", lambda r: r[0]), ("name_boundaries.txt", lambda r: (r[0], r[1])),
])
def test_no_duplicates(name: str, key) -> None:
    keys = [key(r) for r in _data_rows(name)]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1][:5]


def test_titles() -> None:
    t = lexicon.titles()
    for core in ["部长", "司长", "局长", "主任", "书记", "省长", "总理", "主席", "常委", "董事长", "总裁", "行长",
                 "所长", "民警", "大队长", "负责人", "秘书长", "委员", "院长", "校长", "总经理", "检察长", "厅长",
                 "处长", "科长", "队长", "会长", "理事长"]:
        assert core in t, core
    for info in t.values():
        assert info.cls in lexicon.TITLE_CLASSES and info.flags <= lexicon.TITLE_FLAGS and info.count >= 0
    # occupations that are no position in these stories
    assert not {"教师", "老师", "学生", "选手"} & set(t)


def test_prefixes() -> None:
    p = lexicon.title_prefixes()
    assert {"副", "代", "常务", "执行", "首席", "轮值", "原"} <= set(p)
    assert p["原"] and not p["副"]


def test_org_suffixes_kinds() -> None:
    for suffix, (kind, _strong) in lexicon.org_suffixes().items():
        assert kind is None or kind in lexicon.KINDS, suffix


def test_orgs_kinds_aliases_parents() -> None:
    entries = lexicon.orgs()
    canon = {e.canonical for e in entries}
    seen_alias: set[str] = set()
    for e in entries:
        assert e.kind in lexicon.KINDS, e
        assert e.parent is None or e.parent in canon or e.parent in lexicon.org_index(), e
        assert e.source in {"hand", "CPED"}
        for a in e.aliases:
            assert a not in canon and a not in seen_alias, a   # an alias points to one canonical name
            seen_alias.add(a)
    idx = lexicon.org_index()
    for alias, full in [("工信部", "工业和信息化部"), ("国家发展改革委", "国家发展和改革委员会"), ("发改委", "国家发展和改革委员会"),
                        ("中国社科院", "中国社会科学院"), ("党中央", "中国共产党中央委员会"), ("中央军委", "中央军事委员会"),
                        ("中办", "中共中央办公厅"), ("IMF", "国际货币基金组织")]:
        assert idx[alias].canonical == full


def test_surnames() -> None:
    s = lexicon.surnames()
    assert all(1 <= len(k) <= 2 for k in s)
    assert {"欧阳", "司马", "王", "李"} <= set(s) and s["王"] > s["欧阳"] > 0


def test_boundaries() -> None:
    b = lexicon.boundaries()
    assert {"说", "表示", "指出", "介绍", "强调", "认为", "日前", "出席", "主持", "等"} <= b["name_end"]
    assert {"热线", "接待日", "会议", "处", "信箱", "办公室"} <= b["not_name"]
    assert all(len(w) == 1 for w in b["not_given"])


def test_numeral_units() -> None:
    """Issue 9 F13: a name stops before a numeral followed by one of these (总理李强八日)."""
    units = lexicon.boundaries()["numeral_unit"]
    assert {"日", "月", "号", "年", "次"} <= units
    assert all(len(w) == 1 and "\u4e00" <= w <= "\u9fff" for w in units)
    numerals = lexicon.name_numerals()
    assert not units & numerals
    assert {"八", "十", "廿", "两"} <= numerals and not {"万", "亿"} & numerals   # 张万年 keeps its 万
    assert lexicon.numeral_unit_at("李强二十八日", 2) and not lexicon.numeral_unit_at("李强二十八人", 2)


def test_user_dict_words() -> None:
    words = lexicon.user_dict_words()
    assert "工业和信息化部" in words and "董事长" in words and "" not in words
    assert len(words) == len(set(words))


def test_nothing_loads_at_import() -> None:
    import importlib
    mod = importlib.reload(lexicon)
    assert mod.titles.cache_info().currsize == 0


def test_transliteration_chars_integrity() -> None:
    from extract.facts import lexicon

    chars = lexicon.transliteration_chars()
    assert len(chars) > 200
    assert all("\u4e00" <= ch <= "\u9fff" for ch in chars)  # Han only, no stray punctuation
    assert not chars & set("的了是在和与说")  # function words would turn clauses into names


def test_common_words_integrity() -> None:
    from extract.facts import lexicon

    words = lexicon.common_words()
    assert len(words) > 4000
    assert all(len(w) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in w) for w in words)
    assert {"建议", "上午", "开始"} <= words
    # PKU splits names into surname + given name, so no seed official's name starts with a listed word
    assert not {"谢少", "陶青", "梁志", "黎烈", "谢存", "习近", "李强", "丁薛"} & words


def test_places_integrity() -> None:
    # places.txt is built (training/build_places.py) from the training NER corpora plus a hand
    # list of countries; the officials' binding refuses a model PER span that is a place
    places = lexicon.places()
    head = (lexicon.DATA_DIR / "places.txt").read_text(encoding="utf-8").splitlines()[:4]
    assert head[0].startswith("#") and any("Source" in h for h in head)
    assert len(places) > 300
    assert all(2 <= len(p) <= 8 for p in places)
    assert {"美国", "莫桑比克", "科特迪瓦", "阿联酋", "约旦", "北京"} <= places
    # no official's name of the seed gold, and no organisation of the lexicon, is a place
    assert not {"谢少锋", "李强", "丁薛祥", "金壮龙"} & places
    assert not {"国务院", "欧盟", "东盟", "新华社"} & places


def test_countries_integrity() -> None:
    # countries.txt (hand-written): a country before a state's title is its organisation (俄罗斯总统)
    lines = [w for w in (lexicon.DATA_DIR / "countries.txt").read_text(encoding="utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    countries = lexicon.countries()
    assert len(lines) == len(countries), "duplicates"
    assert all(regex.fullmatch(r"\p{Han}{2,10}(?:（\p{Han}）)?", w) for w in countries)   # 刚果（金）
    assert {"中国", "美国", "俄罗斯", "越南", "以色列"} <= countries
    assert countries <= lexicon.places()   # build_places.py adds every one of them to places.txt
    # the foreign leaders' names that PKU keeps whole are no common words (twentieth session)
    assert not {"普京", "布什", "拉宾", "切尼"} & lexicon.common_words()


def test_name_chars_integrity() -> None:
    # name_chars.tsv is built (training/build_name_chars.py) from the recogniser's training split;
    # the binding reads its ratios to doubt names the model does not support (issue 10)
    rows = lexicon.name_chars()
    head = (lexicon.DATA_DIR / "name_chars.tsv").read_text(encoding="utf-8").splitlines()[:4]
    assert head[0].startswith("#") and any("Source" in h for h in head)
    assert len(rows) > 2000
    assert all(len(c) == 1 and "\u4e00" <= c <= "\u9fff" for c in rows)
    assert all(r.total >= 5 and 0 <= r.first + r.inner <= r.total * 4 and r.first <= r.total for r in rows.values())
    # common surnames open names far more often than function characters do
    assert min(rows[c].p_first for c in "王李张陈") > 0.3
    assert max(rows[c].p_first for c in "的和在是") < 0.005
