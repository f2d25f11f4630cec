"""A Doc of character tokens, as spaCy's ``zh`` tokenizer with ``segmenter="char"`` makes it, fast.

spaCy's char segmenter aligns ``list(text)`` with the text in ``util.get_words_and_spaces``,
which slices the rest of the text once per character, and the recogniser then reads each token's
offset back from the Doc; together a quarter of the time of making the Doc. The tokens are simple
to write down directly: every non-space character is a token, a single ASCII space after it is its
trailing space, and any other run of whitespace is one token of its own (no trailing space).
``char_words`` gives exactly the words and spaces ``get_words_and_spaces(list(text), text)``
gives (tests/test_speed_chardoc.py checks it on generated text), so the Doc is the same.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

# a non-space character and the one ASCII space after it, or a run of whitespace
# (re's \s is str.isspace(), what spaCy's alignment tests)
_TOKEN = re.compile(r"(\S)( ?)|(\s+)")
_SPACE = re.compile(r"\s")


def char_words(text: str) -> tuple[list[str], list[bool], list[int]]:
    """The character tokens of ``text``: words, trailing spaces and start offsets."""
    if not _SPACE.search(text):   # most sentences: one token a character
        return list(text), [False] * len(text), list(range(len(text)))
    words, spaces, starts = [], [], []
    for m in _TOKEN.finditer(text):
        ch, space, run = m.groups()
        words.append(ch if run is None else run)
        spaces.append(bool(space))
        starts.append(m.start())
    return words, spaces, starts


def is_char_tokenizer(tokenizer) -> bool:
    """Whether ``tokenizer`` is spaCy's ``zh`` tokenizer segmenting characters."""
    from spacy.lang.zh import ChineseTokenizer

    return type(tokenizer) is ChineseTokenizer and tokenizer.segmenter == "char"


def char_doc(vocab, text: str) -> tuple[Doc, list[int]]:
    """The Doc ``ChineseTokenizer(segmenter="char")`` makes of ``text``, and its tokens' starts."""
    words, spaces, starts = char_words(text)
    return Doc(vocab, words=words, spaces=spaces), starts
