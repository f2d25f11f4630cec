"""``newsfacts extract --engine ray``: inputs as a Ray Dataset, extraction in an actor pool.

1. Inputs. Each command-line input is one row; a task reads it with ``extract.inputs.iter_inputs``
   (the function the local engine uses, so documents and error records are the same) and yields
   one row per item (a document or an error), numbered ``(input, item)``. Standard input and named
   pipes are read on the driver (they can be read only once, by whoever opened them). The rows
   are materialised: they are what a retry reads again.
2. Extraction. ``map_batches`` with a callable class in an actor pool, one actor per cluster
   CPU: each actor loads the pipeline once (~1 GB) and turns a batch of items into their JSONL
   lines (``extract_items``, as locally: NF008, NF009, NF012 the same). A killed actor is
   restarted by Ray and its batch retried (``max_task_retries``); a batch that fails every try is
   dropped (``max_errored_blocks``), found missing by the driver's count, and its items retried
   one at a time in a fresh single actor. An item that fails there too becomes an NF019 error
   record. Ray keeps only a successful attempt's output, so nothing is written twice (the writer
   also keeps one output an item).
3. Output. Items are grouped into shards ``part-IIIII-CCCCC.jsonl`` (input number, chunk of
   ``ITEMS_PER_SHARD`` items), each written by a task in item order, atomically; then
   ``manifest.json`` (inputs and their item counts, shards with record counts, errors by code and
   each error's code, path, line and doc_id) and the stale shards are removed. Concatenated in
   manifest order the shards are byte for byte what ``newsfacts extract`` writes for the same inputs.
"""
from __future__ import annotations

import os
import stat
import time
from dataclasses import asdict
from datetime import date

import orjson

from ..api import Summary
from ..errors import NewsfactsError
from ..inputs import RawDoc, display_path, iter_inputs
from ..output import dumps
from . import engine

ITEMS_PER_SHARD = 1000
BATCH = 4  # items an actor call: what one actor death costs in retried work
TASK_RETRIES = 3


def _item_row(spec: int, item: int, it) -> dict:
    if isinstance(it, NewsfactsError):
        return {"spec": spec, "item": item, "kind": "error", "payload": dumps(it.record())}
    return {"spec": spec, "item": item, "kind": "doc", "payload": orjson.dumps(asdict(it))}


def _read_spec(row: dict) -> list[dict]:
    return [_item_row(int(row["spec"]), j, it) for j, it in enumerate(iter_inputs([row["path"]]))]


def _driver_read(spec: str) -> bool:
    """Standard input and named pipes are read on the driver."""
    if spec == "-":
        return True
    try:
        return stat.S_ISFIFO(os.stat(spec).st_mode)
    except OSError:
        return False


class Extractor:
    """One pipeline per actor, loaded once; each call extracts a batch of items."""

    def __init__(self, reference: str | None, emit_words: bool) -> None:
        from ..nlp import shared_nlp

        self.nlp = shared_nlp(os.environ.get("NEWSFACTS_MODEL_DIR"))
        self.reference = date.fromisoformat(reference) if reference else None
        self.emit = emit_words

    def __call__(self, batch):
        import pandas as pd

        from ..pipeline import extract_items

        out = []
        if len(batch) == 0:
            return pd.DataFrame(out, columns=["spec", "item", "lines", "stories", "errors"])
        for spec, item, kind, payload in zip(batch["spec"], batch["item"], batch["kind"], batch["payload"]):
            if kind == "error":
                lines, recs = [bytes(payload)], [orjson.loads(payload)]
            else:
                doc = RawDoc(**orjson.loads(payload))
                models = list(extract_items([doc], self.nlp, self.reference, self.emit))
                lines = [dumps(r) for r in models]
                recs = [r.model_dump(mode="json") for r in models]
            errs = [{k: r.get(k) for k in ("code", "path", "line", "doc_id")}
                    for r in recs if r["record_type"] == "error"]
            out.append({"spec": int(spec), "item": int(item), "lines": b"".join(lines),
                        "stories": sum(r["record_type"] == "story" for r in recs), "errors": orjson.dumps(errs)})
        return pd.DataFrame(out, columns=["spec", "item", "lines", "stories", "errors"])


def _shard_name(spec: int, item: int) -> str:
    return f"part-{spec:05d}-{item // ITEMS_PER_SHARD:05d}.jsonl"


def _write_group(batch, folder: str):
    import pandas as pd

    batch = batch.sort_values("item").drop_duplicates(subset=["item"], keep="first")
    spec, first = int(batch["spec"].iloc[0]), int(batch["item"].iloc[0])
    name = _shard_name(spec, first)
    engine.write_shard(folder, name, [bytes(b) for b in batch["lines"]])
    errs = [e for blob in batch["errors"] for e in orjson.loads(blob)]
    return pd.DataFrame([{"file": name, "spec": spec, "first": first, "last": int(batch["item"].iloc[-1]),
                          "items": len(batch), "records": sum(bytes(b).count(b"\n") for b in batch["lines"]),
                          "stories": int(batch["stories"].sum()), "errors": orjson.dumps(errs)}])


def _with_shard(batch):
    """The shard an item's output goes to (an empty block keeps its columns for the groupby)."""
    import pandas as pd

    cols = ["spec", "item", "lines", "stories", "errors"]
    if len(batch) == 0 or "spec" not in batch:
        return pd.DataFrame({**{c: pd.Series([], dtype=object) for c in cols},
                             "spec": pd.Series([], dtype="int64"), "item": pd.Series([], dtype="int64"),
                             "stories": pd.Series([], dtype="int64"), "shard": pd.Series([], dtype=object)})
    batch = batch.copy()
    batch["shard"] = [_shard_name(int(s), int(i)) for s, i in zip(batch["spec"], batch["item"])]
    return batch


def _nf019(row: dict, reason: str) -> dict:
    if row["kind"] == "error":
        lines, errs = bytes(row["payload"]), [orjson.loads(row["payload"])]
    else:
        doc = RawDoc(**orjson.loads(row["payload"]))
        rec = doc.error("NF019", reason=reason).record()
        lines, errs = dumps(rec), [rec.model_dump(mode="json")]
    errs = [{k: r.get(k) for k in ("code", "path", "line", "doc_id")} for r in errs]
    return {"spec": int(row["spec"]), "item": int(row["item"]), "lines": lines, "stories": 0,
            "errors": orjson.dumps(errs)}


def run(inputs: list[str], folder: str, *, reference: date | None = None, emit_words: bool = False,
        summary: Summary | None = None, actors: int | None = None) -> dict:
    """Extract ``inputs`` on the connected cluster into ``folder``; return the manifest."""
    summary = summary if summary is not None else Summary()
    os.makedirs(folder, exist_ok=True)
    actors = actors or engine.cpus()
    items = _items(inputs)
    if items is None:
        return _finish(folder, inputs, {}, [], summary, retried=0)
    counts = {int(r["spec"]): int(r["count()"]) for r in items.groupby("spec").count().take_all()}
    results, retried = _extract(items, counts, reference.isoformat() if reference else None, emit_words, actors)
    shards = (results.map_batches(_with_shard, batch_format="pandas")
              .groupby("shard").map_groups(_write_group, fn_kwargs={"folder": folder}, batch_format="pandas")
              .take_all())
    return _finish(folder, inputs, counts, shards, summary, retried=retried)


def _items(inputs: list[str]):
    """Step 1: every input's items as rows, materialised in blocks of ``BATCH`` items (None: no rows
    to read). Standard input and named pipes are read here, on the driver; the rest by tasks."""
    import ray

    task_rows, local_rows = [], []
    for i, spec in enumerate(inputs):
        if _driver_read(spec):
            local_rows += [_item_row(i, j, it) for j, it in enumerate(iter_inputs([spec]))]
        else:
            task_rows.append({"spec": i, "path": spec})
    parts = []
    if task_rows:
        parts.append(ray.data.from_items(task_rows, override_num_blocks=len(task_rows)).flat_map(_read_spec))
    if local_rows:
        parts.append(ray.data.from_items(local_rows))
    if not parts:
        return None
    items = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    items = items.materialize()
    n = items.count()
    # blocks of BATCH items: the actor pool gets work from every input, and a retried task is small
    return items.repartition(max(1, -(-n // BATCH))).materialize()


_REMOTE = {"max_restarts": -1, "max_task_retries": TASK_RETRIES}  # an extraction actor's Ray options


def _extract(items, counts: dict[int, int], ref: str | None, emit_words: bool, actors: int):
    """Step 2: every item's output, from a pool of ``actors`` actors, then (for the items of a batch
    that failed every try) from one actor alone; and how many items were retried alone."""
    import ray
    from ray.data import ActorPoolStrategy

    ctx = ray.data.DataContext.get_current()
    saved = ctx.max_errored_blocks
    ctx.max_errored_blocks = -1  # a batch that fails every retry is dropped here and retried below
    try:
        done = items.map_batches(Extractor, fn_constructor_args=(ref, emit_words), batch_size=BATCH,
                                 batch_format="pandas", compute=ActorPoolStrategy(size=actors),
                                 num_cpus=1, **_REMOTE).materialize()
        missing = _missing(done, counts)
        retried = sum(len(v) for v in missing.values())
        extra = _retry_alone(items, missing, ref, emit_words) if missing else []
    finally:
        ctx.max_errored_blocks = saved
    return (done.union(*extra) if extra else done), retried


def _retry_alone(items, missing: dict[int, list[int]], ref: str | None, emit_words: bool) -> list:
    """The output of the ``missing`` items, each extracted alone in one fresh actor; an NF019 error
    record for an item that fails there too."""
    import ray
    from ray.data import ActorPoolStrategy

    want = {(s, i) for s, its in missing.items() for i in its}
    again = items.filter(lambda r: (int(r["spec"]), int(r["item"])) in want).materialize()
    again = ray.data.from_items(again.take_all())  # the few rows, in blocks with a schema
    redo = again.map_batches(Extractor, fn_constructor_args=(ref, emit_words), batch_size=1,
                             batch_format="pandas", compute=ActorPoolStrategy(size=1),
                             num_cpus=1, **_REMOTE).materialize()
    extra = [redo]
    got = {(int(r["spec"]), int(r["item"])) for r in redo.select_columns(["spec", "item"]).take_all()}
    lost = [r for r in again.take_all() if (int(r["spec"]), int(r["item"])) not in got]
    if lost:
        extra.append(ray.data.from_items([_nf019(r, "its worker died on every try (Ray's retries, "
                                                  "then alone)") for r in lost]))
    return extra


def _missing(done, counts: dict[int, int]) -> dict[int, list[int]]:
    """Items with no output, by input (their keys are collected only for inputs short of items)."""
    have = {int(r["spec"]): int(r["count()"]) for r in done.groupby("spec").count().take_all()}
    short = [s for s, n in counts.items() if have.get(s, 0) < n]
    if not short:
        return {}
    keys = done.select_columns(["spec", "item"]).filter(lambda r: int(r["spec"]) in short).take_all()
    seen: dict[int, set[int]] = {}
    for r in keys:
        seen.setdefault(int(r["spec"]), set()).add(int(r["item"]))
    return {s: [i for i in range(counts[s]) if i not in seen.get(s, set())] for s in short}


def _finish(folder: str, inputs: list[str], counts: dict[int, int], shards: list[dict], summary: Summary,
            retried: int) -> dict:
    shards = sorted(shards, key=lambda s: s["file"])
    written: dict[int, int] = {}
    for s in shards:
        written[s["spec"]] = written.get(s["spec"], 0) + s["items"]
    if written != {k: v for k, v in counts.items() if v}:
        raise RuntimeError(f"inputs not accounted for: read {counts}, written {written}")
    errors = [e for s in shards for e in orjson.loads(s["errors"])]
    by_code: dict[str, int] = {}
    for e in errors:
        by_code[e["code"]] = by_code.get(e["code"], 0) + 1
    stories = sum(s["stories"] for s in shards)
    summary.inputs += sum(counts.values())
    summary.stories += stories
    summary.errors += len(errors)
    summary.retried += retried
    summary.seconds = time.perf_counter() - summary.started
    manifest = {
        "kind": "newsfacts extract",
        "inputs": [{"index": i, "path": display_path(p), "items": counts.get(i, 0)} for i, p in enumerate(inputs)],
        "shards": [{"file": s["file"], "input": s["spec"], "items": [s["first"], s["last"]], "item_count": s["items"],
                    "records": s["records"], "stories": s["stories"], "errors": len(orjson.loads(s["errors"]))}
                   for s in shards],
        "records": sum(s["records"] for s in shards),
        "stories": stories,
        "errors": {"count": len(errors), "by_code": by_code, "records": errors},
    }
    engine.finish(folder, manifest)
    return manifest
