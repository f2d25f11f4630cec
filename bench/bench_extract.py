"""Throughput of the extraction stages, next to pkuseg segmentation alone.

Builds a corpus of at least ``--mb`` megabytes (UTF-8) by repeating the fixtures (each
copy a separate document), then times each stage over the whole corpus and prints
characters per second. The machine is noisy: compare the ratios against the
``pkuseg alone`` baseline measured in the same run, not the absolute figures.

    python bench/bench_extract.py [--mb 5]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.inputs import RawDoc, decode_bytes  # noqa: E402
from extract.nlp import build_nlp, segmenter  # noqa: E402
from extract.pipeline import extract_doc  # noqa: E402
from extract.text.page import read_page  # noqa: E402


def corpus(mb: float) -> list[tuple[str, bytes]]:
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    out, size, i = [], 0, 0
    while size < mb * 1_000_000:
        p = seeds[i % len(seeds)]
        data = p.read_bytes()
        out.append((f"{i:05d}_{p.name}", data))
        size += len(data)
        i += 1
    return out


def timed(label: str, fn, chars: int, rows: list) -> float:
    t = time.perf_counter()
    fn()
    dt = time.perf_counter() - t
    rows.append((label, dt, chars / dt if dt else float("inf")))
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    raw = corpus(args.mb)
    nbytes = sum(len(d) for _, d in raw)
    texts: list[tuple[str, str]] = []
    rows: list = []
    t0 = time.perf_counter()
    nlp = build_nlp()
    load = time.perf_counter() - t0
    chars = sum(len(d.decode("utf-8")) for _, d in raw)
    print(f"corpus: {len(raw)} documents, {nbytes / 1e6:.2f} MB, {chars:,} characters; model load {load:.1f} s")

    timed("decode", lambda: texts.extend((n, decode_bytes(d, n)[0]) for n, d in raw), chars, rows)
    story_texts: list[str] = []

    def segment() -> None:
        for _, text in texts:
            story_texts.extend(story.text for story in read_page(text))
    timed("read_page (layout+stories+normalise+sentences)", segment, chars, rows)
    body_chars = sum(len(t) for t in story_texts)
    # the pipeline's Docs have character tokens (issue 11); pkuseg is the process's shared segmenter
    pkuseg = getattr(nlp.tokenizer, "pkuseg_seg", None) or segmenter().pkuseg_seg
    timed("pkuseg alone (baseline)", lambda: [pkuseg.cut(t) for t in story_texts], body_chars, rows)
    docs = []
    timed("spaCy zh tokenizer (pipeline's)", lambda: docs.extend(nlp.make_doc(t) for t in story_texts), body_chars, rows)
    for name, proc in nlp.pipeline:
        timed(f"component {name}", lambda proc=proc: [proc(d) for d in docs], body_chars, rows)
    timed("whole run (extract_doc)", lambda: [extract_doc(RawDoc(n, n, t), nlp) for n, t in texts], chars, rows)
    base = next(r[2] for r in rows if r[0].startswith("pkuseg alone"))
    print(f"{'stage':48} {'seconds':>8} {'chars/s':>12} {'x pkuseg':>9}")
    for label, dt, cps in rows:
        print(f"{label:48} {dt:8.2f} {cps:12,.0f} {cps / base:9.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
