"""The spaCy pipeline: ``zh`` plus newsfacts' components, with pkuseg words where they are used.

Nothing heavy happens at import. ``build_nlp()`` creates the pipeline. Its Docs have spaCy's
character tokens by default: no extractor reads a word, so the whole text is not segmented.
pkuseg (about 3.5 s and 800 MB to load) is loaded once per process, on first use, by
``segmenter()``: the recogniser segments the sentences it runs on (those that pass its
trigger), and ``--words`` segments every sentence. ``build_nlp(words=True)`` gives the old
pipeline whose Docs are pkuseg words. Either way the user dictionary of titles and
organisation names is added so they stay single words.
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import model
from .errors import ModelMissingError
from .facts import registry

# The components, their modules and declarations come from the registry (extract/facts/registry.py).
MODULES = {c.name: c.module for c in registry.COMPONENTS}


def pipeline_order(components: tuple[registry.Component, ...] = registry.COMPONENTS) -> list[str]:
    """Component names in an order where each runs after every component that assigns what it
    requires (a topological sort; where the declarations leave it open, ``components``' order).

    A requirement nobody assigns is not an ordering constraint (spaCy's ``analyze_pipes`` reports
    it); a cycle raises ValueError."""
    assigners: dict[str, set[str]] = {}
    for c in components:
        for attr in c.assigns:
            assigners.setdefault(attr, set()).add(c.name)
    before = {c.name: {a for attr in c.requires for a in assigners.get(attr, ()) if a != c.name}
              for c in components}
    order: list[str] = []
    while len(order) < len(components):
        ready = next((c.name for c in components if c.name not in order and before[c.name] <= set(order)), None)
        if ready is None:
            left = sorted(set(before) - set(order))
            raise ValueError(f"components require each other's output in a cycle: {', '.join(left)}")
        order.append(ready)
    return order


COMPONENTS = tuple(pipeline_order())


def _declare(c: registry.Component) -> None:
    """Give a factory the registry's ``requires``/``assigns`` when its decorator did not; a
    factory that declares something else is an error (the registry is the one definition)."""
    meta = Language.get_factory_meta(c.name)
    for key in ("requires", "assigns"):
        have, want = list(getattr(meta, key) or ()), list(getattr(c, key))
        if not have and want:
            setattr(meta, key, want)
        elif have != want:
            raise RuntimeError(f"factory {c.name!r} declares {key}={have}, the registry {want}")


def register_components() -> list[str]:
    """Import the component modules so their ``Language.factory`` registrations exist, with the
    registry's declarations; returns the component names in pipeline order."""
    for c in registry.COMPONENTS:
        importlib.import_module(c.module)
        _declare(c)
    return list(COMPONENTS)


def user_dict_words() -> list[str]:
    """Titles and organisation names from the lexicons, plus the words of the file named
    by ``NEWSFACTS_USER_DICT`` (one word a line, ``#`` comments): words pkuseg must not split."""
    from .facts import lexicon

    words = list(lexicon.user_dict_words())
    extra = os.environ.get("NEWSFACTS_USER_DICT")
    if extra:
        for line in Path(extra).read_text(encoding="utf-8").splitlines():
            w = line.split("#", 1)[0].strip()
            if w:
                words.append(w)
    return words


def require_model(model_dir: str | Path | None = None) -> Path:
    """The pkuseg model folder; ModelMissingError naming the fetch command when it is absent."""
    path = Path(model_dir) if model_dir else model.model_dir()
    if not model.is_present(path):
        raise ModelMissingError(
            f"pkuseg model not found in {path}; fetch it with: {model.FETCH_COMMAND} "
            f"(set NEWSFACTS_MODEL_DIR to use another folder)")
    return path


def _pkuseg_nlp(path: Path, user_words: list[str] | None) -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(path))
    words = user_dict_words() if user_words is None else user_words
    if words:
        nlp.tokenizer.pkuseg_update_user_dict(sorted(set(words)))
    return nlp


@lru_cache(maxsize=2)
def _segmenter(path: str) -> object:
    return _pkuseg_nlp(Path(path), None).tokenizer


def segmenter(model_dir: Path | None = None):
    """The process's pkuseg tokenizer (spaCy's ``ChineseTokenizer``) with the user dictionary,
    loaded on first use and shared by everything that needs words."""
    return _segmenter(str(require_model(model_dir)))


def build_nlp(model_dir: Path | None = None, *, components: bool = True,
              user_words: list[str] | None = None, words: bool | None = None) -> Language:
    """A ``zh`` pipeline with the fact components. Its Docs have character tokens, and pkuseg
    is loaded only when something needs words (see the module doc); ``words=True`` makes Docs of
    pkuseg words (loads pkuseg now). ``components=False`` is the bare segmenter: pkuseg words
    unless ``words=False``."""
    path = require_model(model_dir)
    if words is None:
        words = not components
    nlp = _pkuseg_nlp(path, user_words) if words else spacy.blank("zh")
    if components:
        for name in register_components():
            component = nlp.add_pipe(name)
            init = getattr(component, "initialize", None)
            if init is not None:  # not nlp.initialize(): that would reset the tokenizer
                init(lambda: [], nlp=nlp)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(model_dir: str | None = None) -> Language:
    """One pipeline per process (the model is large)."""
    return build_nlp(Path(model_dir) if model_dir else None)
