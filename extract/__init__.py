"""newsfacts' extractor. Importing the package imports nothing heavy; it only arranges that
spaCy, when something imports it, comes without its command line (extract/spacy_import.py)."""
from .spacy_import import defer_cli

defer_cli()
