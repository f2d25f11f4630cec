"""The recogniser's word features (extract/facts/wordfeats.py) and their word list (issue 10/11)."""
from __future__ import annotations

import pytest
import spacy

from extract.facts import wordfeats as wf


def _words(text: str) -> list[str]:
    return [text[a:b] for a, b in wf.segment_lexicon(text)]


@pytest.mark.parametrize("text,expected", [
    # a ministry from the user dictionary is one word although 和 could end a word before it
    ("工业和信息化部部长", ["工业和信息化部", "部长"]),
    # a name the list does not know falls apart into characters: the character model joins them
    ("司长谢少锋表示", ["司长", "谢", "少", "锋", "表示"]),
    # a number with a decimal point and a percent sign is one word; so is a Latin run
    ("GDP增长5.2%", ["GDP", "增长", "5.2%"]),
    # full-width digits too (OCR and web copies)
    ("增长５．２％", ["增长", "５．２％"]),
    # whitespace is skipped, never a word
    ("国务院 总理", ["国务院", "总理"]),
    # hostile: characters outside every table (emoji, private use, combining marks) stay single
    ("\U0001F600\ue000e\u0301", ["\U0001F600", "\ue000", "e", "\u0301"]),
    ("", []),
    # a word at the very end: a longer candidate must not match its slice cut short by the end
    ("他表示", ["他", "表示"]),
])
def test_lexicon_segmenter(text, expected):
    assert _words(text) == expected


def test_lexicon_segmenter_covers_the_text_in_order():
    text = "新华社北京12月25日电（记者张三）国家统计局25日发布数据显示，前11个月规模以上工业增加值同比增长4.3%。" * 50
    spans = wf.segment_lexicon(text)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert "".join(text[a:b] for a, b in spans) == text.replace(" ", "")


def test_lexicon_segmenter_is_linear_on_a_long_run_of_one_character():
    # max matching tries each length of the first character's words at every position: bounded
    # by the longest word, so 200k identical characters finish (a quadratic scan would not)
    text = "国" * 200_000
    assert len(wf.segment_lexicon(text)) >= 100_000


@pytest.mark.parametrize("i,n,tag", [(0, 1, "S1"), (0, 2, "B2"), (1, 2, "E2"), (1, 3, "I3"),
                                     (0, 7, "B4"), (5, 7, "I4"), (6, 7, "E4")])
def test_position_tags(i, n, tag):
    assert wf.position_tag(i, n) == tag


def test_features_on_character_tokens():
    nlp = spacy.blank("zh")
    doc = nlp.make_doc("司长谢少锋 表示")
    wf.set_word_features(doc, wf.segment_lexicon(doc.text))
    got = [(t.text, t.tag_, t.lemma_) for t in doc]
    assert got[:2] == [("司", "B2", "司长"), ("长", "E2", "司长")]
    assert ("谢", "S1", "谢") in got
    assert got[-2:] == [("表", "B2", "表示"), ("示", "E2", "表示")]


def test_component_lexicon_ignores_host_words():
    # a model trained on the lexicon segmenter's words must never see pkuseg's instead
    comp = wf.WordFeatures(segmenter="lexicon")
    doc = spacy.blank("zh").make_doc("司长谢少锋")
    doc.user_data[wf.WORDS_KEY] = [(0, 5)]
    comp(doc)
    assert doc[0].lemma_ == "司长" and wf.WORDS_KEY not in doc.user_data


def test_component_rejects_an_unknown_segmenter():
    with pytest.raises(ValueError, match="segmenter"):
        wf.WordFeatures(segmenter="jieba")


def test_words_file_integrity():
    words, index = wf.lexicon_words()
    head = wf.WORDS_FILE.read_text(encoding="utf-8").splitlines()[:4]
    assert head[0].startswith("#") and any("Source" in h for h in head)
    assert len(words) > 20_000
    assert all(2 <= len(w) <= 12 for w in words)
    assert {"工业和信息化部", "国务院", "司长", "增长"} <= words
    assert max(max(v) for v in index.values()) <= 12
