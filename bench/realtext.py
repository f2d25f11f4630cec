"""Real text nobody here wrote, cut into documents: every corpus in ../shared/corpora.

Each corpus's sentences are joined into documents of about 2,000 characters (a paragraph a
sentence group), and each document is laid out twice: as flowing text, and as a narrow OCR
column with a hard line break every 13–16 characters. Used by ``tests/test_realtext.py``
(a sample) and ``bench/realtext_full.py`` (everything).
"""
from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


def _segmented(path: Path) -> Iterator[str]:
    """Sentences of a word-segmented file (words separated by spaces, a sentence a line)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            s = "".join(line.split())
            if s:
                yield s


def _char_tagged(path: Path) -> Iterator[str]:
    """Sentences of a character-per-line tagged file (BIO or BMES; blank line between sentences)."""
    buf: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if buf:
                    yield "".join(buf)
                    buf = []
                continue
            buf.append(parts[0])
    if buf:
        yield "".join(buf)


def _cluener(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)["text"]


#: corpus name -> (reader, files under ../shared/corpora)
CORPUS_FILES = {
    "ctb6": (_segmented, ["ctb6/ctb6.dev.seg", "ctb6/ctb6.test.seg"]),
    "pku": (_segmented, ["cws/pku_test_gold.utf8"]),
    "msr": (_segmented, ["cws/msr_test_gold.utf8"]),
    "msra_ner": (_char_tagged, ["ner/msra_test_bio.txt"]),
    "peoples_daily_ner": (_char_tagged, ["ner/peoples_daily_dev.bio", "ner/peoples_daily_test.bio"]),
    "resume_ner": (_char_tagged, ["ner/resume/train.char.bmes", "ner/resume/dev.char.bmes",
                                  "ner/resume/test.char.bmes"]),
    "cluener": (_cluener, ["cluener2020/train.json", "cluener2020/dev.json"]),
}


def available() -> bool:
    return all((CORPORA / f).exists() for _, files in CORPUS_FILES.values() for f in files)


def documents(corpus: str, size: int = 2000, para: int = 300) -> list[list[str]]:
    """The corpus as documents of about ``size`` characters, each a list of paragraphs of
    about ``para`` characters (whole sentences)."""
    reader, files = CORPUS_FILES[corpus]
    docs: list[list[str]] = []
    paras: list[str] = []
    cur, n = "", 0
    for f in files:
        for sentence in reader(CORPORA / f):
            cur += sentence
            if len(cur) >= para:
                paras.append(cur)
                n += len(cur)
                cur = ""
            if n >= size:
                docs.append(paras)
                paras, n = [], 0
    if cur:
        paras.append(cur)
    if paras:
        docs.append(paras)
    return docs


def flowing(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def column(paras: list[str], width: int) -> str:
    """A narrow OCR column: a hard line break every ``width`` characters, inside words."""
    return "\n\n".join("\n".join(p[i:i + width] for i in range(0, len(p), width)) for p in paras) + "\n"


def pages(corpora: list[str] | None = None, per_corpus: int | None = None,
          seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """(corpus, name, text) for each document in both layouts; ``per_corpus`` samples."""
    rng = random.Random(seed)
    for corpus in corpora or list(CORPUS_FILES):
        docs = documents(corpus)
        if per_corpus is not None and per_corpus < len(docs):
            docs = rng.sample(docs, per_corpus)
        for i, paras in enumerate(docs):
            yield corpus, f"{corpus}_flow_{i:04d}.txt", flowing(paras)
            yield corpus, f"{corpus}_column_{i:04d}.txt", column(paras, rng.randint(13, 16))
