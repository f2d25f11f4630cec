"""Same answers at scale: ``check --engine ray`` against the local ``check`` on ~20,000 stories.

    python bench/ray_equivalence.py [--stories 20000] [--address ADDR] [--work DIR] [--reuse]

Generates sets of multi-version pages (bench/gen_versions.py, seeds 1, 2, … each into its own
folder) until their story records reach ``--stories``, extracts them with the local engine
without the word-level components (``words=False``: story splitting, furniture and sentences,
which is all grouping and comparison read; the full pipeline would take hours of CPU here) into
one story-record JSONL, then checks that file twice: the local ``check_paths`` and the Ray
engine (a local cluster, or ``--address``). Prints both outputs' sizes, whether they are equal
byte for byte (and sorted), and the times. CTB6 has 78 source stories, so sets drawn with
different seeds print the same source stories again: versions group across sets, as reprints
of one agency story spread across years of papers.

``--reuse`` takes ``facts.jsonl`` and the local outputs an earlier run left in ``--work`` (with
the local figures it saved in ``local.json``) and runs only the Ray check, to iterate on the
engine without paying for generation and the local check again. The driver's peak RSS
(``ru_maxrss``) is printed with the Ray time; the workers' peak is their own processes'.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def generate_and_check_locally(stories: int, work: Path, facts: Path) -> float:
    """Generate sets until ``stories`` story records, extract them, check them locally; the
    local outputs and figures (``local.json``) go to ``work``. Returns the local check's seconds."""
    from extract.api import Summary, check_paths, extract_paths
    from extract.output import write_jsonl

    spec = importlib.util.spec_from_file_location("gen_versions", ROOT / "bench" / "gen_versions.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_versions"] = gen  # its dataclasses look their module up
    spec.loader.exec_module(gen)
    t0 = time.perf_counter()
    records, seed = [], 0
    while sum(r.record_type == "story" for r in records) < stories:
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
    (work / "local.json").write_text(json.dumps({"stories": n, "groups": len(res.groups),
                                                 "conflicts": len(res.conflicts), "seconds": t_local}))
    return t_local


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=20000)
    ap.add_argument("--address", default=None, help="a running Ray cluster (default: start a local one)")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true",
                    help="reuse facts.jsonl and the local outputs already in --work (local.json)")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="nfequiv"))
    work.mkdir(parents=True, exist_ok=True)
    facts = work / "facts.jsonl"
    if a.reuse:
        if not a.work or not (work / "local.json").exists():
            sys.exit("--reuse needs --work with facts.jsonl and local.json from an earlier run")
        local = json.loads((work / "local.json").read_text())
        t_local = local["seconds"]
        print(f"reused {facts}: {local['stories']} story records; local check: {local['groups']} groups, "
              f"{local['conflicts']} conflicts, {t_local:.0f} s (earlier run)")
    else:
        t_local = generate_and_check_locally(a.stories, work, facts)
    sys.stdout.flush()

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
          f"({engine.cpus()} CPUs; ray/local time {t_ray / t_local:.2f}); driver peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    if m.get("grouping"):
        print("grouping:", json.dumps(m["grouping"], sort_keys=True))
    print(f"conflicts equal byte for byte: {ray_c == local_c}, sorted: {sorted(ray_c.splitlines()) == sorted(local_c.splitlines())}; "
          f"groups equal: {ray_g == local_g}")
    sys.exit(0 if ray_c == local_c and ray_g == local_g else 1)


if __name__ == "__main__":
    main()
