"""Fact recognizers, one spaCy component per fact kind (registered with ``Language.factory``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing extract.facts (e.g. its registry) does not import spaCy
    from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy rebuilds ``Doc.text`` from its tokens on every access; with five components
    reading it that was a fifth of the pipeline's time.
    """
    cached = doc.user_data.get("newsfacts.text")
    if cached is None:
        cached = doc.user_data["newsfacts.text"] = doc.text
    return cached
