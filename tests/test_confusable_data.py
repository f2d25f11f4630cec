"""Integrity of the confusable-character sets (extract/data/confusables/)."""
from __future__ import annotations

from importlib import resources

from extract.crosscheck.classify import char_relation, confusables

BASE = resources.files("extract") / "data" / "confusables"


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002ffff"


def test_same_pinyin_file_is_well_formed() -> None:
    rows = [line.split("\t") for line in (BASE / "same_pinyin.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) > 3000
    assert all(len(r) >= 2 and len(r[0]) == 1 and _is_han(r[0]) for r in rows)
    assert all(_is_han(ch) for r in rows for col in r[1:] for ch in col)


def test_same_stroke_file_is_well_formed() -> None:
    groups = [[c for c in line.split("\t") if c] for line in
              (BASE / "same_stroke.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(groups) > 800
    assert all(len(g) >= 2 and all(len(c) == 1 and _is_han(c) for c in g) for g in groups)


def test_maps_are_symmetric_where_it_matters() -> None:
    pinyin, shape = confusables()
    assert "峰" in pinyin["锋"] and "锋" in pinyin["峰"]
    assert all(a in shape.get(b, ()) for a, bs in shape.items() for b in bs)  # similar shape is mutual
    assert set(char_relation("锋", "峰")) == {"similar_shape", "same_pinyin"}
    assert char_relation("力", "展") == []


def test_numeral_lookalikes_are_well_formed_and_hold_the_issue_pairs() -> None:
    """Issue 12: 十/千, 二/三, 万/方 and their kin, each group with a numeral in it."""
    from extract.crosscheck.numerals import NUMERAL_CHARS, lookalikes, numeral_pair

    lines = (BASE / "numerals.txt").read_text(encoding="utf-8").splitlines()
    groups = [[c for c in line.split("\t") if c] for line in lines if line.strip() and not line.startswith("#")]
    assert groups and all(len(g) >= 2 and all(len(c) == 1 for c in g) for g in groups)
    assert all(any(c in NUMERAL_CHARS for c in g) for g in groups)
    table = lookalikes()
    assert all(a in table.get(b, ()) for a, bs in table.items() for b in bs)  # mutual
    assert all(numeral_pair(a, b) for a, b in [("十", "千"), ("二", "三"), ("万", "方"), ("0", "O")])
    assert not numeral_pair("锋", "峰") and not numeral_pair("方", "力")  # neither is a numeral
