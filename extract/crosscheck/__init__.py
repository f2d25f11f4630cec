"""Cross-version checking: group versions of one story, align them, flag discrepancies.

group.py     near-duplicate search (MinHash LSH on character shingles) + containment check
canon.py     a story's comparison text: whitespace gone, width folded, each char → raw offset
align.py     clause-level anchoring (survives reordering), then character alignment
classify.py  similar glyph / homophone / numeral / omission / transposition …
compare.py   discrepancy regions across all versions → Conflict records with consensus
"""
from .compare import check_records

__all__ = ["check_records"]
