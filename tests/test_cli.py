"""The command line end to end (issue 2): exit codes, error records, determinism, atomic output."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from .conftest import ROOT, SEEDS


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path, Path]:
    """Seeds plus a binary file, an empty file, a GBK copy and a bad JSONL line, in one folder."""
    d = tmp_path_factory.mktemp("in")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, d / p.name)
    (d / "junk.bin").write_bytes(bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "gbk_002.txt").write_bytes(next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8").encode("gbk"))
    (d / "lines.jsonl").write_text('{"id": "j1", "text": "新华社北京12月25日电 测试。", "published": "2024-01-02"}\n{oops\n',
                                   encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "facts.jsonl"
    return run("extract", str(d), "-o", str(out), "--jobs", "2"), d, out


def test_batch_goes_on_and_reports_failures(batch) -> None:
    proc, _, out = batch
    assert proc.returncode == 1, proc.stderr.decode()
    recs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    errors = {(Path(r["path"]).name, r["code"]) for r in recs if r["record_type"] == "error"}
    assert errors == {("junk.bin", "NF002"), ("empty.txt", "NF004"), ("lines.jsonl", "NF005")}
    docs = {r["source"]["doc_id"] for r in recs if r["record_type"] == "story"}
    assert {"j1", "gbk_002.txt"} | {p.name for p in SEEDS.glob("*.txt")} <= docs
    summary = proc.stderr.decode().strip().splitlines()[-1]
    assert "inputs" in summary and "3 errors" in summary


def test_gbk_copy_equals_utf8(batch) -> None:
    _, _, out = batch
    recs = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    by_doc = lambda name: [(r["start"], r["end"], r["text"], r["headline"]) for r in recs  # noqa: E731
                           if r.get("source", {}).get("doc_id") == name]
    assert by_doc("gbk_002.txt") == by_doc(next(SEEDS.glob("002_*.txt")).name)


def test_output_is_deterministic(batch, tmp_path: Path) -> None:
    _, d, out = batch
    again = tmp_path / "again.jsonl"
    proc = run("extract", str(d), "-o", str(again))  # one process this time
    assert proc.returncode == 1
    assert again.read_bytes() == out.read_bytes()


def test_stdin_and_stdout() -> None:
    proc = run("extract", "-", stdin="新华社北京12月25日电 工业和信息化部科技司司长谢少锋表示，将推进创新。".encode())
    assert proc.returncode == 0, proc.stderr.decode()
    (rec,) = [orjson.loads(line) for line in proc.stdout.splitlines()]
    assert rec["source"] == {"doc_id": "stdin", "line": None, "path": "-"} and rec["dateline"] == "新华社北京12月25日电"


@pytest.mark.parametrize("args", [["extract"], ["frobnicate"], ["extract", "x", "--jobs", "0"],
                                  ["extract", "x", "--reference-date", "25/12/2023"]])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_progress_goes_to_a_terminal_only(tmp_path: Path) -> None:
    """A progress line on standard error when it is a terminal; none when it is a pipe (issue 2)."""
    import os
    import pty

    p = tmp_path / "a.txt"
    p.write_text("新华社北京12月25日电 工业和信息化部科技司司长谢少锋表示，将推进创新。", encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "extract", "extract", str(p), "-o", str(tmp_path / "o.jsonl")],
                          cwd=ROOT, stderr=slave, stdout=subprocess.DEVNULL, timeout=600)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    tty_err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "1/1 inputs" in tty_err
    piped = run("extract", str(p), "-o", str(tmp_path / "o2.jsonl"))
    assert b"1/1 inputs" not in piped.stderr and b"1 stories" in piped.stderr
