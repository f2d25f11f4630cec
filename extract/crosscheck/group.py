"""Find the versions of one story among many: MinHash LSH candidates, then containment.

Each story is reduced to its set of character 5-gram shingles over the canonical text
with punctuation removed (so punctuation width and line breaks do not matter). Banded LSH over
MinHash signatures proposes candidate pairs in time near-linear in the number of
stories; each candidate is then verified exactly by
*containment*,
|A ∩ B| / min(|A|, |B|), because a version may be partial (a page that prints only some
sections of a story). Stories on related topics that merely share officials' titles fall
far below the containment threshold. Groups are the connected components of verified
pairs; stories from the same source document are never versions of each other.
"""
from __future__ import annotations

import hashlib
from functools import cache
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .canon import is_punct

SHINGLE = 5
NUM_PERM = 128
CONTAINMENT = 0.5
MIN_SHINGLES = 20
MIN_SHARED = 60  # shingles two versions must share, so one common sentence cannot chain stories
LSH_THRESHOLD = 0.2  # Jaccard of a half-length partial version with containment 0.5


def shingles(text: str, k: int = SHINGLE) -> np.ndarray:
    """Sorted unique 32-bit hashes of the character k-grams (punctuation removed).

    Hashes in a NumPy array take ~4 bytes a shingle instead of a Python string each:
    20,000 stories fit in tens of megabytes.
    """
    core = "".join(ch for ch in text if not is_punct(ch)).encode("utf-32-le")
    w = 4 * k
    return np.unique(np.fromiter((zlib.crc32(core[i:i + w]) for i in range(0, len(core) - w + 4, 4)),
                                 dtype=np.uint32, count=max(0, len(core) // 4 - k + 1)))


def _identity(x: int) -> int:
    return x


def minhash(sh: np.ndarray) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=_identity)
    if len(sh):
        m.update_batch(sh.tolist())
    return m


@dataclass
class Grouping:
    groups: list[list[int]]  # indices into the input sequence, each sorted
    pairs_checked: int


def shared(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.intersect1d(a, b, assume_unique=True).size)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    small = min(len(a), len(b))
    return shared(a, b) / small if small else 0.0


def versions_of_one_story(a: np.ndarray, b: np.ndarray, threshold: float = CONTAINMENT) -> bool:
    """The exact check of a candidate pair: enough shared shingles, and containment."""
    common = shared(a, b)
    return common >= MIN_SHARED and common / min(len(a), len(b)) >= threshold


@cache
def lsh_bands() -> list[tuple[int, int]]:
    """The bands (start, end) of a signature that ``MinHashLSH`` uses at ``LSH_THRESHOLD``: two
    stories are candidates when any band of their signatures is equal (28 bands of 2 rows)."""
    return list(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def band_keys(sh: np.ndarray) -> list[bytes]:
    """One key a band for a story's shingles (none below ``MIN_SHINGLES``): the band's number and
    its signature values, so equal keys are exactly the bands ``MinHashLSH`` matches."""
    if len(sh) < MIN_SHINGLES:
        return []
    hv = minhash(sh).hashvalues
    return [bytes([k]) + hv[a:b].tobytes() for k, (a, b) in enumerate(lsh_bands())]


def group_versions(texts: Sequence[str], docs: Sequence[str], *,
                   threshold: float = CONTAINMENT) -> Grouping:
    """Group indices of ``texts`` that are versions of one story."""
    sets = [shingles(t) for t in texts]
    sigs = {i: minhash(sh) for i, sh in enumerate(sets) if len(sh) >= MIN_SHINGLES}
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked = 0
    if len(sigs) > 1:
        # banded MinHash LSH proposes pairs with estimated Jaccard >= LSH_THRESHOLD;
        # the exact containment check below decides
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        for i, sig in sigs.items():
            lsh.insert(i, sig)
        for i, sig in sigs.items():
            for j in lsh.query(sig):
                if j <= i or docs[i] == docs[j] or find(i) == find(j):
                    continue
                checked += 1
                if versions_of_one_story(sets[i], sets[j], threshold):
                    parent[find(i)] = find(j)
    comps: dict[int, list[int]] = {}
    for i in range(len(texts)):
        comps.setdefault(find(i), []).append(i)
    groups = sorted((sorted(c) for c in comps.values() if len(c) > 1), key=lambda c: c[0])
    return Grouping(groups, checked)


def group_id(story_ids: Sequence[str]) -> str:
    return "g_" + hashlib.sha1("\x00".join(sorted(story_ids)).encode()).hexdigest()[:12]

