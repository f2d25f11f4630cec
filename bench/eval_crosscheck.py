"""Evaluate the cross-check on a generated folder (bench/gen_versions.py) or on the seeds.

    python bench/eval_crosscheck.py OUTDIR [--facts]     # OUTDIR holds pages + truth.json
    python bench/eval_crosscheck.py --seeds [--facts]    # seeds vs /work/shared/gold

Generated folder: grouping (pairwise precision/recall of version groups), conflict recall
(an injected error is found when a conflict has a reading in the wrong file whose raw span
overlaps the injected one), precision (conflicts matching no injected error count against
it; low-severity punctuation conflicts are reported apart), consensus accuracy (the correct
text lies inside the consensus and the wrong text inside the deviant reading), kind
accuracy. Seeds: every must_flag item found? every must_not_flag item left alone?
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.crosscheck import check_records  # noqa: E402
from extract.inputs import iter_inputs  # noqa: E402
from extract.pipeline import extract_items  # noqa: E402
from schemas import Conflict, Group, StoryRecord  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"
GOLD = Path("/work/shared/gold/seeds.conflicts.json")


def fold(s: str) -> str:
    """Whitespace removed, each character NFKC-folded (as the cross-check compares)."""
    out = []
    for c in s:
        if c.isspace():
            continue
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


def run_check(folder: Path, facts: bool) -> tuple[list[StoryRecord], dict[str, str], list[Group], list[Conflict]]:
    """Extraction (nlp None unless ``facts``) + check_records over a folder."""
    nlp = None
    if facts:
        from extract.nlp import build_nlp
        nlp = build_nlp()
    files = sorted(str(p) for p in folder.glob("*.txt"))
    recs = [r for r in extract_items(iter_inputs(files), nlp) if isinstance(r, StoryRecord)]
    raws = {p: Path(p).read_text(encoding="utf-8") for p in {r.source.path for r in recs}}
    groups, conflicts = check_records(recs, raws)
    return recs, raws, groups, conflicts


def overlaps(rs: int, re_: int, s: int, e: int) -> bool:
    """Raw spans overlap; an empty span counts when it touches the other."""
    if rs == re_ or s == e:
        return rs <= e and s <= re_
    return rs < e and s < re_


# ---------------------------------------------------------------- generated sets


@dataclass
class Report:
    rows: list[tuple[str, str]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_pos: list[Conflict] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)

    def add(self, name: str, value: Any) -> None:
        self.metrics[name] = value
        self.rows.append((name, f"{value:.3f}" if isinstance(value, float) else str(value)))


def record_labels(recs: list[StoryRecord], truth: dict) -> dict[str, set[str]]:
    """story_id → truth stories (and fillers) the record substantially holds.

    A record holds a story when their overlap (in sentence characters) is at least 100
    characters or half the record: a record that merges two stories holds both.
    """
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for sid, st in truth["stories"].items():
        for v in st["versions"]:
            spans.setdefault(v["file"], []).append((v["start"], v["end"], sid))
    for f in truth["fillers"]:
        spans.setdefault(f["file"], []).append((f["start"], f["end"], "filler:" + f["story"]))
    out: dict[str, set[str]] = {}
    for r in recs:
        size = sum(s.end - s.start for s in r.sentences)
        out[r.story_id] = set()
        for a, b, sid in spans.get(Path(r.source.path).name, []):
            ov = sum(max(0, min(b, s.end) - max(a, s.start)) for s in r.sentences)
            if ov >= min(100, 0.5 * size) and ov > 0:
                out[r.story_id].add(sid)
    return out


def evaluate(folder: Path, facts: bool = False) -> Report:
    """All figures for one generated folder."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    recs, raws, groups, conflicts = run_check(folder, facts)
    rep = Report()
    rep.add("seconds", round(time.perf_counter() - t0, 2))
    labels = record_labels(recs, truth)
    rec_file = {r.story_id: Path(r.source.path).name for r in recs}
    rep.add("records", len(recs))
    rep.add("records merging stories", sum(1 for v in labels.values() if len(v) > 1))
    holders: dict[tuple[str, str], int] = {}
    for rid, v in labels.items():
        for sid in v:
            holders[(sid, rec_file[rid])] = holders.get((sid, rec_file[rid]), 0) + 1
    rep.add("versions split into >1 record",
            sum(1 for k, n in holders.items() if n > 1 and not k[0].startswith("filler")))
    pred_pairs = good_pairs = 0
    found_pairs: set[tuple[str, str, str]] = set()
    for g in groups:
        for a, b in combinations([m.story_id for m in g.members], 2):
            pred_pairs += 1
            common = {s for s in labels.get(a, set()) & labels.get(b, set()) if not s.startswith("filler")}
            good_pairs += bool(common)
            fa, fb = sorted((rec_file[a], rec_file[b]))
            found_pairs |= {(s, fa, fb) for s in common}
    n_true = rec_pairs = 0
    for sid, st in truth["stories"].items():
        for fa, fb in combinations(sorted(v["file"] for v in st["versions"]), 2):
            n_true += 1
            rec_pairs += (sid, fa, fb) in found_pairs
    rep.add("group pairs predicted", pred_pairs)
    rep.add("grouping precision", good_pairs / pred_pairs if pred_pairs else 1.0)
    rep.add("grouping recall", rec_pairs / n_true if n_true else 1.0)

    matched: set[int] = set()
    found = cons_ok = kind_ok = 0
    for er in truth["errors"]:
        hit = None
        for ci, c in enumerate(conflicts):
            for r in c.readings:
                if Path(r.source.path).name == er["file"] and overlaps(r.start, r.end, er["start"], er["end"]):
                    hit = hit if hit is not None else (ci, r)
                    matched.add(ci)
        if hit is None:
            rep.misses.append(er)
            continue
        found += 1
        c, r = conflicts[hit[0]], hit[1]
        if c.consensus is not None and fold(er["correct"]) in fold(c.consensus) and fold(er["wrong"]) in fold(r.text):
            cons_ok += 1
        else:
            rep.misses.append({**er, "note": f"consensus {c.consensus!r}, deviant {r.text!r}"})
        kind_ok += c.kind == er["kind"]
    n_err = len(truth["errors"])
    content = [i for i, c in enumerate(conflicts) if c.severity != "low"]
    punct = [i for i, c in enumerate(conflicts) if c.severity == "low"]
    rep.false_pos = [conflicts[i] for i in content if i not in matched]
    rep.add("errors injected", n_err)
    rep.add("recall", found / n_err if n_err else 1.0)
    rep.add("conflicts (medium/high)", len(content))
    rep.add("precision", sum(1 for i in content if i in matched) / len(content) if content else 1.0)
    rep.add("punctuation conflicts (low)", len(punct))
    rep.add("punctuation conflicts unmatched", sum(1 for i in punct if i not in matched))
    rep.add("consensus accuracy (of found)", cons_ok / found if found else 0.0)
    rep.add("kind accuracy (of found)", kind_ok / found if found else 0.0)
    return rep


# ---------------------------------------------------------------- seeds


def _locate(raw: str, text: str) -> list[tuple[int, int]]:
    """Raw spans of every occurrence of ``text`` once whitespace is ignored and width folded."""
    chars, pos = [], []
    for i, c in enumerate(raw):
        if not c.isspace():
            chars.append(fold(c) or c)
            pos.append(i)
    canon, needle = "".join(chars), fold(text)
    out, k = [], canon.find(needle)
    while needle and k >= 0:
        out.append((pos[k], pos[k + len(needle) - 1] + 1))
        k = canon.find(needle, k + 1)
    return out


def _file(raws: dict[str, str], key: str) -> str:
    return next(p for p in raws if Path(p).name.startswith(key))


def evaluate_seeds(facts: bool = False) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """(table rows, summary) for the seeds against the gold conflicts."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    _, raws, _, conflicts = run_check(SEEDS, facts)

    def spans_of(item: dict) -> list[tuple[str, int, int]]:
        out = []
        readings = item.get("readings") or item.get("example") or {}
        for key, text in readings.items():
            path = _file(raws, key)
            for part in text.split(" … "):
                out += [(path, a, b) for a, b in _locate(raws[path], part)]
        return out

    def touches(c: Conflict, spans: list[tuple[str, int, int]]) -> bool:
        return any(r.source.path == p and overlaps(r.start, r.end, a, b) for r in c.readings for p, a, b in spans)

    rows, summary = [], {"must_flag": len(gold["must_flag"]), "found": 0, "consensus_ok": 0,
                         "must_not_flag_violations": 0, "other_conflicts": 0}
    allowed = [spans_of(x) for x in gold["must_flag"] + gold.get("also_fine_to_flag", [])]
    for item in gold["must_flag"]:
        g001 = item["readings"]["001"]
        p001 = _file(raws, "001")
        loc = [(p001, a, b) for a, b in _locate(raws[p001], g001)]
        hits = [c for c in conflicts if touches(c, loc)]
        ok = [c for c in hits if c.consensus is not None
              and (fold(c.consensus) in fold(item["consensus"]) or fold(item["consensus"]) in fold(c.consensus))]
        summary["found"] += bool(hits)
        summary["consensus_ok"] += bool(ok)
        c = (ok or hits or [None])[0]
        rows.append((f"must_flag {item['consensus']}",
                     "MISSED" if c is None else f"found {c.field}/{c.kind} consensus={c.consensus!r}"
                     + ("" if ok else " (consensus wrong)")))
    for item in gold["must_not_flag"]:
        spans = spans_of(item)
        bad = [c for c in conflicts if touches(c, spans) and not any(touches(c, s) for s in allowed)]
        summary["must_not_flag_violations"] += bool(bad)
        rows.append((f"must_not_flag {item['why'][:28]}",
                     "ok" if not bad else "FLAGGED " + "; ".join(c.context for c in bad)))
    summary["other_conflicts"] = sum(1 for c in conflicts if not any(touches(c, s) for s in allowed))
    for c in conflicts:
        if not any(touches(c, s) for s in allowed):
            rows.append(("extra conflict", f"{c.field}/{c.kind}/{c.severity} {c.context}"))
    return rows, summary


def _table(rows: list[tuple[str, str]]) -> str:
    w = max(len(a) for a, _ in rows)
    return "\n".join(f"  {a.ljust(w)}  {b}" for a, b in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--seeds", action="store_true", help="evaluate on the seeds against the gold file")
    ap.add_argument("--facts", action="store_true", help="build the full nlp (officials/claims/dates)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    a = ap.parse_args()
    print("$ python bench/eval_crosscheck.py " + " ".join(sys.argv[1:]))
    if a.seeds:
        rows, summary = evaluate_seeds(a.facts)
        print(_table(rows))
        print(json.dumps(summary))
        return
    if a.folder is None:
        ap.error("give a generated folder or --seeds")
    rep = evaluate(a.folder, a.facts)
    print(_table(rep.rows))
    if a.verbose:
        for er in rep.misses:
            print("  miss/wrong:", json.dumps(er, ensure_ascii=False))
        for c in rep.false_pos:
            print("  false positive:", c.field, c.kind, c.context,
                  [(Path(r.source.path).name, r.text, r.start) for r in c.readings])


if __name__ == "__main__":
    main()
