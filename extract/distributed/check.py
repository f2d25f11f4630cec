"""``newsfacts check --engine ray`` over extracted records: the local check's answers, at scale.

Every story gets a sequence number ``seq`` = (record file number << 32) | line, its place in
the input order the local check uses (record files in the order given, a Ray folder's shards in
manifest order), so group members and group order match the local run.

1. Prepare (``map_batches``, actor pool): each story record's raw text is read again from its
   source (extract/crosscheck/records.py, cached per actor), its comparison text built, its
   character 5-gram shingles hashed and its MinHash signature cut into the 28 LSH bands that
   ``MinHashLSH`` uses locally (key = band number + the band's two values). A story whose raw
   text cannot be read is an NF001 error record.
2. Buckets: one row (band key, seq, doc) a band, grouped by key with Ray's ``groupby``; a bucket
   of two or more stories becomes one row (its members' seqs and source documents as int64
   arrays). Shuffled: 28 × (9-byte key + 16) bytes a story. Kept: at most 28 × 16 bytes a story,
   in buckets (stories in no shared bucket are in none).
3. Components, exactly the local ones without verifying every candidate pair. Locally the
   groups are the connected components of the verified candidate pairs (a pair sharing a band,
   from different source documents, that passes ``versions_of_one_story``); a pair inside one
   component adds nothing, which is why the local check skips it. Here, in two rounds:

   a. star: in each bucket every member is paired with the bucket's smallest seq (k − 1 pairs
      for k members, not k(k − 1)/2), the pairs verified (below) and joined by union-find on the
      driver into round-1 labels (a label table of the grouped stories: seq → smallest seq);
   b. cross: the label table goes to every task (``fn_args``), and in each bucket the members
      are sorted by label and only pairs of members with different labels (and different
      documents) are emitted, with NumPy; those are verified and unioned with round 1.

   Every verified candidate pair either has both ends in one round-1 component already or is
   emitted, verified and joined in round 2, and every edge joined is a verified candidate pair,
   so the components are the local ones. Round 2 checks the candidate pairs between
   components, as the local check does (it verifies a pair unless the two are already joined),
   plus pairs the star left in different pieces of one group; buckets whose members all share
   a label, the usual case, give none.

   Verification, in each round, is two reduce-side joins (``groupby`` on a union with every
   version's (seq, doc, shingles)): pairs keyed by ``a`` meet a's shingles (a pair proposed by
   several bands collapses here, so each distinct pair is checked once), are re-keyed by ``b``
   carrying a's shingles (~3.7 KB a distinct pair) and meet b's; ``versions_of_one_story`` keeps
   the verified pairs, collected on the driver (16 bytes each; union-find's parent map, tens of
   bytes a grouped story). Each version's shingles cross the network twice a round. The label
   of a group is its smallest seq.
4. Compare (``map_batches`` attaches labels from the broadcast label table, ``groupby(label)``,
   ``map_groups``): each group is compared by ``check_group`` (the local code) with its members
   in seq order, giving the group record and its conflicts. Memory a task: its largest group's
   record lines and raw texts.
5. Output, streamed to the driver in label order: ``conflicts-NNNNN.jsonl`` (conflicts in group
   order), ``errors-00000.jsonl`` (error records in input order) and ``groups-NNNNN.jsonl``,
   atomically, then ``manifest.json`` (with ``grouping``: versions, band rows, buckets, and each
   round's pair rows, distinct pairs checked and pairs verified). Concatenated in manifest order
   the conflict and error shards are byte for byte the local ``check -o``; the group shards the
   local ``--groups``.

Every shuffle's input is first cut into a few partitions a CPU (``_shuffled``): Ray's sort
shuffle has as many partitions as input blocks and sends a piece of every block to every
partition, and the ~300 blocks of 64 stories that step 1 leaves for 20,000 stories would make
~90,000 pieces a shuffle, each with metadata on the driver. Source documents are compared as 64-bit hashes of their names.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import orjson

from ..api import Summary
from ..errors import NewsfactsError
from ..output import atomic_writer, dumps
from . import engine
from .blocks import _table, _empty, _col, _schemas, _rows, _kind
from .grouping import _bands, _bucket, _star, _cross, _story_rows, components, _shuffled, _verified

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
    summary = summary if summary is not None else Summary()
    Path(folder).mkdir(parents=True, exist_ok=True)
    actors = actors or engine.cpus()
    prepared = _prepared(files, actors)
    table, stats = _grouped_labels(prepared, actors)
    labelled = prepared.select_columns(["seq", "line"]).map_batches(_label, fn_args=(table,), batch_format="pyarrow")
    # more partitions than CPUs: groups differ in size, and a partition's groups are compared in turn
    compared = _shuffled(labelled, actors, per_cpu=4).groupby("label").map_groups(_compare, batch_format="pyarrow")
    grouped = _shuffled(compared, actors, per_cpu=1).sort("label")
    errors = _shuffled(prepared.map_batches(_kind, fn_args=(("error",), ["seq", "line"]), batch_format="pyarrow"),
                       actors, per_cpu=1).sort("seq")
    manifest = _write(folder, grouped, errors, groups_file, html_file, stats)
    stories_n = prepared.map_batches(_kind, fn_args=(("story", "version"), ["seq"]), batch_format="pyarrow").count()
    summary.inputs += len(files)
    summary.stories += stories_n
    summary.errors += manifest["errors"]
    summary.seconds = time.perf_counter() - summary.started
    return manifest


def _prepared(files: list[str], actors: int):
    """Step 1: every record line of ``files`` prepared by a pool of ``actors`` actors, materialised."""
    import ray
    from ray.data import ActorPoolStrategy

    lines = ray.data.from_items([{"file": i, "path": p} for i, p in enumerate(files)],
                                override_num_blocks=max(1, len(files))).flat_map(_read_file).materialize()
    n = lines.count()
    # materialised before the actor pool, which takes every CPU: a shuffle after it would wait forever
    blocks = lines.repartition(max(1, -(-n // BATCH))).materialize()
    return (blocks
            .map_batches(Prepare, fn_constructor_args=(files,), batch_size=BATCH, batch_format="pyarrow",
                         compute=ActorPoolStrategy(size=actors), num_cpus=1)
            .materialize())


def _grouped_labels(prepared, actors: int) -> tuple[tuple[np.ndarray, np.ndarray], dict]:
    """Steps 2 and 3: the label table of the grouped stories (their seqs, ascending, and each one's
    label) and the grouping's figures for the manifest."""
    # every step's output is an Arrow block with an explicit schema, empty or not (see _table)
    versions = prepared.map_batches(_kind, fn_args=(("version",), ["seq", "doc", "sh", "bands"]),
                                    batch_format="pyarrow").materialize()
    stories = versions.map_batches(_story_rows, batch_format="pyarrow").materialize()
    bands = _shuffled(versions.map_batches(_bands, batch_format="pyarrow"), actors)
    buckets = bands.groupby("key").map_groups(_bucket, batch_format="pyarrow").materialize()
    stats: dict = {"versions": versions.count(), "band_rows": bands.count(), "buckets": buckets.count()}
    first, stats["round1"] = _verified(buckets.map_batches(_star, batch_format="pyarrow"), stories, actors)
    labels = components(first)
    table = _label_table(labels)  # shipped once with the task
    second, stats["round2"] = _verified(buckets.map_batches(_cross, fn_args=(table,), batch_format="pyarrow"),
                                        stories, actors)
    if second:
        labels = components(first + second)
        table = _label_table(labels)
    stats["grouped"] = len(labels)
    return table, stats


def _label_table(labels: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The labelled seqs, ascending, and their labels, as int64 arrays."""
    seqs = np.array(sorted(labels), dtype="int64")
    return seqs, np.array([labels[s] for s in seqs], dtype="int64")


class _GroupShards:
    """The ``conflicts-NNNNN`` and ``groups-NNNNN`` shards, ``GROUPS_PER_SHARD`` groups each, written
    as the groups stream in (every group and conflict is kept too when ``keep_all``: for the report)."""

    def __init__(self, folder: str, keep_all: bool) -> None:
        self.folder, self.keep_all = folder, keep_all
        self.shards: list[dict] = []
        self.gshards: list[dict] = []
        self.chunk_c: list[bytes] = []
        self.chunk_g: list[bytes] = []
        self.n_groups = self.n_conflicts = 0
        self.all_groups: list[bytes] = []
        self.all_conflicts: list[bytes] = []

    def add(self, row) -> None:
        """One compared group: its group record and its conflicts' lines."""
        g, c = bytes(row["group"]), bytes(row["conflicts"])
        self.chunk_g.append(g)
        if c:
            self.chunk_c.append(c)
        self.n_groups += 1
        self.n_conflicts += int(row["n"])
        if self.keep_all:
            self.all_groups.append(g)
            self.all_conflicts.append(c)
        if len(self.chunk_g) >= GROUPS_PER_SHARD:
            self.flush()

    def flush(self) -> None:
        k = len(self.gshards)
        engine.write_shard(self.folder, f"conflicts-{k:05d}.jsonl", self.chunk_c)
        engine.write_shard(self.folder, f"groups-{k:05d}.jsonl", self.chunk_g)
        self.shards.append({"file": f"conflicts-{k:05d}.jsonl", "records": sum(c.count(b"\n") for c in self.chunk_c)})
        self.gshards.append({"file": f"groups-{k:05d}.jsonl", "records": len(self.chunk_g)})
        self.chunk_c.clear()
        self.chunk_g.clear()

    def close(self) -> None:
        """Write the last shards (a pair of empty ones when there are no groups at all)."""
        if self.chunk_g or not self.gshards:
            self.flush()


def _write(folder: str, grouped, errors_ds, groups_file: str | None, html_file: str | None,
           stats: dict) -> dict:
    out = _GroupShards(folder, keep_all=html_file is not None)
    for row in grouped.iter_rows():
        out.add(row)
    out.close()
    errors = [bytes(r["line"]) for r in errors_ds.iter_rows()]
    engine.write_shard(folder, "errors-00000.jsonl", errors)
    out.shards.append({"file": "errors-00000.jsonl", "records": len(errors)})
    if groups_file:
        with atomic_writer(groups_file) as fh:
            for s in out.gshards:
                fh.write((Path(folder) / s["file"]).read_bytes())
    if html_file:
        _write_html(html_file, out.all_groups, out.all_conflicts)
    manifest = {"kind": "newsfacts check", "shards": out.shards, "groups": out.gshards, "groups_count": out.n_groups,
                "conflicts": out.n_conflicts, "errors": len(errors),
                "error_records": [orjson.loads(e)["code"] for e in errors], "grouping": stats}
    engine.finish(folder, manifest)
    return manifest


def _write_html(html_file: str, all_groups: list[bytes], all_conflicts: list[bytes]) -> None:
    """The fact-checking desk's report of every group and conflict."""
    from schemas import Conflict, Group

    from ..output import write_text
    from ..report.html import render

    groups = [Group.model_validate_json(g) for g in all_groups]
    conflicts = [Conflict.model_validate_json(line) for c in all_conflicts for line in c.splitlines()]
    write_text(render(groups, conflicts), html_file)
