"""Joining a Ray cluster and writing an output folder.

An output folder holds shards and ``manifest.json``. Every shard is written to a temporary
file and renamed into place (``extract.output.atomic_writer``); the manifest is written last,
the same way, and then shards of an earlier run that the manifest does not name are removed.
A reader goes by the manifest, so a run that stops half way leaves the previous manifest and
the shards it names readable. Shard names depend only on the inputs, never on timing or on
which worker wrote them: a run repeated into the same folder writes the same bytes.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import orjson

from ..output import atomic_writer

MANIFEST = "manifest.json"
SHARD = re.compile(r"^(part|conflicts|groups|errors)-[0-9-]+\.jsonl$")


def output_folder_problem(path: str) -> str | None:
    """Why ``path`` cannot be an output folder, or None (it may not exist yet)."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        return "is not a folder (with --engine ray, -o names an output folder)"
    parent = p.resolve().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is not a folder"
    if p.exists() and not os.access(p, os.W_OK | os.X_OK):
        return "folder is not writable"
    return None


def connect(address: str | None, env: dict[str, str]) -> None:
    """Join the cluster at ``address`` (``auto``, ``ray://HOST:PORT``, ``HOST:PORT``) or start
    a local one. ``env`` reaches every worker (the model folder, the user dictionary)."""
    import logging

    import ray

    if ray.is_initialized():
        return
    ray.init(address=address, runtime_env={"env_vars": env} if env else None,
             logging_level=logging.WARNING, log_to_driver=False, include_dashboard=False,
             configure_logging=True)
    import warnings

    from ray.util.annotations import RayDeprecationWarning

    warnings.filterwarnings("ignore", category=RayDeprecationWarning)
    warnings.filterwarnings("ignore", message=".*minimum number of concurrent actors.*")
    warnings.filterwarnings("ignore", message=".*instead of .fn. when possible.*")
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.verbose_stats_logs = False
    # groupby and sort as Ray's sort-based pull shuffle (tasks, no long-lived actors): the
    # default hash shuffle starts aggregator actors that wait for CPUs an actor pool holds (it
    # hung on a 2-CPU cluster) and was twice as slow on small inputs
    from ray.data.context import ShuffleStrategy

    ctx.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED


def worker_env() -> dict[str, str]:
    return {k: os.environ[k] for k in ("NEWSFACTS_MODEL_DIR", "NEWSFACTS_USER_DICT") if os.environ.get(k)}


def cpus() -> int:
    """CPUs in the cluster: the size of an actor pool (one pipeline, ~1 GB, per actor)."""
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def write_shard(folder: str | Path, name: str, lines: list[bytes]) -> None:
    with atomic_writer(Path(folder) / name) as fh:
        for line in lines:
            fh.write(line)


def finish(folder: str | Path, manifest: dict) -> None:
    """Write the manifest, then remove shards it does not name (left by an earlier run)."""
    folder = Path(folder)
    with atomic_writer(folder / MANIFEST) as fh:
        fh.write(orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
                              | orjson.OPT_APPEND_NEWLINE))
    keep = {s["file"] for s in manifest["shards"]} | {s["file"] for s in manifest.get("groups", [])}
    for entry in os.scandir(folder):
        stale = (SHARD.match(entry.name) and entry.name not in keep) or (
            entry.name.startswith(".") and entry.name.endswith(".tmp") and SHARD.match(entry.name[1:].rsplit(".", 2)[0]))
        if stale and entry.is_file():
            os.unlink(entry.path)
