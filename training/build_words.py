"""Build extract/data/words.txt: the word list of the recogniser's lexicon segmenter.

    .venv/bin/python training/build_words.py

The recogniser's character model reads, beside each character, the word around it
(extract/facts/wordfeats.py). Those words come from a forward maximum-matching segmenter over
this list, not from pkuseg, so the recogniser needs no 800 MB segmentation model. Sources:

* the words of 2+ characters of the SIGHAN 2005 PKU and MSR test gold segmentations
  (``../shared/corpora/cws/``, research use) and CTB6 dev/test (``../shared/corpora/ctb6/``,
  LDC, research use);
* the words of 2+ characters pkuseg finds at least twice in the recogniser's training text
  (CLUENER2020 train, People's Daily NER dev, MSRA NER test), so the list knows what pkuseg knows
  about that kind of text;
* the project's user dictionary (titles, organisation names: extract.nlp.user_dict_words).

Words are 2-12 characters, Han only (numbers and Latin runs are segmented by character class).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "extract" / "data" / "words.txt"
HAN = regex.compile(r"\p{Han}{2,12}")


def gold_words() -> set[str]:
    out: set[str] = set()
    for path in [CORPORA / "cws" / "pku_test_gold.utf8", CORPORA / "cws" / "msr_test_gold.utf8",
                 CORPORA / "ctb6" / "ctb6.dev.seg", CORPORA / "ctb6" / "ctb6.test.seg"]:
        for w in path.read_text(encoding="utf-8").split():
            if HAN.fullmatch(w):
                out.add(w)
    return out


def pkuseg_words(min_count: int = 2) -> set[str]:
    from convert import TRAIN_FILES, read_bio, read_cluener

    from extract.nlp import segmenter

    seg = segmenter()
    texts = [s["text"] for s in read_cluener(TRAIN_FILES["cluener_train"])]
    texts += [s["text"] for n in ("pd_dev", "msra_test") for s in read_bio(TRAIN_FILES[n])]
    c: Counter = Counter()
    for t in texts:
        c.update(tok.text for tok in seg(t) if HAN.fullmatch(tok.text))
    return {w for w, n in c.items() if n >= min_count}


def main() -> int:
    from extract.nlp import user_dict_words

    words = gold_words() | pkuseg_words() | {w for w in user_dict_words() if HAN.fullmatch(w)}
    header = [
        "# words.txt: words of the recogniser's lexicon segmenter (extract/facts/wordfeats.py), one a line.",
        "# Source: SIGHAN 2005 PKU/MSR test gold and CTB6 dev/test segmentations (../shared/corpora, research",
        "# use); words pkuseg finds twice in the recogniser's training text; the project's user dictionary.",
        "# Built by training/build_words.py; do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
