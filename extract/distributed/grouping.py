"""Grouping for the Ray check (check.py steps 2–3): LSH band rows into buckets, star pairs
(round 1), pairs across round-1 labels (round 2), verification by containment as two
reduce-side joins, and connected components on the driver. See check.py's docstring for what
each step shuffles and holds."""
from __future__ import annotations

import numpy as np

from .blocks import _table, _empty, _col, _schemas

PARTITION_BYTES = 64 << 20  # a shuffle partition holds about this much at most (and there are 2+ a CPU)


def _bands(batch):
    """One row (band key, seq, doc) a band of every story with a signature. A story's keys are of
    one length (band number + the band's signature values, whose width is the MinHash library's:
    32-bit values in datasketch 2), so the concatenation is cut into ``len(lsh_bands())`` pieces.
    A story below MIN_SHINGLES has no keys and is never a candidate."""
    from ..crosscheck.group import lsh_bands

    n = len(lsh_bands())
    keys: list[bytes] = []
    seqs: list[int] = []
    docs: list[int] = []
    if not _empty(batch):
        for seq, doc, b in zip(_col(batch, "seq"), _col(batch, "doc"), _col(batch, "bands")):
            if not b:
                continue
            width = len(b) // n
            keys += [b[i:i + width] for i in range(0, len(b), width)]
            seqs += [int(seq)] * n
            docs += [_doc_hash(doc)] * n
    return _table(_schemas()["bands"], {"key": keys, "seq": seqs, "doc": docs})


def _ints(batch, name: str) -> np.ndarray:
    c = batch[name]
    return np.asarray(c.to_numpy() if hasattr(c, "to_numpy") else c, dtype=np.int64)


def _bucket(group):
    """One LSH bucket (the stories with one band key) as one row: its members' seqs, ascending,
    and their source documents, as int64 arrays. A bucket of one story gives no row."""
    seqs, first = np.unique(_ints(group, "seq"), return_index=True)
    if len(seqs) < 2:
        return _table(_schemas()["buckets"], {"seqs": [], "docs": []})
    return _table(_schemas()["buckets"], {"seqs": [seqs.tobytes()], "docs": [_ints(group, "doc")[first].tobytes()]})


def _flat(batch) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A batch of buckets as flat arrays: seqs, docs, and each bucket's size and start."""
    parts = [bytes(x) for x in _col(batch, "seqs")]
    sizes = np.array([len(x) // 8 for x in parts], dtype=np.int64)
    seqs = np.frombuffer(b"".join(parts), dtype=np.int64)
    docs = np.frombuffer(b"".join(bytes(x) for x in _col(batch, "docs")), dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
    return seqs, docs, sizes, starts


def _pair_table(a: list[np.ndarray], b: list[np.ndarray]):
    """Pairs (a < b) as rows (key = a, other = b), each once within the block."""
    if a and sum(len(x) for x in a):
        ab = np.unique(np.stack([np.concatenate(a), np.concatenate(b)], axis=1), axis=0)
        return _table(_schemas()["pairs"], {"key": ab[:, 0].tolist(), "other": ab[:, 1].tolist()})
    return _table(_schemas()["pairs"], {"key": [], "other": []})


def _star(batch):
    """Round 1: each member of a bucket paired with the bucket's smallest seq (its centre), unless
    they come from one source document: k − 1 pairs for a bucket of k, not k(k − 1)/2."""
    if _empty(batch):
        return _pair_table([], [])
    seqs, docs, sizes, starts = _flat(batch)
    bucket = np.repeat(np.arange(len(sizes)), sizes)
    centre, centre_doc = seqs[starts][bucket], docs[starts][bucket]
    keep = (seqs != centre) & (docs != centre_doc)
    return _pair_table([centre[keep]], [seqs[keep]])


def _lookup(table, seqs: np.ndarray) -> np.ndarray:
    """Each seq's label in ``table`` (sorted seqs, labels), or the seq itself (a story alone)."""
    known, labels = table
    if not len(known):
        return seqs.copy()
    i = np.searchsorted(known, seqs)
    i[i >= len(known)] = 0
    return np.where(known[i] == seqs, labels[i], seqs)


def _cross(batch, table):
    """Round 2: in each bucket, every pair of members whose round-1 labels differ (and whose source
    documents differ). Members are sorted by label and each label's members are paired with all
    members of the labels after it, in NumPy: the output is exactly those pairs, and a bucket
    whose members all have one label (the common case) gives none."""
    if _empty(batch):
        return _pair_table([], [])
    seqs, docs, sizes, starts = _flat(batch)
    labels = _lookup(table, seqs)
    mixed = np.flatnonzero(np.minimum.reduceat(labels, starts) != np.maximum.reduceat(labels, starts))
    out_a: list[np.ndarray] = []
    out_b: list[np.ndarray] = []
    for k in mixed:
        lo, hi = starts[k], starts[k] + sizes[k]
        order = np.argsort(labels[lo:hi], kind="stable")
        s, d, lab = seqs[lo:hi][order], docs[lo:hi][order], labels[lo:hi][order]
        cuts = np.flatnonzero(np.diff(lab)) + 1  # where a label's members end
        for first, end in zip(np.concatenate(([0], cuts)), cuts):
            x = np.repeat(np.arange(first, end), len(s) - end)
            y = np.tile(np.arange(end, len(s)), end - first)
            ok = d[x] != d[y]
            x, y = x[ok], y[ok]
            out_a.append(np.minimum(s[x], s[y]))
            out_b.append(np.maximum(s[x], s[y]))
    return _pair_table(out_a, out_b)


def _doc_hash(doc: str) -> int:
    """A source document as 64 bits, so both sides of a join have one column type."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(doc.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                          signed=True)


def _story_rows(batch):
    """Stories as join rows: (key = seq, other = -1, doc, sh)."""
    if _empty(batch):
        return _table(_schemas()["join"], {"key": [], "other": [], "doc": [], "sh": []})
    seqs = [int(x) for x in _col(batch, "seq")]
    return _table(_schemas()["join"], {"key": seqs, "other": [-1] * len(seqs),
                                       "doc": [_doc_hash(d) for d in _col(batch, "doc")], "sh": _col(batch, "sh")})


def _pair_rows(batch):
    """Candidate pairs as join rows: (key = a, other = b, doc = 0, sh = empty)."""
    if _empty(batch):
        return _table(_schemas()["join"], {"key": [], "other": [], "doc": [], "sh": []})
    keys = [int(x) for x in _col(batch, "key")]
    return _table(_schemas()["join"], {"key": keys, "other": [int(x) for x in _col(batch, "other")],
                                       "doc": [0] * len(keys), "sh": [b""] * len(keys)})


def _attach_first(group):
    """Key a: a's doc and shingles go to every partner b (each once), re-keyed by b."""
    keys, others, docs, shs = _col(group, "key"), _col(group, "other"), _col(group, "doc"), _col(group, "sh")
    story = [j for j, o in enumerate(others) if o == -1]
    partners = sorted(set(int(o) for o in others if o != -1)) if story else []
    a = int(keys[story[0]]) if story else 0
    doc, sh = (docs[story[0]], shs[story[0]]) if story else (0, b"")
    return _table(_schemas()["join"], {"key": partners, "other": [a] * len(partners),
                                       "doc": [doc] * len(partners), "sh": [sh] * len(partners)})


def _verify(group):
    """Key b: b's shingles meet each a's; the exact containment check keeps a verified pair."""
    from ..crosscheck.group import versions_of_one_story

    keys, others, docs, shs = _col(group, "key"), _col(group, "other"), _col(group, "doc"), _col(group, "sh")
    out = []
    story = [j for j, o in enumerate(others) if o == -1]
    if story:
        b, doc_b = int(keys[story[0]]), docs[story[0]]
        sh_b = np.frombuffer(bytes(shs[story[0]]), dtype=np.uint32)
        for a, doc_a, sh_a in zip(others, docs, shs):
            if a == -1 or doc_a == doc_b:
                continue
            if versions_of_one_story(np.frombuffer(bytes(sh_a), dtype=np.uint32), sh_b):
                out.append((int(a), b))
    return _table(_schemas()["verified"], {"a": [a for a, _ in out], "b": [b for _, b in out]})


def components(pairs: list[tuple[int, int]]) -> dict[int, int]:
    """seq → label (the smallest seq of its component) for every seq in a verified pair."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the root is the smallest seq
    return {x: find(x) for x in parent}


def _shuffled(ds, cpus: int, per_cpu: int = 2):
    """``ds`` materialised and cut into the partitions of the shuffle that follows. Ray's sort
    shuffle makes as many partitions as its input has blocks, and every input block sends a piece
    to every partition (blocks² objects, each with metadata on the driver): the ~300 blocks of
    64 stories the actor pool works on would be ~90,000 pieces a shuffle. So a shuffle gets
    ``per_cpu`` partitions a CPU, or more when that would make them larger than PARTITION_BYTES."""
    ds = ds.materialize()
    return ds.repartition(max(per_cpu * cpus, -(-(ds.size_bytes() or 0) // PARTITION_BYTES)))


def _verified(pairs, stories, cpus: int) -> tuple[list[tuple[int, int]], dict]:
    """The candidate pairs that verify, through two reduce-side joins with the stories' shingles
    (``groupby`` on a union): pairs keyed by ``a`` meet a's shingles (a pair proposed by several
    bands or buckets is checked once from here on), are re-keyed by ``b`` with a's shingles and
    meet b's, and ``_verify`` keeps the pairs that pass the containment check."""
    pairs = pairs.materialize()
    rows = pairs.count()
    if not rows:
        return [], {"pair_rows": 0, "pairs": 0, "verified": 0}
    joined = _shuffled(pairs.map_batches(_pair_rows, batch_format="pyarrow").union(stories), cpus)
    keyed_b = joined.groupby("key").map_groups(_attach_first, batch_format="pyarrow").materialize()
    checked = keyed_b.count()
    found = (_shuffled(keyed_b.union(stories), cpus).groupby("key").map_groups(_verify, batch_format="pyarrow")
             .take_all())
    out = [(int(r["a"]), int(r["b"])) for r in found]
    return out, {"pair_rows": rows, "pairs": checked, "verified": len(out)}
