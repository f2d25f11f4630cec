"""The trained recogniser: where PER / ORG / TITLE / LOC spans begin and end.

A spaCy component (``nlp.add_pipe("recognizer")``) that runs the statistical NER model shipped
in ``extract/data/models/ner/`` (trained by ``make model``, see training/ and that folder's
TRAINING.md) only on the sentences that can hold an official or an organisation. The trigger is
cheap: a title word (titles.txt), a *strong* organisation ending (org_suffixes.txt: 公司, 银行,
委员会 …, endings that make an organisation even with no title after them; a weak ending such as
部, 政府 or 组织 only makes one before a title or inside a known name, and both of those trigger
anyway), or a known organisation name or alias of two or more characters (orgs.tsv).

The model is loaded lazily, in ``initialize()`` or on the first document, never at import. It
runs on its own Doc of each sentence's text, made by the model's own tokenizer, and its spans
are mapped back by character offsets, so the component works whatever tokens the pipeline's Doc
has (spaCy's character tokens or pkuseg words). The shipped model (0.2.0, ``charwords``) reads
characters with word features that its first component, ``newsfacts_wordfeats``
(extract/facts/wordfeats.py), takes from a lexicon segmenter: no pkuseg is loaded for it. Models
that read pkuseg words (0.1.0, ``words``; or word features from pkuseg) get the host Doc's words
when it has them, else the process's one pkuseg (extract.nlp.segmenter), loaded on first use.

Results:

* ``doc.spans["ner"]``: a SpanGroup with the spans (labels PER, ORG, TITLE, LOC) on the
  component's Doc. A span whose edges fall inside one of the Doc's tokens (a pkuseg word such as
  司长谢少锋) is widened to the token edges there; the exact offsets are kept in
  ``doc.spans["ner"].attrs["chars"]``: ``[start_char, end_char, label, score]`` per span, in the
  group's order (score is None: the greedy transition-based model gives no span probability).
* ``doc.spans["ner"].attrs["model"]``: the model's name and version (``zh_newsfacts_ner-0.2.0``),
  for records that have to say which model produced a span.
* ``recognized(doc)``: the exact spans as ``Recognized(start, end, label, score, text)``.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from . import doc_text, lexicon, modelops
from .chardoc import char_words, is_char_tokenizer
from .leaders import collective_titles
from .wordfeats import TOKENS_KEY, WORDS_KEY, segment

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "ner"
SPANS_KEY = "ner"
LABELS = ("PER", "ORG", "TITLE", "LOC")


class Recognized(NamedTuple):
    """One recognised span, by character offsets into the component's Doc text."""

    start: int
    end: int
    label: str
    score: Optional[float]
    text: str


def model_info(path: str | Path = MODEL_DIR) -> dict:
    """``{"name": "zh_newsfacts_ner", "version": "0.1.0", "id": "zh_newsfacts_ner-0.1.0", ...}``
    from the model's meta.json, without loading the model."""
    meta = json.loads((Path(path) / "meta.json").read_text(encoding="utf-8"))
    name = f"{meta.get('lang', 'zh')}_{meta.get('name', 'pipeline')}"
    return {"name": name, "version": meta.get("version", "0.0.0"),
            "id": f"{name}-{meta.get('version', '0.0.0')}", "spacy_version": meta.get("spacy_version"),
            "tokens": meta.get("newsfacts", {}).get("tokens", "char")}


def load_model(path: str | Path) -> Language:
    """``spacy.load(path)``, without reading a character tokenizer back from disk.

    spaCy's Chinese tokenizer imports ``spacy_pkuseg`` (and through it ``requests``) whenever it
    is read from disk, even when it segments characters and its folder holds nothing but its
    settings (issue 11: start-up; no pkuseg without ``--words``). Such a tokenizer is the one
    config.cfg makes, so it is not read; any other (a pkuseg model's) is read as usual."""
    import spacy

    settings = _char_settings(Path(path) / "tokenizer")
    if settings is not None:
        model = spacy.load(path, exclude=["tokenizer"])
        made = getattr(model.tokenizer, "_get_config", None)
        if made is not None and made() == settings:
            return model
    return spacy.load(path)


def _char_settings(folder: Path) -> Optional[dict]:
    """The settings of a tokenizer folder that holds nothing else (``cfg``) and makes a character
    segmenter; None for any other folder."""
    try:
        if [p.name for p in folder.iterdir()] != ["cfg"]:
            return None
        cfg = json.loads((folder / "cfg").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return cfg if cfg == {"segmenter": "char"} else None


def _is_pkuseg(tokenizer) -> bool:
    return str(getattr(tokenizer, "segmenter", "")) == "pkuseg" and getattr(tokenizer, "pkuseg_seg", None) is not None


# ---------------------------------------------------------------- trigger

@cache
def trigger_set() -> frozenset[str]:
    """The trigger words: titles, strong organisation endings, known organisations (2+ characters;
    an ASCII alias needs 3, so UN does not fire inside FUND)."""
    words: set[str] = set(lexicon.titles())
    words.update(s for s, (_kind, strong) in lexicon.org_suffixes().items() if strong)
    words.update(n for n in lexicon.org_index() if len(n) >= 2 and (not n.isascii() or len(n) >= 3))
    words.update(collective_titles())   # 江泽民、…、李岚清等党和国家领导人出席: a list of leaders
    return frozenset(words)


@cache
def trigger_words() -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the trigger words starting with it (longest first)."""
    by_first: dict[str, set[int]] = {}
    for w in trigger_set():
        by_first.setdefault(w[0], set()).add(len(w))
    return {ch: tuple(sorted(lens, reverse=True)) for ch, lens in by_first.items()}


def find_trigger(text: str) -> Optional[str]:
    """The first trigger word in ``text``, or None."""
    index, words = trigger_words(), trigger_set()
    get = index.get
    for i, ch in enumerate(text):
        lens = get(ch)
        if lens:
            for n in lens:
                if text[i:i + n] in words:
                    return text[i:i + n]
    return None


def has_trigger(text: str) -> bool:
    """Whether ``text`` can hold an official or an organisation (cheap lexicon test)."""
    return find_trigger(text) is not None


# ---------------------------------------------------------------- sentences

def sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start_char, end_char) of the Doc's sentences: its own boundaries when it has them,
    else the project's sentence splitter."""
    if len(doc) > 1 and doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return text_sentences(text)


def text_sentences(text: str) -> list[tuple[int, int]]:
    """(start_char, end_char) of the sentences of ``text`` (the project's sentence splitter)."""
    from ..text.sentences import split_sentences


    return split_sentences(text)


# ---------------------------------------------------------------- component

class RecognizerComponent:
    """spaCy component: sets ``doc.spans[spans_key]`` from the trained model on triggered sentences."""

    def __init__(self, nlp: Language, name: str, *, model: Optional[str] = None, trigger: bool = True,
                 spans_key: str = SPANS_KEY, batch_size: int = 64, tokens: Optional[str] = None) -> None:
        self.name = name
        self.model_path = Path(model) if model else MODEL_DIR
        self.trigger = trigger
        self.spans_key = spans_key
        self.batch_size = batch_size
        self._tokens = tokens  # "words" / "char"; None: as the model's meta.json says
        self._host_tokenizer = nlp.tokenizer
        #: the pkuseg tokenizer a words model reads (settable: share one that is loaded already)
        self.segmenter = None
        self._model: Optional[Language] = None
        self._info: Optional[dict] = None
        #: sentences / characters seen and run through the model (for measuring the trigger)
        self.stats: Counter = Counter()

    # the model --------------------------------------------------------
    @property
    def ner_model(self) -> Language:
        """The trained pipeline, loaded on first use. (Not ``model``: spaCy probes a component's
        ``model`` attribute when it links pipelines, which would load this at construction.)"""
        if self._model is None:
            from . import wordfeats  # noqa: F401 - registers the charwords model's first component

            self._model = load_model(self.model_path)
            modelops.fast_ops(self._model)   # numpy's gemm, not blis's generic kernel
            if self._needs_pkuseg() and "newsfacts_wordfeats" in self._model.pipe_names:
                # share the process's pkuseg, never load a second one
                self._model.get_pipe("newsfacts_wordfeats").tokenizer = self._segmenter()
        return self._model

    def _needs_pkuseg(self) -> bool:
        """Whether the model reads pkuseg words (a words model, or a charwords model whose word
        features come from pkuseg rather than the lexicon segmenter)."""
        if self.tokens == "words":
            return True
        if self.tokens != "charwords" or self._model is None:
            return False
        if "newsfacts_wordfeats" not in self._model.pipe_names:
            return False
        return self._model.get_pipe("newsfacts_wordfeats").segmenter == "pkuseg"

    @property
    def info(self) -> dict:
        if self._info is None:
            self._info = model_info(self.model_path)
        return self._info

    @property
    def model_id(self) -> str:
        """The model's name and version, e.g. ``zh_newsfacts_ner-0.1.0``."""
        return self.info["id"]

    @property
    def tokens(self) -> str:
        """What the model reads: ``words`` (pkuseg), ``char``, or ``charwords`` (characters with
        their pkuseg word's features, extract.facts.wordfeats)."""
        return self._tokens or self.info["tokens"]

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        """Load the model (and its segmenter) and the trigger lexicon so the first document is not slow."""
        if nlp is not None:
            self._host_tokenizer = nlp.tokenizer
        self.ner_model
        if self._needs_pkuseg():
            self._segmenter()
        trigger_words()

    # running ----------------------------------------------------------
    def _segmenter(self):
        if self.segmenter is None:
            if _is_pkuseg(self._host_tokenizer):
                self.segmenter = self._host_tokenizer
            else:
                from ..nlp import segmenter   # the process's one pkuseg
                self.segmenter = segmenter()
        return self.segmenter

    def _model_docs(self, texts: list[str], words: Optional[list[list[tuple[int, int]]]] = None
                    ) -> list[tuple[Doc, list[int]]]:
        """Each text as a Doc of the model's tokens, with each token's start offset in the text.
        ``words``: each text's pkuseg words as (start, end) offsets, when the host has them."""
        if self.tokens in ("char", "charwords"):  # charwords: the model's first component reads the words
            fast = is_char_tokenizer(self.ner_model.tokenizer)   # extract.facts.chardoc
            out = []
            for i, t in enumerate(texts):
                if fast:
                    ws, spaces, starts = char_words(t)
                    d = Doc(self.ner_model.vocab, words=ws, spaces=spaces)
                    d.user_data[TOKENS_KEY] = (starts, [len(w) for w in ws], t)
                else:
                    d = self.ner_model.make_doc(t)
                    starts = [tok.idx for tok in d]
                if self.tokens == "charwords" and words is not None:
                    d.user_data[WORDS_KEY] = words[i]
                out.append((d, starts))
            return out
        vocab, out = self.ner_model.vocab, []
        for i, text in enumerate(texts):
            offs = words[i] if words is not None else segment(text, self._segmenter())
            ws, starts = [text[a:b] for a, b in offs], [a for a, _ in offs]
            spaces = [k + 1 < len(ws) and starts[k] + len(w) < starts[k + 1] for k, w in enumerate(ws)]
            out.append((Doc(vocab, words=ws, spaces=spaces), starts))
        return out

    def _host_words(self, doc: Doc, spans: list[tuple[int, int]]) -> Optional[list[list[tuple[int, int]]]]:
        """Each sentence's words as (start, end) offsets in the sentence, from the host Doc's own
        pkuseg words (no second segmentation); None when the host's tokens are not pkuseg words,
        the model reads plain characters, or a word crosses a sentence edge."""
        if self.tokens == "char" or not _is_pkuseg(self._host_tokenizer):
            return None
        self.ner_model
        if not self._needs_pkuseg():   # the model segments with its own lexicon
            return None
        toks = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        out, k = [], 0
        for s, e in spans:
            while k < len(toks) and toks[k][0] < s:
                k += 1
            words = []
            while k < len(toks) and toks[k][0] < e:
                a, b = toks[k]
                if b > e:
                    return None
                words.append((a - s, b - s))
                k += 1
            out.append(words)
        return out

    def predict_texts(self, texts: Iterable[str], words: Optional[list[list[tuple[int, int]]]] = None
                      ) -> list[list[tuple[int, int, str, Optional[float]]]]:
        """The model's spans (start, end, label, score) for each text, by character offsets
        (``words``: each text's pkuseg words, when known; else the model segments as it needs)."""
        return self._predict(self._model_docs(list(texts), words))

    def _predict(self, pairs: list[tuple[Doc, list[int]]]) -> list[list[tuple[int, int, str, Optional[float]]]]:
        out = []
        model = self.ner_model
        with modelops.one_thread():
            sdocs = list(model.pipe((d for d, _ in pairs), batch_size=self.batch_size))
        for (_, starts), sdoc in zip(pairs, sdocs):
            out.append([(starts[e.start], starts[e.end - 1] + len(sdoc[e.end - 1].text), e.label_, None)
                        for e in sdoc.ents])
        return out

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        chosen = []
        for s, e in sentence_spans(doc, text):
            self.stats["sentences"] += 1
            self.stats["chars"] += e - s
            if not self.trigger or has_trigger(text[s:e]):
                chosen.append((s, e))
                self.stats["sentences_run"] += 1
                self.stats["chars_run"] += e - s
        found: list[tuple[int, int, str, Optional[float]]] = []
        if chosen:
            words = self._host_words(doc, chosen)
            results = self.predict_texts([text[a:b] for a, b in chosen], words)
            for (s, _), spans in zip(chosen, results):
                found += [(s + a, s + b, label, score) for a, b, label, score in spans]
        spans, chars = [], []
        for a, b, label, score in found:
            span = doc.char_span(a, b, label=label, alignment_mode="strict")
            if span is None:
                span = doc.char_span(a, b, label=label, alignment_mode="expand")
            if span is None:  # only whitespace tokens: nothing to point at
                continue
            spans.append(span)
            chars.append([a, b, label, score])
        group = SpanGroup(doc, name=self.spans_key, spans=spans,
                          attrs={"model": self.model_id, "chars": chars})
        doc.spans[self.spans_key] = group
        return doc


def recognized(doc: Doc, key: str = SPANS_KEY) -> list[Recognized]:
    """The recogniser's spans on ``doc`` by exact character offsets (empty when it has not run)."""
    if key not in doc.spans:
        return []
    text = doc_text(doc)
    chars = doc.spans[key].attrs.get("chars")
    if chars is None:  # a group set by someone else: its spans are all there is
        return [Recognized(s.start_char, s.end_char, s.label_, None, s.text) for s in doc.spans[key]]
    return [Recognized(a, b, label, score, text[a:b]) for a, b, label, score in chars]


@Language.factory("recognizer", default_config={"model": None, "trigger": True, "spans_key": SPANS_KEY,
                                                "batch_size": 64, "tokens": None})
def make_recognizer(nlp: Language, name: str, model: Optional[str], trigger: bool, spans_key: str,
                    batch_size: int, tokens: Optional[str]) -> RecognizerComponent:
    """Factory for the "recognizer" pipeline component (``model``: a model folder, None = the
    shipped one; ``trigger``: False runs every sentence; ``tokens``: "words"/"char" to override
    what the model's meta.json says it reads)."""
    return RecognizerComponent(nlp, name, model=model, trigger=trigger, spans_key=spans_key,
                               batch_size=batch_size, tokens=tokens)
