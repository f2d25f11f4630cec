"""Sentence splitting (issue 2)."""
from __future__ import annotations

import pytest

from extract.text.sentences import split_sentences

CASES = [
    # (text, sentences, why it is hard)
    ("甲。乙！丙？", ["甲。", "乙！", "丙？"], "three terminals"),
    ("“今年以来，工业经济向好。”陶青说，将落实。", ["“今年以来，工业经济向好。”", "陶青说，将落实。"],
     "the closing quote belongs to the sentence it closes"),
    ("他说：“第一句。第二句。”然后走了。", ["他说：“第一句。第二句。”", "然后走了。"],
     "terminals inside a quotation do not split it"),
    ("今年以来，工业经济稳步恢复。”工业和信息化部说。", ["今年以来，工业经济稳步恢复。”", "工业和信息化部说。"],
     "an OCR-lost opening quote must not swallow the rest"),
    ("怎样推动产业创新……工业和信息化部负责人接受采访。", ["怎样推动产业创新……", "工业和信息化部负责人接受采访。"],
     "an ellipsis ends a sentence"),
    ("第一段没有句号\n第二段。", ["第一段没有句号", "第二段。"], "a paragraph break ends a sentence"),
    ("真的吗？！是的。", ["真的吗？！", "是的。"], "stacked terminals stay together"),
]


@pytest.mark.parametrize("text,expected,why", CASES, ids=[c[2] for c in CASES])
def test_split(text: str, expected: list[str], why: str) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected
