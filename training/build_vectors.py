"""Static character vectors for the recogniser, from raw text in ../shared/corpora (no download).

    python training/build_vectors.py [--out training/corpus/vectors] [--dim 100] [--window 3]

A character the labelled corpora see a few times (埙 in 严义埙) gets its meaning from how it is
used in a few million characters of unlabelled news. The vectors are the classic count-based
kind (Levy, Goldberg & Dagan 2015): positive pointwise mutual information of each character with
the characters within ``--window`` of it (weighted 1/distance, context counts smoothed by
alpha = 0.75), reduced by a truncated SVD to ``--dim`` dimensions (U·sqrt(S), rows normalised).
Deterministic: the same text gives the same vectors. numpy and scipy only.

Text: the training corpora (CLUENER2020 train, People's Daily NER dev, MSRA NER test) plus the
unlabelled segmentation corpora (CTB6 dev/test, SIGHAN PKU and MSR test gold, words joined). Any
line that also stands in a held-out set (CLUENER2020 dev, People's Daily NER test) is dropped, so
nothing of what the recogniser is measured on shapes its vectors.

Writes ``vectors.txt`` (word2vec text format) and ``stats.json``; ``spacy init vectors zh
vectors.txt DIR`` turns it into what ``[initialize] vectors`` loads (training/train.sh).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

from convert import CORPORA, HELDOUT_FILES, TRAIN_FILES, read_corpus, sha256  # noqa: E402

SEG_FILES = [CORPORA / "ctb6" / "ctb6.dev.seg", CORPORA / "ctb6" / "ctb6.test.seg",
             CORPORA / "cws" / "pku_test_gold.utf8", CORPORA / "cws" / "msr_test_gold.utf8"]


def raw_lines() -> tuple[list[str], dict[str, str]]:
    """Every usable line of text and the sha256 of each file read."""
    heldout = {s["text"] for path in HELDOUT_FILES.values() for s in read_corpus(path)}
    lines: list[str] = []
    files = {}
    for path in TRAIN_FILES.values():
        lines += [s["text"] for s in read_corpus(path)]
        files[str(path.relative_to(CORPORA.parent))] = sha256(path)
    for path in SEG_FILES:
        lines += ["".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
        files[str(path.relative_to(CORPORA.parent))] = sha256(path)
    return [t for t in lines if t and t not in heldout], files


def cooccurrence(lines: list[str], vocab: dict[str, int], window: int) -> sparse.csr_matrix:
    """Symmetric character co-occurrence counts within ``window``, weighted 1/distance."""
    n = len(vocab)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for text in lines:
        ids = np.array([vocab.get(c, -1) for c in text], dtype=np.int64)
        for d in range(1, window + 1):
            if len(ids) <= d:
                break
            a, b = ids[:-d], ids[d:]
            keep = (a >= 0) & (b >= 0)
            a, b = a[keep], b[keep]
            w = np.full(len(a), 1.0 / d)
            rows += [a, b]
            cols += [b, a]
            vals += [w, w]
    m = sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    return m.tocsr()


def ppmi(counts: sparse.csr_matrix, alpha: float = 0.75) -> sparse.csr_matrix:
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    col_p = col / col.sum()
    coo = counts.tocoo()
    pmi = np.log((coo.data / total) / ((row[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    return sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)


def vectors(matrix: sparse.csr_matrix, dim: int) -> np.ndarray:
    v0 = np.ones(matrix.shape[0]) / np.sqrt(matrix.shape[0])  # fixed start: deterministic ARPACK
    u, s, _ = svds(matrix, k=dim, v0=v0)
    order = np.argsort(-s)
    emb = u[:, order] * np.sqrt(s[order])
    # an SVD vector's sign is arbitrary: fix it so the largest component is positive
    signs = np.sign(emb[np.abs(emb).argmax(axis=0), np.arange(emb.shape[1])])
    emb *= signs
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return emb / np.where(norms == 0, 1, norms)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus" / "vectors")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    lines, files = raw_lines()
    freq = Counter(c for t in lines for c in t if not c.isspace())
    chars = sorted((c for c, k in freq.items() if k >= args.min_count), key=lambda c: (-freq[c], c))
    vocab = {c: i for i, c in enumerate(chars)}
    emb = vectors(ppmi(cooccurrence(lines, vocab, args.window)), args.dim)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "vectors.txt", "w", encoding="utf-8") as fh:
        fh.write(f"{len(chars)} {args.dim}\n")
        for c, row in zip(chars, emb):
            fh.write(c + " " + " ".join(f"{x:.5f}" for x in row) + "\n")
    stats = {"lines": len(lines), "chars": sum(map(len, lines)), "vocab": len(chars),
             "dim": args.dim, "window": args.window, "min_count": args.min_count, "files": files}
    (args.out / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in stats.items() if k != "files"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
