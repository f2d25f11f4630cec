"""`spacy train --code training/code.py`: registers the project's components (newsfacts_wordfeats)."""
import extract.facts.wordfeats  # noqa: F401
