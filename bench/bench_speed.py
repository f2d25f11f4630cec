"""End-to-end speed, memory and start-up of ``extract`` on real text, next to pkuseg alone and
next to a baseline revision, all measured in the same run (issue 11).

    .venv/bin/python bench/bench_speed.py [--baseline REV] [--chars 500000] [--jobs 1 2] [--npipe] [--repeat N]

Text: the CTB6, PKU and MSR documents of ``bench/realtext.py`` (Xinhua and People's Daily text
from ``../shared/corpora``, about 2,000 characters a document, flowing layout), up to ``--chars``
characters, written once to a temporary folder as .txt files.

Every figure comes from a fresh child process (``extract.api.extract_paths``, the public entry
point that both revisions have), so one measurement's memory never leaks into the next:

* ``startup``: import, build the pipeline and extract one short document (seconds);
* ``jobs=N``: the whole folder with N worker processes, from process start (cold: worker start-up
  included), characters a second; peak RSS of the process and of its largest worker;
* ``warm jobs=1``: the same after one document has built the pipeline (steady state);
* ``warm, no trigger``: the same with the recogniser run on every sentence (its trigger off);
* ``npipe jobs=N`` (``--npipe``): spaCy's ``nlp.pipe(n_process=N)`` instead of the worker pool:
  the pages are read in the parent, the story texts go through ``nlp.pipe`` (forked workers send
  the Docs back as bytes, so a last component makes the facts plain dicts) and the facts become
  models again in the parent; warm, after one document has built the pipeline;
* ``pkuseg alone``: spaCy's zh tokenizer with pkuseg over the same texts.

Every figure is also given per CPU-second (the process's and its children's user + system time),
which other work on the machine disturbs much less than the wall clock; ``--repeat N`` keeps
each measurement's fastest of N runs.

The baseline revision is checked out with ``git worktree`` into a temporary folder. The machine is
noisy: read the ratios, not the absolute figures.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
cpu0 = 0.0


def cputime():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


mode, folder, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
chars = sum(len(open(f, encoding="utf-8").read()) for f in files)
out = {}
if mode == "pkuseg":
    import spacy
    from extract import model
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model.model_dir()))
    texts = [open(f, encoding="utf-8").read() for f in files]
    t, cpu0 = time.perf_counter(), cputime()
    for x in texts:
        nlp.make_doc(x)
    out["seconds"] = time.perf_counter() - t
else:
    from extract.api import extract_paths
    if mode == "startup":
        list(extract_paths([files[0]], jobs=1))
        out["seconds"] = time.perf_counter() - t0
    elif mode == "notrigger":   # the recogniser on every sentence, not only triggered ones
        from extract.inputs import iter_inputs
        from extract.nlp import build_nlp
        from extract.pipeline import extract_items
        nlp = build_nlp()
        nlp.get_pipe("recognizer").trigger = False
        list(extract_items(iter_inputs([files[0]]), nlp))
        t, cpu0 = time.perf_counter(), cputime()
        recs = list(extract_items(iter_inputs(files), nlp))
        out["seconds"] = time.perf_counter() - t
        out["records"] = len(recs)
    elif mode == "npipe":   # spaCy's own multiprocessing instead of extract's worker pool
        from spacy.language import Language
        from schemas import ReferenceDate, StoryRecord
        from extract.facts.registry import FACT_KINDS
        from extract.inputs import iter_inputs
        from extract.nlp import build_nlp
        from extract.text.page import read_page
        none = ReferenceDate(source="none", year_source="none")

        @Language.component("bench_reference")
        def bench_reference(doc):
            doc._.reference_date = none
            return doc

        @Language.component("bench_plain")
        def bench_plain(doc):   # Doc.to_bytes cannot carry pydantic objects
            for kind in FACT_KINDS:
                setattr(doc._, kind, [x.model_dump(mode="json") for x in getattr(doc._, kind) or []])
            doc._.reference_date = None
            return doc

        nlp = build_nlp()
        nlp.add_pipe("bench_reference", first=True)
        nlp.add_pipe("bench_plain", last=True)
        list(nlp.pipe(["国务院总理李克强在北京主持召开国务院常务会议。"]))
        t, cpu0 = time.perf_counter(), cputime()
        texts = [st.text for d in iter_inputs(files) for st in read_page(d.text) if st.text]
        n = 0
        for doc in nlp.pipe(texts, n_process=jobs, batch_size=4):
            facts = {k: getattr(doc._, k) for k in FACT_KINDS}
            StoryRecord.model_validate({"story_id": "s", "source": {"path": "p", "doc_id": "d"}, "start": 0,
                                        "end": 0, "text": doc.text, **facts})
            n += 1
        out["seconds"] = time.perf_counter() - t
        out["records"] = n
    elif mode == "warm":
        list(extract_paths([files[0]], jobs=1))
        t, cpu0 = time.perf_counter(), cputime()
        recs = list(extract_paths(files, jobs=1))
        out["seconds"] = time.perf_counter() - t
        out["records"] = len(recs)
    else:
        recs = list(extract_paths(files, jobs=jobs))
        out["seconds"] = time.perf_counter() - t0
        out["records"] = len(recs)
out["chars"] = chars
out["cpu"] = cputime() - cpu0
out["rss_self_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["rss_child_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


def write_corpus(folder: Path, limit: int) -> int:
    from realtext import documents, flowing

    total, i = 0, 0
    # interleave the corpora so any prefix has all three
    by = [documents(c) for c in ("ctb6", "pku", "msr")]
    docs = [d for group in zip(*by) for d in group]
    for paras in docs:
        if total >= limit:
            break
        text = flowing(paras)
        (folder / f"doc_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
        i += 1
    return total


def child(repo: Path, mode: str, folder: Path, jobs: int = 1, repeat: int = 1) -> dict:
    """One measurement in a fresh process; with ``repeat``, the fastest of that many."""
    env = dict(os.environ, PYTHONPATH=str(repo), OMP_NUM_THREADS="1")
    runs = []
    for _ in range(repeat):
        res = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder), str(jobs)], cwd=repo, env=env,
                             capture_output=True, text=True, check=False)
        if res.returncode != 0:
            raise SystemExit(f"{repo} {mode}: {res.stderr[-2000:]}")
        runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    best["cpu"] = min(r["cpu"] for r in runs)
    return best


def measure(repo: Path, folder: Path, jobs: list[int], repeat: int, npipe: bool) -> dict:
    out = {"startup": child(repo, "startup", folder, 1, repeat), "warm jobs=1": child(repo, "warm", folder, 1, repeat),
           "warm, no trigger": child(repo, "notrigger", folder, 1, repeat)}
    for n in jobs:
        out[f"jobs={n}"] = child(repo, "run", folder, n, repeat)
    if npipe:
        for n in jobs:
            out[f"npipe jobs={n}"] = child(repo, "npipe", folder, n, repeat)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default=None, help="a git revision to measure beside the working tree")
    ap.add_argument("--chars", type=int, default=500_000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--repeat", type=int, default=1, help="keep the fastest of N runs of each measurement")
    ap.add_argument("--npipe", action="store_true", help="also measure nlp.pipe(n_process=N) for each --jobs N")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = write_corpus(folder, args.chars)
        print(f"corpus: {len(os.listdir(folder))} documents, {chars:,} characters (CTB6+PKU+MSR)")
        figures = {"pkuseg alone": child(ROOT, "pkuseg", folder, 1, args.repeat),
                   "this tree": measure(ROOT, folder, args.jobs, args.repeat, args.npipe)}
        if args.baseline:
            wt = Path(tmp) / "baseline"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(wt), args.baseline],
                           check=True, capture_output=True)
            try:
                figures[f"baseline {args.baseline}"] = measure(wt, folder, args.jobs, args.repeat, args.npipe)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)],
                               check=False, capture_output=True)
    pk = figures["pkuseg alone"]
    pk_cps = pk["chars"] / pk["seconds"]
    print(f"pkuseg alone: {pk_cps:,.0f} chars/s, {pk['chars'] / pk['cpu']:,.0f} chars/CPU-s")
    base = figures.get(f"baseline {args.baseline}") if args.baseline else None
    keys = (["warm jobs=1", "warm, no trigger"] + [f"jobs={n}" for n in args.jobs]
            + ([f"npipe jobs={n}" for n in args.jobs] if args.npipe else []))
    for name, f in figures.items():
        if name == "pkuseg alone":
            continue
        print(f"{name}:")
        vs = f" ({f['startup']['seconds'] / base['startup']['seconds']:.2f}x baseline)" if base and f is not base else ""
        print(f"  startup {f['startup']['seconds']:.2f} s{vs} ({f['startup']['cpu']:.2f} CPU-s), "
              f"peak RSS {f['startup']['rss_self_mb']:.0f} MB")
        for key in keys:
            r = f[key]
            cps = r["chars"] / r["seconds"]
            extra = ""
            if key.startswith(("jobs=", "npipe")) and key != "jobs=1":
                one = f["jobs=1"]
                extra = f", {cps / (one['chars'] / one['seconds']):.2f}x jobs=1"
            if base and f is not base:
                b = base[key]
                extra += f", {cps / (b['chars'] / b['seconds']):.2f}x baseline"
            rss = max(r["rss_self_mb"], r["rss_child_mb"])
            print(f"  {key:16s} {cps:8,.0f} chars/s = {cps / pk_cps:.2f}x pkuseg{extra}; "
                  f"{r['chars'] / r['cpu']:,.0f} chars/CPU-s; peak RSS {rss:.0f} MB (largest process)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
