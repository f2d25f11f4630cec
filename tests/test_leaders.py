"""Officials listed before a collective title (extract/facts/leaders.py): 江泽民、李鹏…等党和国家领导人."""
from __future__ import annotations

from importlib import resources

import pytest

from extract.facts.officials import find_officials

LIST = "江泽民、李鹏、朱镕基、李瑞环、胡锦涛、尉健行、李岚清等党和国家领导人出席茶话会。"


@pytest.mark.parametrize("text,names,org,title,why", [
    (LIST, ["江泽民", "李鹏", "朱镕基", "李瑞环", "胡锦涛", "尉健行", "李岚清"], "党和国家", "领导人",
     "no title beside any name: all seven were missed; 尉健行's 行 reads as a bank's, the list still holds"),
    ("他会见了王毅、李强等中央领导同志。", ["王毅", "李强"], "中央", "领导同志",
     "the list starts after 了: 了王毅 is no name"),
])
def test_names_listed_before_a_collective_title(text, names, org, title, why):
    got = [o for o in find_officials(text) if o.rule == "list_before_collective_title"]
    assert [o.name for o in got] == names
    for o in got:
        (p,) = o.positions
        assert (p.org, p.title) == (org, title)
        assert all(text[m.start:m.end] == o.name for m in o.mentions)


@pytest.mark.parametrize("text,why", [
    ("苹果、香蕉、橘子等领导人", "fruit, not names"),
    ("北京、上海、广州等市领导出席", "places, not names (市领导 is a collective title)"),
    ("江泽民等党和国家领导人出席", "one name is no list (the title-led rules decide)"),
])
def test_no_officials_from_lists_that_are_not_names(text, why):
    assert [o for o in find_officials(text) if o.rule == "list_before_collective_title"] == []


def test_collective_titles_file_integrity():
    # organisation<TAB>title per line, '-' for none; every title ends in 领导, 领导人 or 领导同志
    text = (resources.files("extract") / "data" / "collective_titles.txt").read_text(encoding="utf-8")
    rows = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    rows = [r for r in rows if r]
    assert len(rows) == len(set(rows)) >= 5
    for r in rows:
        org, title = r.split("\t")
        assert title.endswith(("领导", "领导人", "领导同志")) and org
