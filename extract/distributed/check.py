"""``newsfacts check --engine ray`` over extracted records: the local check's answers, at scale.

Every story gets a sequence number ``seq`` = (record file number << 32) | line, its place in
the input order the local check uses (record files in the order given, a Ray folder's shards in
manifest order), so group members and group order match the local run.

1. Prepare (``map_batches``, actor pool): each story record's raw text is read again from its
   source (extract/crosscheck/records.py, cached per actor), its comparison text built, its
   character 5-gram shingles hashed and its MinHash signature cut into the 28 LSH bands that
   ``MinHashLSH`` uses locally (key = band number + the band's two values). A story whose raw
   text cannot be read is an NF001 error record.
2. Candidates: one row (band key, seq) a band, grouped by key with Ray's ``groupby``; every
   bucket of two or more stories gives its pairs (a < b). Shuffled: 28 × (9-byte key + 8) bytes
   a story.
3. Verification by containment, as two reduce-side joins (``groupby`` on a union): pairs keyed
   by ``a`` meet a's shingles (duplicate pairs from several bands collapse here), are re-keyed by
   ``b`` and meet b's shingles, and the exact check (``versions_of_one_story``, different
   source documents) keeps the verified pairs. Each story's shingles cross the network twice.
4. Connected components: union-find on the driver over the verified pair list (memory: the
   pairs, 16 bytes each, plus a parent map of the stories in them; tens of bytes a grouped story).
   Verified pairs are few (versions of one story), so this is small next to the shuffles;
   label propagation as repeated groupbys would scale past the driver but takes one shuffle a
   round (log of the longest chain). The label of a group is its smallest seq.
5. Compare (``map_batches`` attaches labels from the broadcast label table, ``groupby(label)``,
   ``map_groups``): each group is compared by ``check_group`` (the local code) with its members
   in seq order, giving the group record and its conflicts.
6. Output, streamed to the driver in label order: ``conflicts-NNNNN.jsonl`` (conflicts in group
   order), ``errors-00000.jsonl`` (error records in input order) and ``groups-NNNNN.jsonl``,
   atomically, then ``manifest.json``. Concatenated in manifest order the conflict and error
   shards are byte for byte the local ``check -o``; the group shards the local ``--groups``.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import orjson

from ..api import Summary
from ..errors import NewsfactsError
from ..inputs import display_path
from ..output import atomic_writer, dumps
from . import engine

GROUPS_PER_SHARD = 1000
BATCH = 64


def _read_file(row: dict) -> list[dict]:
    from ..crosscheck.records import read_lines

    k = int(row["file"]) << 32
    return [{"seq": k | n, "line": line} for n, line in read_lines(row["path"])]


def _schema(**cols):
    import pyarrow as pa

    return pa.schema([(k, v) for k, v in cols.items()])


def _table(schema, rows: dict):
    """A block with ``schema`` even when it has no rows: an empty block without columns (what a
    row filter or an empty flat_map leaves) breaks a later sort or groupby on its key."""
    import pyarrow as pa

    return pa.table({f.name: pa.array(rows[f.name], type=f.type) for f in schema}, schema=schema)


def _empty(batch) -> bool:
    return len(batch) == 0 if not hasattr(batch, "num_rows") else batch.num_rows == 0


def _col(batch, name: str) -> list:
    """A column of a pandas or Arrow batch as Python values."""
    c = batch[name]
    return c.to_pylist() if hasattr(c, "to_pylist") else c.tolist()


def _schemas():
    import pyarrow as pa

    i64, binary, string = pa.int64(), pa.binary(), pa.string()
    return {
        "prepared": _schema(seq=i64, kind=string, line=binary, doc=string, sh=binary, bands=binary),
        "bands": _schema(key=binary, seq=i64),
        "pairs": _schema(key=i64, other=i64),
        "join": _schema(key=i64, other=i64, doc=i64, sh=binary),
        "verified": _schema(a=i64, b=i64),
        "labelled": _schema(label=i64, seq=i64, line=binary),
        "compared": _schema(label=i64, group=binary, conflicts=binary, n=i64),
    }


def _rows(schema, records: list[dict]):
    return _table(schema, {f.name: [r[f.name] for r in records] for f in schema})


class Prepare:
    """Record line → story row (doc, shingles, band keys) or error row; raw texts cached per actor."""

    def __init__(self, files: list[str]) -> None:
        from ..crosscheck.records import RawTexts

        self.raws = RawTexts()
        self.files = files
        self.schema = _schemas()["prepared"]

    def __call__(self, batch):
        from ..crosscheck.canon import build_version
        from ..crosscheck.compare import version_doc
        from ..crosscheck.group import band_keys, shingles
        from ..crosscheck.records import parse_record

        out = []
        if _empty(batch):
            return _rows(self.schema, out)
        for seq, line in zip(_col(batch, "seq"), _col(batch, "line")):
            seq, line = int(seq), bytes(line)
            rec = parse_record(line, self.files[seq >> 32], seq & 0xFFFFFFFF)
            row = {"seq": seq, "kind": "error", "line": line, "doc": "", "sh": b"", "bands": b""}
            if rec.record_type == "story":
                try:
                    raw = self.raws.get(rec.source)
                except NewsfactsError as err:
                    err.story_id = rec.story_id
                    row["line"] = dumps(err.record())
                    out.append(row)
                    continue
                row["kind"] = "story"
                if rec.sentences:
                    v = build_version(rec, raw)
                    sh = shingles(v.chars)
                    row.update(kind="version", doc=version_doc(v), sh=sh.tobytes(), bands=b"".join(band_keys(sh)))
            elif rec.code in ("NF005", "NF010", "NF011"):
                row["line"] = dumps(rec)
            out.append(row)
        return _rows(self.schema, out)


def _kind(batch, kinds: tuple[str, ...], columns: list[str]):
    """Rows whose kind is one of ``kinds``, with ``columns``, in a block that keeps its schema."""
    import pyarrow as pa
    import pyarrow.compute as pc

    schema = pa.schema([_schemas()["prepared"].field(c) for c in columns])
    if _empty(batch):
        return _table(schema, {c: [] for c in columns})
    mask = pc.is_in(batch["kind"], value_set=pa.array(kinds, pa.string()))
    return batch.filter(mask).select(columns).cast(schema)


def _bands(batch):
    """One row (band key, seq) a band of every story with a signature. A story's keys are of one
    length (band number + the band's signature values, whose width is the MinHash library's:
    32-bit values in datasketch 2), so the concatenation is cut into ``len(lsh_bands())`` pieces.
    A story below MIN_SHINGLES has no keys and is never a candidate."""
    from ..crosscheck.group import lsh_bands

    n = len(lsh_bands())
    keys: list[bytes] = []
    seqs: list[int] = []
    if not _empty(batch):
        for seq, b in zip(_col(batch, "seq"), _col(batch, "bands")):
            if not b:
                continue
            width = len(b) // n
            keys += [b[i:i + width] for i in range(0, len(b), width)]
            seqs += [int(seq)] * n
    return _table(_schemas()["bands"], {"key": keys, "seq": seqs})


def _pairs(group):
    seqs = sorted(set(int(s) for s in _col(group, "seq")))
    pairs = [(a, b) for i, a in enumerate(seqs) for b in seqs[i + 1:]]
    return _table(_schemas()["pairs"], {"key": [a for a, _ in pairs], "other": [b for _, b in pairs]})


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


def _label(batch, table):
    """Stories in a group with their label (the group's smallest seq); the others are dropped."""
    seqs, labels = table
    out: dict[str, list] = {"label": [], "seq": [], "line": []}
    if not _empty(batch) and len(seqs):
        s = np.asarray(_col(batch, "seq"), dtype="int64")
        i = np.searchsorted(seqs, s)
        i[i >= len(seqs)] = 0
        hit = seqs[i] == s
        lines = _col(batch, "line")
        out = {"label": labels[i[hit]].tolist(), "seq": s[hit].tolist(),
               "line": [lines[j] for j in np.flatnonzero(hit)]}
    return _table(_schemas()["labelled"], out)


def _compare(group):
    from ..crosscheck.canon import build_version
    from ..crosscheck.compare import check_group
    from ..crosscheck.records import RawTexts
    from schemas import StoryRecord

    global _RAWS
    if "_RAWS" not in globals():
        _RAWS = RawTexts()
    rows = sorted(zip(_col(group, "seq"), _col(group, "line")))
    recs = [StoryRecord.model_validate_json(bytes(line)) for _, line in rows]
    texts = {(r.source.path, r.source.doc_id): _RAWS.get(r.source) for r in recs}
    members = [build_version(r, texts[(r.source.path, r.source.doc_id)]) for r in recs]
    g, conflicts = check_group(members, texts)
    return _table(_schemas()["compared"], {"label": [int(_col(group, "label")[0])], "group": [dumps(g)],
                                           "conflicts": [b"".join(dumps(c) for c in conflicts)],
                                           "n": [len(conflicts)]})


def run(files: list[str], folder: str, *, groups_file: str | None = None, html_file: str | None = None,
        summary: Summary | None = None, actors: int | None = None) -> dict:
    """Check the story records in ``files`` on the connected cluster; write ``folder``."""
    import ray
    from ray.data import ActorPoolStrategy

    summary = summary if summary is not None else Summary()
    Path(folder).mkdir(parents=True, exist_ok=True)
    actors = actors or engine.cpus()
    lines = ray.data.from_items([{"file": i, "path": p} for i, p in enumerate(files)],
                                override_num_blocks=max(1, len(files))).flat_map(_read_file).materialize()
    n = lines.count()
    # materialised before the actor pool, which takes every CPU: a shuffle after it would wait forever
    blocks = lines.repartition(max(1, -(-n // BATCH))).materialize()
    prepared = (blocks
                .map_batches(Prepare, fn_constructor_args=(files,), batch_size=BATCH, batch_format="pyarrow",
                             compute=ActorPoolStrategy(size=actors), num_cpus=1)
                .materialize())
    # every step's output is an Arrow block with an explicit schema, empty or not (see _table)
    versions = prepared.map_batches(_kind, fn_args=(("version",), ["seq", "doc", "sh", "bands"]),
                                    batch_format="pyarrow").materialize()
    candidates = (versions.map_batches(_bands, batch_format="pyarrow")
                  .groupby("key").map_groups(_pairs, batch_format="pyarrow"))
    stories = versions.map_batches(_story_rows, batch_format="pyarrow")
    keyed_b = (candidates.map_batches(_pair_rows, batch_format="pyarrow").union(stories).groupby("key")
               .map_groups(_attach_first, batch_format="pyarrow"))
    verified = keyed_b.union(stories).groupby("key").map_groups(_verify, batch_format="pyarrow").take_all()
    labels = components([(int(r["a"]), int(r["b"])) for r in verified])
    seqs = np.array(sorted(labels), dtype="int64")
    table = (seqs, np.array([labels[s] for s in seqs], dtype="int64"))  # shipped once with the task
    grouped = (prepared.select_columns(["seq", "line"])
               .map_batches(_label, fn_args=(table,), batch_format="pyarrow")
               .groupby("label").map_groups(_compare, batch_format="pyarrow")
               .sort("label"))
    manifest = _write(folder, grouped, prepared, groups_file, html_file)
    stories_n = prepared.map_batches(_kind, fn_args=(("story", "version"), ["seq"]), batch_format="pyarrow").count()
    summary.inputs += len(files)
    summary.stories += stories_n
    summary.errors += manifest["errors"]
    summary.seconds = time.perf_counter() - summary.started
    return manifest


def _write(folder: str, grouped, prepared, groups_file: str | None, html_file: str | None) -> dict:
    from schemas import Conflict, Group

    shards, gshards = [], []
    chunk_c: list[bytes] = []
    chunk_g: list[bytes] = []
    n_groups = n_conflicts = 0
    keep_all = html_file is not None
    all_groups, all_conflicts = [], []

    def flush() -> None:
        k = len(gshards)
        engine.write_shard(folder, f"conflicts-{k:05d}.jsonl", chunk_c)
        engine.write_shard(folder, f"groups-{k:05d}.jsonl", chunk_g)
        shards.append({"file": f"conflicts-{k:05d}.jsonl", "records": sum(c.count(b"\n") for c in chunk_c)})
        gshards.append({"file": f"groups-{k:05d}.jsonl", "records": len(chunk_g)})
        chunk_c.clear()
        chunk_g.clear()

    for row in grouped.iter_rows():
        g, c = bytes(row["group"]), bytes(row["conflicts"])
        chunk_g.append(g)
        if c:
            chunk_c.append(c)
        n_groups += 1
        n_conflicts += int(row["n"])
        if keep_all:
            all_groups.append(g)
            all_conflicts.append(c)
        if len(chunk_g) >= GROUPS_PER_SHARD:
            flush()
    if chunk_g or not gshards:
        flush()
    errors = [bytes(r["line"]) for r in prepared.map_batches(_kind, fn_args=(("error",), ["seq", "line"]),
                                                             batch_format="pyarrow").sort("seq").iter_rows()]
    engine.write_shard(folder, "errors-00000.jsonl", errors)
    shards.append({"file": "errors-00000.jsonl", "records": len(errors)})
    if groups_file:
        with atomic_writer(groups_file) as fh:
            for s in gshards:
                fh.write((Path(folder) / s["file"]).read_bytes())
    if html_file:
        from ..output import write_text
        from ..report.html import render

        groups = [Group.model_validate_json(g) for g in all_groups]
        conflicts = [Conflict.model_validate_json(line) for c in all_conflicts for line in c.splitlines()]
        write_text(render(groups, conflicts), html_file)
    manifest = {"kind": "newsfacts check", "shards": shards, "groups": gshards, "groups_count": n_groups,
                "conflicts": n_conflicts, "errors": len(errors),
                "error_records": [orjson.loads(e)["code"] for e in errors]}
    engine.finish(folder, manifest)
    return manifest
