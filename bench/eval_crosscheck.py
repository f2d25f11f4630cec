"""Evaluate the cross-check on a generated folder (bench/gen_versions.py) or on the seeds.

    python bench/eval_crosscheck.py OUTDIR [--facts]     # OUTDIR holds pages + truth.json
    python bench/eval_crosscheck.py OUTDIR --generate 1-5 [--stories 10] [--versions 2-4] [--facts]
    python bench/eval_crosscheck.py --seeds [--facts]    # seeds vs ../shared/gold

Generated folder: grouping (pairwise precision/recall of version groups), conflict recall
(an injected error is found when a conflict has a reading in the wrong file whose raw span
overlaps the injected one), overall and by kind (numeral, glyph = confusable) and by site
(body, para_start, headline, dateline, endmark), precision (conflicts matching no injected
error count against it; low-severity conflicts are reported apart), consensus accuracy (the
consensus is the correct reading and the deviant reading holds the wrong text; numbers compare
by value, as a version may print them in another numeral style), also where three or more
versions cover the error, kind accuracy, and conflicts whose readings are identical once width
and whitespace are normalised (must be none). ``--generate`` first writes one set a seed with
its truth (OUTDIR/seed_N), then evaluates each and sums the counts over all of them.
Seeds: every must_flag item found? every must_not_flag item left alone?
"""
from __future__ import annotations

import argparse
import json
import re
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
GOLD = ROOT.parent / "shared" / "gold" / "seeds.conflicts.json"
_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_RUN = re.compile(r"[〇零一二两三四五六七八九十百千]+")


def fold(s: str) -> str:
    """Whitespace removed, each character NFKC-folded (as the cross-check compares)."""
    out = []
    for c in s:
        if c.isspace():
            continue
        n = unicodedata.normalize("NFKC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


def _cn_int(run: str) -> int | None:
    """一千一百八十六 → 1186, 一九九八 → 1998 (the evaluation's own reading of Chinese numerals)."""
    if len(run) > 1 and all(c in _CN for c in run):
        return int("".join(str(_CN[c]) for c in run))
    total, digit = 0, None
    for c in run:
        if c in "零〇" and total:
            continue
        if c in _CN:
            if digit is not None:
                return None
            digit = _CN[c]
        else:
            total += (1 if digit is None else digit) * {"十": 10, "百": 100, "千": 1000}[c]
            digit = None
    return total + (digit or 0)


def by_value(s: str) -> str:
    """Folded text with Chinese numeral runs written in digits (十二月 → 12月, 百分之七十三 → 73%)."""
    s = fold(s)
    s = re.sub(r"百分之([〇零一二两三四五六七八九十百千]+)", lambda m: f"{_cn_int(m[1])}%", s)
    return _CN_RUN.sub(lambda m: str(v) if (v := _cn_int(m[0])) is not None and (
        len(m[0]) > 1 or s[m.end():m.end() + 1] in "月日年号届家个项名") else m[0], s)


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
    counts: dict[str, int] = field(default_factory=dict)

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


def consensus_right(c: Conflict, r, er: dict, raw: str) -> bool:
    """The consensus is the correct reading, and ``r`` (the deviant) holds the wrong text."""
    if c.consensus is None or fold(er["wrong"]) not in fold(r.text):
        return False
    if fold(er["correct"]) in fold(c.consensus):
        return True
    # the deviant reading with the error undone, compared by value (another numeral style)
    k = len(fold(raw[r.start:er["start"]])) if r.start <= er["start"] else 0
    text = fold(r.text)
    fixed = text[:k] + fold(er["correct"]) + text[k + len(fold(er["wrong"])):]
    return by_value(fixed) == by_value(c.consensus)


COUNTS = ["errors", "found", "consensus_ok", "kind_ok", "found_3", "consensus_ok_3", "conflicts", "matched",
          "low", "identical", "pairs_predicted", "pairs_good", "pairs_true", "pairs_found"]


def evaluate(folder: Path, facts: bool = False) -> Report:
    """All figures for one generated folder."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    recs, raws, groups, conflicts = run_check(folder, facts)
    rep = Report()
    rep.add("seconds", round(time.perf_counter() - t0, 2))
    n = dict.fromkeys(COUNTS, 0)
    labels = record_labels(recs, truth)
    rec_file = {r.story_id: Path(r.source.path).name for r in recs}
    rep.add("records", len(recs))
    rep.add("records merging stories", sum(1 for v in labels.values() if len(v) > 1))
    holders: dict[tuple[str, str], int] = {}
    for rid, v in labels.items():
        for sid in v:
            holders[(sid, rec_file[rid])] = holders.get((sid, rec_file[rid]), 0) + 1
    rep.add("versions split into >1 record",
            sum(1 for k, c in holders.items() if c > 1 and not k[0].startswith("filler")))
    found_pairs: set[tuple[str, str, str]] = set()
    for g in groups:
        for a, b in combinations([m.story_id for m in g.members], 2):
            n["pairs_predicted"] += 1
            common = {s for s in labels.get(a, set()) & labels.get(b, set()) if not s.startswith("filler")}
            n["pairs_good"] += bool(common)
            fa, fb = sorted((rec_file[a], rec_file[b]))
            found_pairs |= {(s, fa, fb) for s in common}
    for sid, st in truth["stories"].items():
        for fa, fb in combinations(sorted(v["file"] for v in st["versions"]), 2):
            n["pairs_true"] += 1
            n["pairs_found"] += (sid, fa, fb) in found_pairs

    matched: set[int] = set()
    by: dict[str, list[int]] = {}  # "kind:…"/"site:…" → [errors, found]
    for er in truth["errors"]:
        hit = None
        for ci, c in enumerate(conflicts):
            for r in c.readings:
                if Path(r.source.path).name == er["file"] and overlaps(r.start, r.end, er["start"], er["end"]):
                    hit = hit if hit is not None else (ci, r)
                    matched.add(ci)
        n["errors"] += 1
        for key in (f"kind:{er['injected']}", f"site:{er.get('site', 'body')}"):
            by.setdefault(key, [0, 0])[0] += 1
            by[key][1] += hit is not None
        if hit is None:
            rep.misses.append(er)
            continue
        n["found"] += 1
        c, r = conflicts[hit[0]], hit[1]
        ok = consensus_right(c, r, er, raws[r.source.path])
        n["consensus_ok"] += ok
        if len(c.readings) >= 3:
            n["found_3"] += 1
            n["consensus_ok_3"] += ok
        if not ok:
            rep.misses.append({**er, "note": f"consensus {c.consensus!r}, deviant {r.text!r}, "
                                             f"{len(c.readings)} readings"})
        n["kind_ok"] += c.kind == er["kind"]
        if c.kind != er["kind"]:
            rep.misses.append({**er, "note": f"kind {c.kind}"})
    content = [i for i, c in enumerate(conflicts) if c.severity != "low"]
    n["conflicts"], n["matched"] = len(content), sum(1 for i in content if i in matched)
    n["low"] = len(conflicts) - len(content)
    n["identical"] = sum(1 for c in conflicts if len({fold(r.text) for r in c.readings}) < 2)
    rep.false_pos = [conflicts[i] for i in content if i not in matched]
    for k, (tot, hit) in by.items():
        n[f"{k}:errors"], n[f"{k}:found"] = tot, hit
    summarise(rep, n)
    return rep


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def summarise(rep: Report, n: dict[str, int]) -> None:
    """The figures from the counts (of one set, or summed over several)."""
    rep.counts = n
    rep.add("group pairs predicted", n["pairs_predicted"])
    rep.add("grouping precision", _ratio(n["pairs_good"], n["pairs_predicted"]))
    rep.add("grouping recall", _ratio(n["pairs_found"], n["pairs_true"]))
    rep.add("errors injected", n["errors"])
    rep.add("recall", _ratio(n["found"], n["errors"]))
    for key in sorted(k[:-7] for k in n if k.endswith(":errors")):
        rep.add(f"recall {key.split(':', 1)[1]} ({n[key + ':errors']})", _ratio(n[key + ":found"], n[key + ":errors"]))
    rep.add("numeral recall", _ratio(n.get("kind:numeral:found", 0), n.get("kind:numeral:errors", 0)))
    rep.add("glyph recall", _ratio(n.get("kind:confusable:found", 0), n.get("kind:confusable:errors", 0)))
    rep.add("conflicts (medium/high)", n["conflicts"])
    rep.add("precision", _ratio(n["matched"], n["conflicts"]))
    rep.add("low-severity conflicts", n["low"])
    rep.add("conflicts with identical readings", n["identical"])
    rep.add("consensus accuracy (of found)", _ratio(n["consensus_ok"], n["found"]))
    rep.add(f"consensus, >=3 versions ({n['found_3']})", _ratio(n["consensus_ok_3"], n["found_3"]))
    rep.add("kind accuracy (of found)", _ratio(n["kind_ok"], n["found"]))


def evaluate_many(outdir: Path, seeds: list[int], stories: int, versions: str, facts: bool,
                  verbose: bool = False) -> Report:
    """Generate one set a seed (truth first), evaluate each, sum the counts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_versions", ROOT / "bench" / "gen_versions.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_versions"] = gen
    spec.loader.exec_module(gen)
    total: dict[str, int] = {}
    for seed in seeds:
        folder = outdir / f"seed_{seed}"
        gen.generate(folder, stories, versions, seed)
        rep = evaluate(folder, facts)
        m = rep.metrics
        print(f"seed {seed}: recall {m['recall']:.3f} precision {m['precision']:.3f} "
              f"numeral {m['numeral recall']:.3f} glyph {m['glyph recall']:.3f} "
              f"grouping {m['grouping precision']:.3f}/{m['grouping recall']:.3f} "
              f"errors {rep.counts['errors']} conflicts {rep.counts['conflicts']}")
        if verbose:
            _details(rep)
        for k, v in rep.counts.items():
            total[k] = total.get(k, 0) + v
    out = Report()
    summarise(out, total)
    return out


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


def _details(rep: Report) -> None:
    for er in rep.misses:
        print("  miss/wrong:", json.dumps(er, ensure_ascii=False))
    for c in rep.false_pos:
        print("  false positive:", c.field, c.kind, c.context,
              [(Path(r.source.path).name, r.text, r.start) for r in c.readings])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--seeds", action="store_true", help="evaluate on the seeds against the gold file")
    ap.add_argument("--facts", action="store_true", help="build the full nlp (officials/claims/dates)")
    ap.add_argument("--generate", help="generator seeds to write into FOLDER/seed_N and evaluate, e.g. 1-5")
    ap.add_argument("--stories", type=int, default=10, help="stories a generated set (with --generate)")
    ap.add_argument("--versions", default="2-4", help="versions a story (with --generate)")
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
    if a.generate:
        lo, _, hi = a.generate.partition("-")
        rep = evaluate_many(a.folder, list(range(int(lo), int(hi or lo) + 1)), a.stories, a.versions, a.facts,
                            a.verbose)
        print(f"summed over seeds {a.generate}:")
        print(_table(rep.rows))
        return
    rep = evaluate(a.folder, a.facts)
    print(_table(rep.rows))
    if a.verbose:
        _details(rep)


if __name__ == "__main__":
    main()
