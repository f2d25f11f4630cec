"""Word features for a character model: each character token learns which pkuseg word holds it.

The recogniser reads characters, so a name glued to a title or a verb in one pkuseg word
(司长谢少锋, 谢少锋表示) can still begin and end on the right character; but characters alone
learn slowly. This component gives every character token two features taken from the pkuseg
word around it, which the model's ``tok2vec`` embeds beside the character (``NORM``):

* ``token.lemma_``: the whole word (``司长`` for both 司 and 长);
* ``token.tag_``: the character's place in the word and the word's length: ``B2``, ``E2``,
  ``S1``, ``B3``/``I3``/``E3``, …; lengths over 4 are written ``4`` (``B4``, ``I4``, ``E4``).

It is the first component of the shipped model (``extract/data/models/ner/``) and an
*annotating* component in training (training/config.cfg), so the model sees the same features
in training and in use.

Two segmenters (the component's ``segmenter`` setting, fixed when a model is trained):

* ``"lexicon"``: forward maximum matching over ``extract/data/words.txt`` (built by
  training/build_words.py from segmentation gold, pkuseg's words on the training text and the
  user dictionary); numbers and Latin runs are one word each. A few MB and about a million
  characters a second: the recogniser needs no pkuseg model.
* ``"pkuseg"``: pkuseg with the project's user dictionary (loaded on first use, 800 MB). Where
  the words are known already (the host pipeline segmented the sentence with pkuseg), the
  caller puts their ``(start, end)`` offsets in ``doc.user_data["newsfacts_words"]``.

In training, segmentations are cached by text, so each sentence is segmented once per run.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Optional

import numpy
import regex
from spacy.attrs import IDX, LEMMA, LENGTH, TAG
from spacy.language import Language
from spacy.tokens import Doc

WORDS_KEY = "newsfacts_words"
#: where a caller that made the Doc puts its tokens' ``(starts, lengths)`` and ``text`` (optional:
#: reading them back from the Doc costs as much as the rest of ``set_word_features``)
TOKENS_KEY = "newsfacts_tokens"
MAX_LEN_TAG = 4
WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "words.txt"
_RUN = regex.compile(r"[0-9０-９.．%％]+|[A-Za-zＡ-Ｚａ-ｚ]+|\s+|.", regex.S)


@cache
def lexicon_words() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """The word list and, per first character, the word lengths starting with it (longest first)."""
    words = frozenset(w.strip() for w in WORDS_FILE.read_text(encoding="utf-8").splitlines()
                      if w.strip() and not w.startswith("#"))
    lens: dict[str, set[int]] = {}
    for w in words:
        lens.setdefault(w[0], set()).add(len(w))
    return words, {ch: tuple(sorted(v, reverse=True)) for ch, v in lens.items()}


def segment_lexicon(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the words of ``text`` by forward maximum matching over words.txt; a
    number or a Latin run is one word, any other character on its own; whitespace is skipped."""
    words, index = lexicon_words()
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        lens = index.get(text[i])
        if lens:
            for k in lens:
                if i + k <= n and text[i:i + k] in words:   # a slice past the end is shorter
                    out.append((i, i + k))
                    i += k
                    break
            else:
                out.append((i, i + 1))
                i += 1
            continue
        m = _RUN.match(text, i)
        if not m.group().isspace():
            out.append((i, m.end()))
        i = m.end()
    return out


def segment(text: str, tokenizer=None) -> list[tuple[int, int]]:
    """``(start, end)`` of the pkuseg words of ``text``, by character offsets (whitespace skipped)."""
    if tokenizer is None:
        from ..nlp import segmenter   # the process's one pkuseg, loaded on first use
        tokenizer = segmenter()
    seg = tokenizer
    out, pos = [], 0
    for t in seg(text):
        if t.is_space:
            continue
        w = t.text
        start = text.find(w, pos)
        if start < 0:  # the segmenter changed the text (it never should): fall back to its offset
            start = t.idx
        out.append((start, start + len(w)))
        pos = start + len(w)
    return out


def position_tag(i: int, n: int) -> str:
    """The tag of the ``i``-th character of an ``n``-character word."""
    k = min(n, MAX_LEN_TAG)
    if n == 1:
        return "S1"
    if i == 0:
        return f"B{k}"
    if i == n - 1:
        return f"E{k}"
    return f"I{k}"


def set_word_features(doc: Doc, words: list[tuple[int, int]],
                      tokens: Optional[tuple[list[int], list[int], str]] = None) -> Doc:
    """Set ``tag_`` and ``lemma_`` on every token of ``doc`` from the words' character offsets.
    A token outside every word (whitespace, or a word list that does not cover it) is its own word.

    The values are written in one ``Doc.from_array`` (what the ``tag_``/``lemma_`` setters do,
    token by token, at four times the cost). ``tokens``: the Doc's token starts, lengths and
    text, when the caller has them."""
    if not len(doc):
        return doc
    if tokens is None:
        offsets = doc.to_array([IDX, LENGTH]).tolist()
        text = doc.text
    else:
        offsets, text = zip(tokens[0], tokens[1]), tokens[2]
    add = doc.vocab.strings.add
    tags: dict[tuple[int, int], int] = {}
    rows = []
    k, nw = 0, len(words)
    for a, length in offsets:
        while k < nw and words[k][1] <= a:
            k += 1
        if k < nw and words[k][0] <= a < words[k][1]:
            s, e = words[k]
        else:
            s, e = a, a + length
        key = (a - s, e - s) if length != e - s else (-1, e - s)   # -1: the token is the whole word
        tag = tags.get(key)
        if tag is None:
            n = e - s
            tag = tags[key] = add(position_tag(*key) if key[0] >= 0 else
                                  "S1" if n == 1 else f"W{min(n, MAX_LEN_TAG)}")
        rows.append((tag, add(text[s:e])))
    doc.from_array([TAG, LEMMA], numpy.array(rows, dtype="uint64"))
    return doc


class WordFeatures:
    """spaCy component: character tokens get their pkuseg word's features (see the module doc)."""

    def __init__(self, name: str = "newsfacts_wordfeats", cache_size: int = 200_000,
                 segmenter: str = "pkuseg") -> None:
        if segmenter not in ("pkuseg", "lexicon"):
            raise ValueError(f"newsfacts_wordfeats: segmenter must be 'pkuseg' or 'lexicon', not {segmenter!r}")
        self.name = name
        self.cache_size = cache_size
        self.segmenter = segmenter
        self._cache: dict[str, list[tuple[int, int]]] = {}
        #: a pkuseg tokenizer to share (the host pipeline's); None loads the project's on first use
        self.tokenizer = None

    def words(self, text: str) -> list[tuple[int, int]]:
        got = self._cache.get(text)
        if got is None:
            got = segment_lexicon(text) if self.segmenter == "lexicon" else segment(text, self.tokenizer)
            if len(self._cache) < self.cache_size:
                self._cache[text] = got
        return got

    def __call__(self, doc: Doc) -> Doc:
        given: Optional[list[tuple[int, int]]] = doc.user_data.pop(WORDS_KEY, None)
        tokens = doc.user_data.pop(TOKENS_KEY, None)
        if self.segmenter != "pkuseg":
            given = None   # the model learnt the lexicon segmenter's words, not the host's
        text = doc.text if tokens is None else tokens[2]
        return set_word_features(doc, given if given is not None else self.words(text), tokens)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # serialisation: nothing to save (the segmenter is the project's pkuseg model)
    def to_disk(self, path, *, exclude=()) -> None:
        return None

    def from_disk(self, path, *, exclude=()) -> "WordFeatures":
        return self

    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> "WordFeatures":
        return self


@Language.factory("newsfacts_wordfeats", default_config={"cache_size": 200_000, "segmenter": "pkuseg"})
def make_wordfeats(nlp: Language, name: str, cache_size: int, segmenter: str) -> WordFeatures:
    """Factory for the "newsfacts_wordfeats" component (see the module doc)."""
    return WordFeatures(name, cache_size=cache_size, segmenter=segmenter)
