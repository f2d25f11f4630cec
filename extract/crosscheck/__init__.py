"""Cross-version checking: group versions of one story, align them, flag discrepancies.

group.py     near-duplicate search (MinHash LSH on character shingles) + containment check
canon.py     a story's comparison text: whitespace gone, width folded, each char → raw offset
align.py     clause-level anchoring (survives reordering), then character alignment up to the
             sentence edges
classify.py  similar glyph / homophone / numeral / omission / transposition …
numerals.py  number runs, their values, look-alike numerals (十/千, 万/方)
datecmp.py   one reference date a group; every version's dates resolved against it
compare.py   discrepancy regions across all versions → Conflict records with consensus
furniture.py headlines, datelines, bylines and end marks compared the same way
"""
from .compare import check_records

__all__ = ["check_records"]
