"""The pipeline's components and the fact kinds, defined once.

Everything that needs the list of components or of fact kinds reads it from here: ``extract.nlp``
(which modules register which spaCy factories, and the pipeline's order), ``extract.pipeline``
(which Doc extensions hold a story's facts), the loader (which record lists are facts).
``pyproject.toml``'s ``spacy_factories`` entry points are static text; a test checks that they
agree with ``COMPONENTS``.

A *fact kind* is a component whose output is a list on the Doc (``doc._.<name>``) that becomes the
story record's list of the same name. Importing this module imports nothing heavy.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Component:
    """One spaCy component of the pipeline."""

    name: str               # the factory name (and, for a fact kind, the Doc extension and record field)
    module: str             # the module whose import registers the factory
    factory: str            # the factory function in ``module`` (the entry point's target)
    assigns: tuple[str, ...] = ()    # what it sets (spaCy's ``Language.factory(assigns=...)``)
    requires: tuple[str, ...] = ()   # what it reads that another component sets
    fact: bool = True       # its output is a fact list of the story record

    @property
    def entry_point(self) -> str:
        return f"{self.module}:{self.factory}"

    @property
    def declared(self) -> dict[str, list[str]]:
        """``requires`` and ``assigns`` as ``Language.factory`` takes them."""
        return {"requires": list(self.requires), "assigns": list(self.assigns)}


#: Every component. The pipeline's order follows from ``requires`` and ``assigns``
#: (``extract.nlp.pipeline_order``); where they leave it open, this order is kept.
#: ``doc._.reference_date`` is read by "dates" but set by the pipeline before any component
#: runs, so it is nobody's ``assigns`` and nobody's ``requires``.
COMPONENTS: tuple[Component, ...] = (
    Component("recognizer", "extract.facts.recognizer", "make_recognizer", fact=False,
              assigns=("doc.spans",)),  # doc.spans["ner"]: PER, ORG, TITLE, LOC
    Component("officials", "extract.facts.officials", "make_officials",
              assigns=("doc._.officials",), requires=("doc.spans",)),  # the recogniser's names re-cut the rules'
    Component("organizations", "extract.facts.organizations", "make_organizations",
              assigns=("doc._.organizations",), requires=("doc.spans",)),  # the recogniser's ORG spans
    Component("claims", "extract.facts.claims", "make_claims",
              assigns=("doc._.claims",), requires=("doc.spans",)),  # a number inside a recognised name is no claim
    Component("dates", "extract.facts.dates", "make_dates",
              assigns=("doc._.dates",)),
    Component("events", "extract.facts.events", "make_events",
              assigns=("doc._.events",), requires=("doc._.dates", "doc._.officials")),
)

BY_NAME: dict[str, Component] = {c.name: c for c in COMPONENTS}

#: The fact kinds: the story record's fact lists, each set by the component of the same name.
FACT_KINDS: tuple[str, ...] = tuple(c.name for c in COMPONENTS if c.fact)

#: Factories that are no pipeline component of ours but must be found by ``spacy.load``: the
#: recogniser model's first component (so ``spacy.load("extract/data/models/ner")`` works in a
#: user's own code without importing newsfacts first). Entry points in pyproject.toml too.
MODEL_FACTORIES: dict[str, str] = {"newsfacts_wordfeats": "extract.facts.wordfeats:make_wordfeats"}
