"""Ray engine throughput: one node against two nodes (each ``--num-cpus 1``), in the same run.

    python bench/bench_ray.py [--stories 30] [--sets 3] [--repeat 1]

Starts a head node (``ray start --head --num-cpus 1``) on free ports in a temporary folder,
extracts generated sets (bench/gen_versions.py, CTB6 stories in pages; ``--sets`` sets drawn
with different seeds, as CTB6 has only 78 source stories) with ``--engine ray``, joins a second
node (``ray start --address``, ``--num-cpus 1``), extracts the same sets again, and stops both
(``ray stop``). Prints stories a second on one and on two nodes and the ratio. Each run includes
the engine's fixed costs (the actors loading the pipeline, the stages' scheduling), as a user's
run does; each configuration also extracts the first set alone, and the difference between the
two runs is the marginal rate (fixed costs removed), the per-core rate docs/scale.md uses.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RAY = str(Path(sys.executable).parent / "ray")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ports() -> list[str]:
    return [a for o in ("--node-manager-port", "--object-manager-port", "--dashboard-agent-listen-port",
                        "--dashboard-agent-grpc-port", "--metrics-export-port", "--runtime-env-agent-port")
            for a in (o, str(_port()))]


def env() -> dict[str, str]:
    return dict(os.environ, RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="disabled", PYTHONPATH=str(ROOT))


def start_head(tmp: str) -> str:
    port = _port()
    subprocess.run([RAY, "start", "--head", "--num-cpus", "1", "--port", str(port), "--node-ip-address", "127.0.0.1",
                    "--temp-dir", tmp, "--include-dashboard", "false", "--disable-usage-stats", *_ports()],
                   check=True, env=env(), capture_output=True)
    return f"127.0.0.1:{port}"


def join(address: str) -> None:
    subprocess.run([RAY, "start", "--address", address, "--num-cpus", "1", "--node-ip-address", "127.0.0.1",
                    "--disable-usage-stats", *_ports()], check=True, env=env(), capture_output=True)


def extract_once(inputs: list[str], out: str, address: str) -> tuple[float, int]:
    """Seconds and stories of one ``extract --engine ray`` (a fresh driver, as the CLI runs)."""
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "extract", "extract", *inputs, "--engine", "ray", "--address", address,
                        "-o", out], env=env(), capture_output=True, cwd=ROOT)
    secs = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise SystemExit(r.stderr.decode()[-3000:])
    import orjson

    return secs, orjson.loads((Path(out) / "manifest.json").read_bytes())["stories"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=30, help="source stories of the generated set (2-4 versions each)")
    ap.add_argument("--sets", type=int, default=3, help="generated sets (seeds 5, 6, …), each --stories stories")
    ap.add_argument("--repeat", type=int, default=1, help="runs each way (the fastest counts)")
    a = ap.parse_args()
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_versions", ROOT / "bench" / "gen_versions.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_versions"] = gen  # its dataclasses look their module up
    spec.loader.exec_module(gen)
    work = Path(tempfile.mkdtemp(prefix="nfbench", dir="/tmp"))
    sets = [str(work / "set" / f"seed_{5 + k}") for k in range(a.sets)]
    for k, folder in enumerate(sets):
        gen.generate(Path(folder), a.stories, "2-4", 5 + k, per_page=3)
    tmp = tempfile.mkdtemp(prefix="nfray", dir="/tmp")

    def measure(name: str, address: str) -> tuple[tuple[float, int], tuple[float, int]]:
        small = min(extract_once(sets[:1], str(work / f"{name}_small"), address) for _ in range(a.repeat))
        full = min(extract_once(sets, str(work / name), address) for _ in range(a.repeat))
        return small, full

    try:
        address = start_head(tmp)
        one_small, one = measure("one", address)
        join(address)
        time.sleep(2)
        two_small, two = measure("two", address)
    finally:
        subprocess.run([RAY, "stop"], env=env(), capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    same = all((work / "one" / f).read_bytes() == (work / "two" / f).read_bytes()
               for f in os.listdir(work / "one"))
    print(f"stories {one[1]} ({a.sets} sets); one node {one[0]:.1f} s ({one[1] / one[0]:.2f} stories/s), "
          f"two nodes {two[0]:.1f} s ({two[1] / two[0]:.2f} stories/s); "
          f"two/one throughput ratio {one[0] / two[0]:.2f}; outputs identical: {same}")
    for name, small, full in (("one node", one_small, one), ("two nodes", two_small, two)):
        extra = full[1] - small[1]
        rate = extra / (full[0] - small[0]) if full[0] > small[0] else float("nan")
        print(f"{name}: first set alone {small[1]} stories in {small[0]:.1f} s; marginal rate "
              f"({extra} more stories) {rate:.2f} stories/s")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
