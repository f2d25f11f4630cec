"""How fast the review desk renders with many conflicts (issue 13: queue and conflict page ≤ 100 ms
with 100,000 conflicts in SQLite).

    .venv/bin/python bench/bench_review.py [--conflicts 100000] [--decided 10000] [--repeat 20]

Builds an SQLite database in a temporary folder (the loader's schema; rows inserted directly,
3 readings a conflict over 200 groups and 30 sources, a share decided), then times full requests
through Starlette's TestClient: the queue (first page, a filtered page, a page deep in the queue)
and a conflict page. Prints the median and the worst of each, in milliseconds.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from extract.load import make_engine  # noqa: E402
from extract.load import tables as T  # noqa: E402
from extract.load.db import create_schema  # noqa: E402
from extract.review.app import create_app  # noqa: E402
from extract.review.store import open_database, now  # noqa: E402

SEV, FIELDS = ("high", "medium", "low"), ("official.name", "claim.value", "date", "text", "punctuation")
KINDS = ("similar_glyph", "numeral", "substitution", "omission", "punctuation")


def build(url: str, n: int, decided: int) -> None:
    engine = make_engine(url)
    create_schema(engine)
    groups = [{"group_id": f"g_{g:05d}", "schema_version": "1.0", "loaded_from": "bench"} for g in range(200)]
    with engine.begin() as conn:
        conn.execute(insert(T.groups), groups)
        for lo in range(0, n, 10000):
            cs, rs = [], []
            for i in range(lo, min(n, lo + 10000)):
                cid = f"c_{i:016x}"
                cs.append({"conflict_id": cid, "group_id": f"g_{i % 200:05d}", "schema_version": "1.0",
                           "field": FIELDS[i % 5], "kind": KINDS[i % 5], "evidence": ["similar_shape"],
                           "severity": SEV[i % 3], "consensus": "谢少锋", "context": "司长【谢少锋】表示",
                           "loaded_from": "bench"})
                for j, text in enumerate(("谢少锋", "谢少峰", "谢少锋")):
                    src = f"fixtures/bench/{(i + j) % 30:03d}.txt"
                    rs.append({"reading_id": f"{cid}:{j}", "conflict_id": cid, "idx": j, "story_id": "s",
                               "story_key": f"s@{(i + j) % 30}", "source_path": src, "doc_id": src[-7:],
                               "start": 100, "end": 103, "text": text, "votes": 2 if j != 1 else 1,
                               "context_before": "司长", "context_after": "表示", "source_line": None, "value": None})
            conn.execute(insert(T.conflicts), cs)
            conn.execute(insert(T.readings), rs)
        conn.execute(insert(T.decisions), [
            {"conflict_id": f"c_{i * (n // max(1, decided)):016x}", "decision": "accept", "chosen": "谢少锋",
             "reviewer": "bench", "decided_at": now(), "seen_decision_id": 0} for i in range(decided)])
    engine.dispose()


def timed(client, path: str, repeat: int) -> tuple[float, float]:
    client.get(path)  # warm
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, (path, r.status_code)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conflicts", type=int, default=100_000)
    ap.add_argument("--decided", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    from starlette.testclient import TestClient

    with tempfile.TemporaryDirectory() as d:
        url = f"sqlite:///{d}/bench.db"
        t0 = time.perf_counter()
        build(url, args.conflicts, args.decided)
        print(f"built {args.conflicts} conflicts, {args.decided} decided, in {time.perf_counter() - t0:.1f} s")
        engine = make_engine(url)
        open_database(engine)
        client = TestClient(create_app(url, engine=engine))
        client.get("/reviewer")
        client.post("/reviewer", data={"csrf": client.cookies["nf_csrf"], "name": "bench"})
        mid = f"c_{args.conflicts // 2:016x}"
        for label, path in (("queue, first page", "/queue"),
                            ("queue, severity=low&status=undecided", "/queue?severity=low&status=undecided"),
                            ("queue, source filter", "/queue?source=fixtures/bench/007.txt"),
                            ("queue, page 1000", "/queue?page=1000"),
                            ("conflict page", f"/conflict/{mid}")):
            med, worst = timed(client, path, args.repeat)
            print(f"{label:40s} median {med:6.1f} ms   worst {worst:6.1f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
