"""Time version grouping (extract/crosscheck/group.py) at 2,500 … 20,000 stories.

Stories are 5–14 random CTB6 sentences (spaces removed); about 10 % are near-duplicate
versions of an earlier story: a few characters replaced, sometimes a sentence dropped,
sentences reordered, or only 60–85 % of the story printed (a partial version). Each
size is the prefix of one pool, grouped in a fresh forked process so that peak memory
(ru_maxrss growth) is that size's own. Grouping is scored pairwise against the planted
duplicates, and the cost per story at the largest size is compared with the smallest.

    python bench/bench_group.py [--sizes 2500 5000 10000 20000] [--seed 1]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import time
from itertools import combinations
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.crosscheck.group import group_versions  # noqa: E402

CTB = [ROOT.parent / "shared" / "corpora" / "ctb6" / f"ctb6.{part}.seg" for part in ("test", "dev")]
DUP_SHARE = 0.10

_POOL: tuple[list[str], list[int]] = ([], [])


def sentences() -> list[str]:
    """Distinct CTB6 sentences of at least 15 characters."""
    out = []
    for p in CTB:
        for line in p.read_text(encoding="utf-8").splitlines():
            s = line.replace(" ", "")
            if len(s) >= 15 and s[-1] in "。！？”":
                out.append(s)
    return list(dict.fromkeys(out))


def clause_sentences(rng: random.Random) -> Callable[[], str]:
    """A source of new sentences: 2–4 random CTB6 clauses joined (few repeat verbatim)."""
    clauses = list(dict.fromkeys(c.strip("。！？”") for s in sentences() for c in s.split("，")
                                 if len(c) >= 6))
    return lambda: "，".join(rng.sample(clauses, rng.randint(2, 4))) + "。"


def mutate(sents: list[str], rng: random.Random, chars: str) -> list[str]:
    """A near-duplicate version: character errors plus one structural change."""
    out = list(sents)
    r = rng.random()
    if r < 0.25 and len(out) > 4:
        out.pop(rng.randrange(len(out)))
    elif r < 0.5:
        rng.shuffle(out)
    elif r < 0.75:
        k = max(3, int(len(out) * rng.uniform(0.6, 0.85)))
        a = rng.randrange(0, len(out) - k + 1)
        out = out[a:a + k]
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(out))
        s = out[i]
        j = rng.randrange(len(s))
        out[i] = s[:j] + rng.choice(chars) + s[j + 1:]
    return out


def build_pool(n: int, seed: int, unit: str = "clause") -> tuple[list[str], list[int]]:
    """(texts, cluster id of each text); duplicates follow their originals in the list.

    ``unit`` "clause": sentences are new combinations of CTB6 clauses; "sentence": whole
    CTB6 sentences (3,000 of them, so unrelated stories often share a whole sentence).
    """
    rng = random.Random(seed)
    sents = sentences()
    chars = "".join(sorted(set("".join(sents[:500]))))
    make = clause_sentences(rng)
    texts: list[str] = []
    cluster: list[int] = []
    originals: list[list[str]] = []
    while len(texts) < n:
        if originals and rng.random() < DUP_SHARE:
            c = rng.randrange(max(0, len(originals) - 200), len(originals))
            texts.append("".join(mutate(originals[c], rng, chars)))
            cluster.append(c)
        else:
            k = rng.randint(5, 14)
            story = rng.sample(sents, k) if unit == "sentence" else [make() for _ in range(k)]
            originals.append(story)
            texts.append("".join(story))
            cluster.append(len(originals) - 1)
    return texts, cluster


def _run(n: int) -> dict:
    texts, cluster = _POOL[0][:n], _POOL[1][:n]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    g = group_versions(texts, [str(i) for i in range(n)])
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
    pred = {(a, b) for grp in g.groups for a, b in combinations(grp, 2)}
    members: dict[int, list[int]] = {}
    for i, c in enumerate(cluster):
        members.setdefault(c, []).append(i)
    true = {(a, b) for m in members.values() for a, b in combinations(m, 2)}
    tp = len(pred & true)
    return {"n": n, "seconds": dt, "pairs_checked": g.pairs_checked, "peak_mib": peak / 1024,
            "precision": tp / len(pred) if pred else 1.0, "recall": tp / len(true) if true else 1.0,
            "true_pairs": len(true)}


def main() -> None:
    global _POOL
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unit", choices=["clause", "sentence"], default="clause",
                    help="build sentences from random clauses (default) or reuse whole CTB6 sentences")
    a = ap.parse_args()
    print("$ python bench/bench_group.py " + " ".join(sys.argv[1:]))
    t0 = time.perf_counter()
    _POOL = build_pool(max(a.sizes), a.seed, a.unit)
    mean = sum(map(len, _POOL[0])) / len(_POOL[0])
    print(f"pool: {len(_POOL[0])} stories, mean {mean:.0f} chars, built in {time.perf_counter() - t0:.1f}s")
    ctx = mp.get_context("fork")
    rows = []
    print(f"{'stories':>8} {'seconds':>8} {'stories/s':>10} {'pairs checked':>14} {'peak MiB':>9}"
          f" {'precision':>9} {'recall':>7}")
    for n in a.sizes:
        with ctx.Pool(1) as pool:
            r = pool.apply(_run, (n,))
        rows.append(r)
        print(f"{r['n']:>8} {r['seconds']:>8.2f} {r['n'] / r['seconds']:>10.0f} {r['pairs_checked']:>14}"
              f" {r['peak_mib']:>9.1f} {r['precision']:>9.3f} {r['recall']:>7.3f}")
    lo, hi = rows[0], rows[-1]
    ratio = (hi["seconds"] / hi["n"]) / (lo["seconds"] / lo["n"])
    print(f"time per story, {hi['n']} vs {lo['n']}: ×{ratio:.2f} (1.0 = linear; "
          f"quadratic would be ×{hi['n'] / lo['n']:.0f})")


if __name__ == "__main__":
    main()
