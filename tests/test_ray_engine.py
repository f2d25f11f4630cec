"""The Ray engine (issue 14) on a real two-node Ray cluster on this machine.

The module fixture starts a head node and a second node (``ray start``, each ``--num-cpus 1``,
separate processes, free ports, a temporary folder) and stops them with ``ray stop`` in
teardown. Every run goes through the command line in a subprocess, as a user runs it.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import pytest

from .conftest import SEEDS, bench_module

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
RAY = str(Path(sys.executable).parent / "ray")
CTB = ROOT.parent / "shared" / "corpora" / "ctb6" / "ctb6.test.seg"

pytestmark = pytest.mark.skipif(not Path(RAY).exists(), reason="ray not installed (pip install 'newsfacts[ray]')")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _node_ports() -> list[str]:
    return ["--node-manager-port", str(_port()), "--object-manager-port", str(_port()),
            "--dashboard-agent-listen-port", str(_port()), "--dashboard-agent-grpc-port", str(_port()),
            "--metrics-export-port", str(_port()), "--runtime-env-agent-port", str(_port())]


def _env() -> dict[str, str]:
    # a test cluster on 127.0.0.1 only: no token, which a joining node would have to be given
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="disabled", PYTHONPATH=str(ROOT))
    env.pop("RAY_ADDRESS", None)
    return env


@pytest.fixture(scope="module")
def cluster():
    tmp = tempfile.mkdtemp(prefix="nfray", dir="/tmp")  # short: Ray's socket paths are limited
    port = _port()
    address = f"127.0.0.1:{port}"
    try:
        subprocess.run([RAY, "start", "--head", "--num-cpus", "1", "--port", str(port), "--node-ip-address",
                        "127.0.0.1", "--temp-dir", tmp, "--include-dashboard", "false", "--disable-usage-stats",
                        *_node_ports()],
                       check=True, env=_env(), capture_output=True, timeout=120)
        subprocess.run([RAY, "start", "--address", address, "--num-cpus", "1", "--node-ip-address", "127.0.0.1",
                        "--disable-usage-stats", *_node_ports()],
                       check=True, env=_env(), capture_output=True, timeout=120)
        yield address
    finally:
        subprocess.run([RAY, "stop"], env=_env(), capture_output=True, timeout=120)
        shutil.rmtree(tmp, ignore_errors=True)


def newsfacts(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "extract", *args], env=_env(), capture_output=True, timeout=timeout, cwd=ROOT)


def shard_bytes(folder: Path, kinds: tuple[str, ...] = ("part",)) -> bytes:
    """The output folder's shards concatenated in manifest order."""
    m = orjson.loads((folder / "manifest.json").read_bytes())
    return b"".join((folder / s["file"]).read_bytes() for s in m["shards"] if s["file"].startswith(kinds))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    if not CTB.exists():
        pytest.skip("CTB6 corpus not available (../shared)")
    folder = tmp_path_factory.mktemp("gen")
    bench_module("gen_versions").generate(folder, 30, "2-4", 14, per_page=3)
    return folder


@pytest.fixture(scope="module")
def local_gen(generated, tmp_path_factory):
    """The local engine's extract of the generated set, and its check of those records."""
    out = tmp_path_factory.mktemp("local")
    r = newsfacts("extract", str(generated), "-o", str(out / "facts.jsonl"))
    assert r.returncode == 0, r.stderr
    r = newsfacts("check", str(out / "facts.jsonl"), "-o", str(out / "conflicts.jsonl"), "--groups",
                  str(out / "groups.jsonl"))
    assert r.returncode == 0, r.stderr
    return out


def test_without_engine_ray_is_never_imported(tmp_path):
    code = ("import sys; from extract.cli import main; "
            f"rc = main(['extract', {str(SEEDS / '002_5b4b3f48a74c9603.txt')!r}, '-o', {str(tmp_path / 'o.jsonl')!r}]); "
            "print(rc, 'ray' in sys.modules, any(m.startswith('ray.') for m in sys.modules))")
    r = subprocess.run([PY, "-c", code], env=_env(), capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.stdout.split() == ["0", "False", "False"], r.stderr
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count('"record_type":"story"') >= 1


def test_output_must_be_a_folder(tmp_path):
    f = tmp_path / "file.jsonl"
    f.write_text("x")
    r = newsfacts("extract", str(SEEDS), "--engine", "ray", "-o", str(f))
    assert r.returncode == 2 and "NF104" in r.stderr.decode() and not list(tmp_path.glob("*.tmp"))


def test_seeds_equal_local_and_rerun_identical(cluster, tmp_path):
    local = tmp_path / "local.jsonl"
    assert newsfacts("extract", str(SEEDS), "-o", str(local)).returncode == 0
    out = tmp_path / "ray"
    out.mkdir()
    stale = out / "part-00007-00000.jsonl"  # a shard of some earlier run: removed
    stale.write_bytes(b"{}\n")
    r = newsfacts("extract", str(SEEDS), "--engine", "ray", "--address", cluster, "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert shard_bytes(out) == local.read_bytes()
    assert not stale.exists()
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    m = orjson.loads(first["manifest.json"])
    assert [i["items"] for i in m["inputs"]] == [5] and m["stories"] == local.read_bytes().count(b"\n")
    assert m["errors"]["count"] == 0

    # check over the shards: the local check's conflicts and groups, byte for byte
    lc, lg = tmp_path / "lc.jsonl", tmp_path / "lg.jsonl"
    assert newsfacts("check", str(SEEDS), "-o", str(lc), "--groups", str(lg)).returncode == 0
    ck, rg = tmp_path / "ck", tmp_path / "rg.jsonl"
    r = newsfacts("check", str(out), "--engine", "ray", "--address", cluster, "-o", str(ck), "--groups", str(rg))
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert shard_bytes(ck, ("conflicts", "errors")) == lc.read_bytes() and lc.read_bytes().count(b"\n") >= 6
    assert rg.read_bytes() == lg.read_bytes() and shard_bytes(ck, ("groups",)) == b""  # groups listed apart
    assert b"".join((ck / g["file"]).read_bytes() for g in orjson.loads((ck / "manifest.json").read_bytes())["groups"]) == lg.read_bytes()

    # the same run again into the same folder: the same files, the same bytes
    r = newsfacts("extract", str(SEEDS), "--engine", "ray", "--address", cluster, "-o", str(out))
    assert r.returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def _by_input(data: bytes) -> dict[tuple, list[bytes]]:
    """Output lines by the input document they belong to."""
    out: dict[tuple, list[bytes]] = {}
    for line in data.splitlines():
        rec = orjson.loads(line)
        key = ((rec["source"]["path"], rec["source"]["doc_id"]) if rec["record_type"] == "story"
               else (rec["path"], rec["doc_id"] or rec["path"]))
        out.setdefault(key, []).append(line)
    return out


def test_generated_set_equal_to_local(cluster, generated, local_gen, tmp_path):
    out = tmp_path / "ray"
    r = newsfacts("extract", str(generated), "--engine", "ray", "--address", cluster, "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    local = (local_gen / "facts.jsonl").read_bytes()
    assert local.count(b'"record_type":"story"') >= 100
    assert shard_bytes(out) == local
    ck = tmp_path / "ck"
    r = newsfacts("check", str(out), "--engine", "ray", "--address", cluster, "-o", str(ck))
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    conflicts = shard_bytes(ck, ("conflicts", "errors"))
    assert sorted(conflicts.splitlines()) == sorted((local_gen / "conflicts.jsonl").read_bytes().splitlines())
    assert conflicts == (local_gen / "conflicts.jsonl").read_bytes()
    groups = b"".join((ck / g["file"]).read_bytes() for g in orjson.loads((ck / "manifest.json").read_bytes())["groups"])
    assert groups == (local_gen / "groups.jsonl").read_bytes() and groups.count(b"\n") >= 20


def _rss_mb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return 0


def _extractor_pids() -> list[int]:
    """Extraction actors whose pipeline is loaded (~1 GB; an idle Ray worker is ~200 MB)."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                cmd = (d / "cmdline").read_bytes()
            except OSError:
                continue
            if cmd.startswith(b"ray::") and b"Extractor" in cmd and _rss_mb(int(d.name)) > 600:
                pids.append(int(d.name))
    return pids


def test_killed_worker_every_input_once(cluster, generated, local_gen, tmp_path):
    out = tmp_path / "ray"
    proc = subprocess.Popen([PY, "-m", "extract", "extract", str(generated), "--engine", "ray", "--address", cluster,
                             "-o", str(out)], env=_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = None
    deadline = time.monotonic() + 300
    # killed as soon as an actor has loaded its pipeline: its first batches are in flight and
    # nearly all of the work is still ahead, on a slow machine or a fast one
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        pids = _extractor_pids()
        if pids:
            killed = sorted(pids)[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.1)
    _, err = proc.communicate(timeout=600)
    assert killed is not None, "no extraction actor was found while the job ran"
    assert proc.returncode in (0, 1), err.decode()[-3000:]
    ray_out, local = _by_input(shard_bytes(out)), _by_input((local_gen / "facts.jsonl").read_bytes())
    assert set(ray_out) == set(local)  # every input accounted for
    for key, lines in ray_out.items():  # each once: its records as locally, or one NF019 record
        assert lines == local[key] or (len(lines) == 1 and orjson.loads(lines[0]).get("code") == "NF019"), key
    m = orjson.loads((out / "manifest.json").read_bytes())
    assert sum(s["item_count"] for s in m["shards"]) == m["inputs"][0]["items"] == len(local)


def _two_rounds(buckets: list[list[int]], docs: dict[int, int], verifies) -> dict[int, int]:
    """extract/distributed/check.py's grouping on the driver: buckets → star pairs → verified →
    labels → cross-label pairs → verified → labels, with ``verifies`` as the containment check."""
    import numpy as np
    import pyarrow as pa

    from extract.distributed import check

    table = pa.table({"seqs": [np.array(sorted(b), dtype=np.int64).tobytes() for b in buckets],
                      "docs": [np.array([docs[s] for s in sorted(b)], dtype=np.int64).tobytes() for b in buckets]})

    def verified(pairs) -> list[tuple[int, int]]:
        d = pairs.to_pydict()
        return [(a, b) for a, b in zip(d["key"], d["other"]) if verifies(a, b)]

    first = verified(check._star(table))
    labels = check.components(first)
    seqs = np.array(sorted(labels), dtype=np.int64)
    second = verified(check._cross(table, (seqs, np.array([labels[s] for s in seqs], dtype=np.int64))))
    assert not set(first) & set(second)  # round 2 proposes no pair inside a round-1 component
    return check.components(first + second)


def test_two_round_grouping_finds_the_components_of_all_verified_candidate_pairs():
    """Star pairs, then the pairs across round-1 labels: the components of every verified
    candidate pair from different documents (what the local check finds), on random buckets,
    documents and verification outcomes, including buckets whose smallest member verifies
    with nobody."""
    import random

    from extract.distributed.check import components

    rng = random.Random(14)
    for trial in range(300):
        n = rng.randint(2, 40)
        docs = {s: rng.randint(0, n // 2) for s in range(n)}
        story = {s: rng.randint(0, 3) for s in range(n)}  # which story a version prints
        ok = {(a, b) for a in range(n) for b in range(a + 1, n) if story[a] == story[b] and rng.random() < 0.6}
        buckets = [rng.sample(range(n), rng.randint(2, min(n, 12))) for _ in range(rng.randint(1, 15))]

        def verifies(a: int, b: int) -> bool:
            return (min(a, b), max(a, b)) in ok

        edges = {(min(a, b), max(a, b)) for bucket in buckets for a in bucket for b in bucket
                 if a != b and docs[a] != docs[b] and verifies(a, b)}
        assert _two_rounds(buckets, docs, verifies) == components(sorted(edges)), trial
