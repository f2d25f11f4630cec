"""Same answers at scale: ``check --engine ray`` against the local ``check`` on ~20,000 stories.

    python bench/ray_equivalence.py [--stories 20000] [--address ADDR] [--work DIR]

Generates sets of multi-version pages (bench/gen_versions.py, seeds 1, 2, … each into its own
folder) until their story records reach ``--stories``, extracts them with the local engine
without the word-level components (``words=False``: story splitting, furniture and sentences,
which is all grouping and comparison read; the full pipeline would take hours of CPU here) into
one story-record JSONL, then checks that file twice: the local ``check_paths`` and the Ray
engine (a local cluster, or ``--address``). Prints both outputs' sizes, whether they are equal
byte for byte (and sorted), and the times. CTB6 has 78 source stories, so sets drawn with
different seeds print the same source stories again: versions group across sets, as reprints
of one agency story spread across years of papers.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=20000)
    ap.add_argument("--address", default=None, help="a running Ray cluster (default: start a local one)")
    ap.add_argument("--work", type=Path, default=None)
    a = ap.parse_args()
    from extract.api import Summary, check_paths, extract_paths
    from extract.output import write_jsonl

    spec = importlib.util.spec_from_file_location("gen_versions", ROOT / "bench" / "gen_versions.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_versions"] = gen  # its dataclasses look their module up
    spec.loader.exec_module(gen)
    work = a.work or Path(tempfile.mkdtemp(prefix="nfequiv"))
    work.mkdir(parents=True, exist_ok=True)
    facts = work / "facts.jsonl"
    t0 = time.perf_counter()
    records, seed = [], 0
    while sum(r.record_type == "story" for r in records) < a.stories:
        seed += 1
        folder = work / f"seed_{seed}"
        gen.generate(folder, 24, "2-4", seed, per_page=2)
        records += list(extract_paths([str(folder)], words=False))
    write_jsonl(records, str(facts))
    n = sum(r.record_type == "story" for r in records)
    print(f"{n} story records from {seed} generated sets in {time.perf_counter() - t0:.0f} s → {facts}")

    t = time.perf_counter()
    res = check_paths([str(facts)], summary=Summary())
    write_jsonl(res.conflicts + res.errors, str(work / "local_conflicts.jsonl"))
    write_jsonl(res.groups, str(work / "local_groups.jsonl"))
    t_local = time.perf_counter() - t
    print(f"local check: {len(res.groups)} groups, {len(res.conflicts)} conflicts, {t_local:.0f} s")

    from extract.distributed import engine
    from extract.distributed.check import run

    engine.connect(a.address, engine.worker_env())
    t = time.perf_counter()
    out = work / "ray_check"
    m = run([str(facts)], str(out), groups_file=str(work / "ray_groups.jsonl"))
    t_ray = time.perf_counter() - t
    ray_c = b"".join((out / s["file"]).read_bytes() for s in m["shards"])
    local_c = (work / "local_conflicts.jsonl").read_bytes()
    ray_g, local_g = (work / "ray_groups.jsonl").read_bytes(), (work / "local_groups.jsonl").read_bytes()
    print(f"ray check: {m['groups_count']} groups, {m['conflicts']} conflicts, {t_ray:.0f} s "
          f"({engine.cpus()} CPUs; ray/local time {t_ray / t_local:.2f})")
    print(f"conflicts equal byte for byte: {ray_c == local_c}, sorted: {sorted(ray_c.splitlines()) == sorted(local_c.splitlines())}; "
          f"groups equal: {ray_g == local_g}")
    sys.exit(0 if ray_c == local_c and ray_g == local_g else 1)


if __name__ == "__main__":
    main()
