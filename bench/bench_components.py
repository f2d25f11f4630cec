"""Where extraction time goes: CPU seconds of each pipeline component, and of the page layout
around them, on the real text ``bench/bench_speed.py`` uses (issue 11).

    .venv/bin/python bench/bench_components.py [--chars 100000] [--repeat 3] [--baseline REV]

Text: the CTB6, PKU and MSR documents of ``bench/realtext.py`` (flowing layout), up to ``--chars``
characters, as ``bench_speed.py`` writes them. Each document goes through ``extract_doc`` with the
process's shared pipeline, warm (one document first); every component's ``__call__`` is wrapped in
a CPU-time counter, and what the pipeline spends outside the components (reading the page,
splitting stories, records) is the rest. Each figure is the fastest of ``--repeat`` passes, given in
seconds and in characters per CPU second (the whole text's characters over that component's time:
the speed the extractor would reach if that component were all it ran).

With ``--baseline REV`` the same measurement runs on that revision too (checked out with ``git
worktree`` into a temporary folder, each in a fresh process), and the ratios are printed: the
machine is noisy, read the ratios, not the absolute figures.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

CHILD = r"""
import json, sys, time
from pathlib import Path
from extract.inputs import RawDoc
from extract.nlp import shared_nlp
from extract.pipeline import extract_doc

folder, repeat = Path(sys.argv[1]), int(sys.argv[2])
docs = [RawDoc(path=str(p), doc_id=p.stem, text=p.read_text(encoding="utf-8"), published=None)
        for p in sorted(folder.glob("*.txt"))]
nlp = shared_nlp(None)
spent = {}

def timed(name, proc):
    def call(doc):
        t0 = time.process_time()
        try:
            return proc(doc)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - t0
    return call

nlp._components = [(name, timed(name, proc)) for name, proc in nlp._components]
list(extract_doc(docs[0], nlp))
best = None
for _ in range(repeat):
    spent.clear()
    t0 = time.process_time()
    for d in docs:
        list(extract_doc(d, nlp))
    total = time.process_time() - t0
    run = dict(spent, total=total, rest=total - sum(spent.values()))
    best = run if best is None or run["total"] < best["total"] else best
print(json.dumps({"chars": sum(len(d.text) for d in docs), "seconds": best}))
"""


def measure(repo: Path, folder: Path, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(repo), OMP_NUM_THREADS="1")
    res = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(repeat)], cwd=repo, env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", help="a git revision measured the same way, for ratios")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_speed import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write_corpus(folder, args.chars)
        runs = {"main": measure(REPO, folder, args.repeat)}
        if args.baseline:
            wt = Path(tmp) / "baseline"
            subprocess.run(["git", "worktree", "add", "--detach", str(wt), args.baseline], cwd=REPO, check=True,
                           capture_output=True)
            try:
                models = REPO / "extract" / "data" / "models"
                if not (wt / "extract" / "data" / "models").exists() and models.exists():
                    (wt / "extract" / "data" / "models").symlink_to(models)
                runs["baseline"] = measure(wt, folder, args.repeat)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(wt)], cwd=REPO, capture_output=True)
    chars = runs["main"]["chars"]
    names = sorted(runs["main"]["seconds"], key=lambda n: -runs["main"]["seconds"][n])
    print(f"{chars:,} characters; CPU seconds (fastest of {args.repeat}) and characters per CPU second")
    head = f"{'component':<22}{'main s':>9}{'main c/s':>12}"
    if "baseline" in runs:
        head += f"{'base s':>9}{'base c/s':>12}{'speed-up':>10}"
    print(head)
    for n in names:
        s = runs["main"]["seconds"][n]
        line = f"{n:<22}{s:>9.3f}{chars / s if s else float('inf'):>12,.0f}"
        if "baseline" in runs:
            b = runs["baseline"]["seconds"].get(n)
            line += f"{b:>9.3f}{chars / b:>12,.0f}{b / s:>9.2f}×" if b else f"{'-':>9}{'-':>12}{'-':>10}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
