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


class Prepare:
    """Record line → story row (doc, shingles, band keys) or error row; raw texts cached per actor."""

    def __init__(self, files: list[str]) -> None:
        from ..crosscheck.records import RawTexts

        self.raws = RawTexts()
        self.files = files

    def __call__(self, batch):
        import pandas as pd

        from ..crosscheck.canon import build_version
        from ..crosscheck.compare import version_doc
        from ..crosscheck.group import band_keys, shingles
        from ..crosscheck.records import parse_record

        out = []
        for seq, line in zip(batch["seq"], batch["line"]):
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
        return pd.DataFrame(out, columns=["seq", "kind", "line", "doc", "sh", "bands"])


def _bands(row: dict) -> list[dict]:
    """One row a band key. A story's keys are of one length (band number + the band's signature
    values, whose width is the MinHash library's: 32-bit values in datasketch 2), so the
    concatenation is cut into ``len(lsh_bands())`` equal pieces."""
    from ..crosscheck.group import lsh_bands

    b = bytes(row["bands"])
    if not b:  # fewer than MIN_SHINGLES shingles: no signature, never a candidate
        return []
    width = len(b) // len(lsh_bands())
    return [{"key": b[i:i + width], "seq": int(row["seq"])} for i in range(0, len(b), width)]


def _pairs(group):
    import pandas as pd

    seqs = sorted(set(int(s) for s in group["seq"]))
    rows = [{"key": a, "other": b} for i, a in enumerate(seqs) for b in seqs[i + 1:]]
    return pd.DataFrame(rows, columns=["key", "other"]).astype({"key": "int64", "other": "int64"})


def _doc_hash(doc: str) -> int:
    """A source document as 64 bits, so both sides of a join have one column type."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(doc.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                          signed=True)


def _side(ds):
    """Stories as join rows: (key = seq, other = -1, doc, sh)."""
    import pandas as pd

    def conv(b):
        return pd.DataFrame({"key": b["seq"].astype("int64"), "other": np.full(len(b), -1, dtype="int64"),
                             "doc": np.array([_doc_hash(d) for d in b["doc"]], dtype="int64"), "sh": b["sh"]})
    return ds.map_batches(conv, batch_format="pandas")


def _pair_side(ds):
    import pandas as pd

    def conv(b):
        return pd.DataFrame({"key": b["key"].astype("int64"), "other": b["other"].astype("int64"),
                             "doc": np.zeros(len(b), dtype="int64"), "sh": [b""] * len(b)})
    return ds.map_batches(conv, batch_format="pandas")


def _attach_first(group):
    """Key a: a's doc and shingles go to every partner b (each once), re-keyed by b."""
    import pandas as pd

    story = group[group["other"] == -1]
    if story.empty:  # pairs of a story without a signature cannot happen; keep the schema
        return pd.DataFrame({"key": np.array([], dtype="int64"), "other": np.array([], dtype="int64"),
                             "doc": np.array([], dtype="int64"), "sh": pd.Series([], dtype=object)})
    doc, sh = story["doc"].iloc[0], story["sh"].iloc[0]
    partners = sorted(set(int(x) for x in group["other"] if x != -1))
    return pd.DataFrame({"key": np.array(partners, dtype="int64"), "other": np.full(len(partners), int(story["key"].iloc[0]), dtype="int64"),
                         "doc": np.full(len(partners), doc, dtype="int64"), "sh": [sh] * len(partners)})


def _verify(group):
    """Key b: b's shingles meet each a's; the exact containment check keeps a verified pair."""
    import pandas as pd

    from ..crosscheck.group import versions_of_one_story

    story = group[(group["other"] == -1)]
    out = []
    if not story.empty:
        b, doc_b = int(story["key"].iloc[0]), story["doc"].iloc[0]
        sh_b = np.frombuffer(bytes(story["sh"].iloc[0]), dtype=np.uint32)
        for a, doc_a, sh_a in zip(group["other"], group["doc"], group["sh"]):
            if a == -1 or doc_a == doc_b:
                continue
            if versions_of_one_story(np.frombuffer(bytes(sh_a), dtype=np.uint32), sh_b):
                out.append({"a": int(a), "b": b})
    return pd.DataFrame(out, columns=["a", "b"]).astype("int64")


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
    seqs, labels = table
    s = batch["seq"].to_numpy(dtype="int64")
    i = np.searchsorted(seqs, s)
    i[i >= len(seqs)] = 0
    hit = (seqs[i] == s) if len(seqs) else np.zeros(len(s), dtype=bool)
    out = batch[hit].copy()
    out["label"] = labels[i[hit]]
    return out[["label", "seq", "line"]]


def _compare(group):
    import pandas as pd

    from ..crosscheck.canon import build_version
    from ..crosscheck.compare import check_group
    from ..crosscheck.records import RawTexts
    from schemas import StoryRecord

    global _RAWS
    if "_RAWS" not in globals():
        _RAWS = RawTexts()
    group = group.sort_values("seq")
    recs = [StoryRecord.model_validate_json(bytes(x)) for x in group["line"]]
    texts = {(r.source.path, r.source.doc_id): _RAWS.get(r.source) for r in recs}
    members = [build_version(r, texts[(r.source.path, r.source.doc_id)]) for r in recs]
    g, conflicts = check_group(members, texts)
    return pd.DataFrame([{"label": int(group["label"].iloc[0]), "group": dumps(g),
                          "conflicts": b"".join(dumps(c) for c in conflicts), "n": len(conflicts)}])


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
                .map_batches(Prepare, fn_constructor_args=(files,), batch_size=BATCH, batch_format="pandas",
                             compute=ActorPoolStrategy(size=actors), num_cpus=1)
                .materialize())
    versions = prepared.filter(lambda r: r["kind"] == "version").materialize()
    candidates = versions.flat_map(_bands).groupby("key").map_groups(_pairs, batch_format="pandas")
    stories = _side(versions.select_columns(["seq", "doc", "sh"]))
    keyed_b = (_pair_side(candidates).union(stories).groupby("key")
               .map_groups(_attach_first, batch_format="pandas"))
    verified = keyed_b.union(stories).groupby("key").map_groups(_verify, batch_format="pandas").take_all()
    labels = components([(int(r["a"]), int(r["b"])) for r in verified])
    seqs = np.array(sorted(labels), dtype="int64")
    table = (seqs, np.array([labels[s] for s in seqs], dtype="int64"))  # shipped once with the task
    grouped = (prepared.select_columns(["seq", "line"])
               .map_batches(_label, fn_args=(table,), batch_format="pandas")
               .groupby("label").map_groups(_compare, batch_format="pandas")
               .sort("label"))
    manifest = _write(folder, grouped, prepared, groups_file, html_file)
    stories_n = prepared.filter(lambda r: r["kind"] != "error").count()
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
    errors = [bytes(r["line"]) for r in prepared.filter(lambda r: r["kind"] == "error")
              .select_columns(["seq", "line"]).sort("seq").iter_rows()]
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
