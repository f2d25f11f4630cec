"""Loader throughput and memory: the same facts at growing sizes, into SQLite.

Makes JSONL files of N story records by copying out/facts.jsonl (run `make run` first)
under new story ids and source paths, loads each into a fresh SQLite file in a fresh
process, and prints seconds, lines/s and peak memory. Constant peak memory across sizes
is what streaming must show.

    .venv/bin/python bench/bench_load.py [--sizes 1000 4000 16000] [--db-url postgresql://...]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_file(n: int, src: Path, out: Path) -> int:
    base = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    base = [b for b in base if b["record_type"] == "story"]
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(base[i % len(base)])
            rec["story_id"] = f"s_bench{i:08d}"
            rec["source"] = {"path": f"bench/{i // len(base):06d}/{rec['source']['doc_id']}", "doc_id": rec["source"]["doc_id"]}
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    return out.stat().st_size


def _load(path: str, url: str, q) -> None:
    from extract.load import load_paths

    t = time.perf_counter()
    summary = load_paths([path], url)
    q.put((time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, summary.line()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    ap.add_argument("--src", type=Path, default=ROOT / "out" / "facts.jsonl")
    ap.add_argument("--db-url", default=None, help="default: a fresh SQLite file per size")
    args = ap.parse_args()
    print(f"{'stories':>8} {'MB':>7} {'seconds':>8} {'stories/s':>10} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            f = Path(tmp) / f"s{n}.jsonl"
            size = make_file(n, args.src, f)
            url = args.db_url or f"sqlite:///{tmp}/s{n}.db"
            q = mp.get_context("fork").Queue()
            p = mp.get_context("fork").Process(target=_load, args=(str(f), url, q))
            p.start()
            secs, peak, line = q.get()
            p.join()
            print(f"{n:8d} {size / 1e6:7.1f} {secs:8.2f} {n / secs:10.0f} {peak:8.0f}")


if __name__ == "__main__":
    main()
