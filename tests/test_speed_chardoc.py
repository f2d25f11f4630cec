"""Character Docs made directly (extract/facts/chardoc.py) and word features written in one
``from_array`` (extract/facts/wordfeats.py) are the same as spaCy's and as token-by-token (issue 11)."""
from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from extract.facts.chardoc import char_doc, char_words, is_char_tokenizer
from extract.facts.wordfeats import (MAX_LEN_TAG, TOKENS_KEY, WordFeatures, position_tag,
                                     segment_lexicon, set_word_features)

NLP = spacy.blank("zh")
PIECES = st.sampled_from(["中", "国", "人", "民", "银", "行", " ", "  ", "\n", "\u3000", "\t", "a", "b",
                          "1", "2", "，", "。", "\xa0", "\x1c", "\r\n", "\u2028", "\U0001F600", "部长"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _old_features(doc, words):
    """set_word_features as it was, token by token."""
    text, k = doc.text, 0
    for tok in doc:
        a = tok.idx
        while k < len(words) and words[k][1] <= a:
            k += 1
        s, e = words[k] if k < len(words) and words[k][0] <= a < words[k][1] else (a, a + len(tok.text))
        if len(tok.text) == e - s:
            tok.tag_, tok.lemma_ = "S1" if e - s == 1 else f"W{min(e - s, MAX_LEN_TAG)}", text[s:e]
        else:
            tok.tag_, tok.lemma_ = position_tag(a - s, e - s), text[s:e]
    return doc


def _feats(doc):
    return [(t.text, t.whitespace_, t.tag_, t.lemma_) for t in doc]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_char_words_as_spacy(text: str) -> None:
    words, spaces, starts = char_words(text)
    assert (words, spaces) == get_words_and_spaces(list(text), text)
    doc, got_starts = char_doc(NLP.vocab, text)
    ref = NLP.make_doc(text)
    assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in ref]
    assert got_starts == [t.idx for t in ref]


def test_is_char_tokenizer() -> None:
    assert is_char_tokenizer(NLP.tokenizer)
    assert not is_char_tokenizer(object())


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_word_features_as_token_by_token(text: str, data) -> None:
    words = segment_lexicon(text)
    keep = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    for ws in (words, [w for w, k in zip(words, keep) if k], []):
        ref = _feats(_old_features(NLP.make_doc(text), ws))
        assert _feats(set_word_features(NLP.make_doc(text), ws)) == ref
        doc, starts = char_doc(NLP.vocab, text)
        tokens = (starts, [len(t.text) for t in doc], text)
        assert _feats(set_word_features(doc, ws, tokens)) == ref


def test_component_reads_the_tokens_it_is_given() -> None:
    text = "国务院总理李克强在北京主持召开会议。"
    comp = WordFeatures(segmenter="lexicon")
    ref = _feats(comp(NLP.make_doc(text)))
    doc, starts = char_doc(NLP.vocab, text)
    doc.user_data[TOKENS_KEY] = (starts, [1] * len(starts), text)
    assert _feats(comp(doc)) == ref
    assert TOKENS_KEY not in doc.user_data
