"""The trained recogniser on held-out text: per-label P/R/F1, trigger share, speed.

    .venv/bin/python bench/measure_ner.py [--model DIR] [--words] [--dev training/corpus/X/dev.jsonl]
                                          [--limit N] [--json OUT.json] [--no-trigger] [--no-speed]

* P/R/F1 per label, exact span match (start, end, label by characters), on
  CLUENER2020 dev (name→PER, position→TITLE, organization/government/company→ORG; its other
  labels are not counted and predictions of LOC are not scored there) and on People's Daily NER
  test (PER, ORG, LOC; predictions of TITLE not scored there). Neither set is trained on
  (training/convert.py). ``--dev FILE`` scores the dev slice of the training corpora instead
  (what token choices were compared on).
* The share of sentences and characters of CTB6 + PKU + MSR text (../shared/corpora, words
  joined) that pass the recogniser's trigger.
* Characters per CPU second (one thread) of the ``recognizer`` component on a sample of that
  text, with and without the trigger (model loading excluded; CPU time, not wall time, because
  the machine is shared).

Scoring runs the ``recognizer`` component's own prediction (``predict_texts``), so what is
measured is what the pipeline gets. ``--words`` says the model reads pkuseg words (the shipped
model's meta.json says so itself); the speed includes pkuseg's segmentation of the triggered
sentences.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from convert import CORPORA, SOURCE_LABELS, read_heldout  # noqa: E402

SEG_FILES = [CORPORA / "ctb6" / "ctb6.dev.seg", CORPORA / "ctb6" / "ctb6.test.seg",
             CORPORA / "cws" / "pku_test_gold.utf8", CORPORA / "cws" / "msr_test_gold.utf8"]
GOALS = {("cluener_dev", "PER"): .88, ("cluener_dev", "TITLE"): .80,
         ("pd_test", "PER"): .93, ("pd_test", "ORG"): .85}


def load_component(path: Path, tokens: str | None):
    """The recognizer component on a blank ``zh`` pipeline, model loaded (tokens: "words",
    "char" or "charwords"; None = as the model's meta.json says)."""
    import spacy

    from extract.facts import recognizer  # noqa: F401 - registers the factory

    nlp = spacy.blank("zh")
    comp = nlp.add_pipe("recognizer", config={"model": str(path), "tokens": tokens})
    comp.initialize()
    return comp


def predict(comp, texts: list[str]) -> list[set[tuple[int, int, str]]]:
    """Exactly what the component finds in each text (run on the whole text, no trigger)."""
    return [{(a, b, label) for a, b, label, _ in spans} for spans in comp.predict_texts(texts)]


def score(sents: list[dict], preds: list[set], labels) -> dict[str, dict]:
    c: Counter = Counter()
    for sent, pred in zip(sents, preds):
        gold = {tuple(s) for s in sent["spans"]}
        for label in labels:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            c[label, "tp"] += len(g & p)
            c[label, "fp"] += len(p - g)
            c[label, "fn"] += len(g - p)
    out = {}
    for label in list(labels) + ["ALL"]:
        keys = labels if label == "ALL" else [label]
        tp, fp, fn = (sum(c[k, x] for k in keys) for x in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[label] = {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0, "gold": tp + fn, "pred": tp + fp}
    return out


def evaluate(comp, limit: int | None = None, dev: Path | None = None) -> dict:
    results = {}
    if dev:
        sents = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line]
        groups = {"dev_cluener": [s for s in sents if s["source"] == "cluener"],
                  "dev_bio": [s for s in sents if s["source"] == "bio"]}
        groups = {k: (v, SOURCE_LABELS[v[0]["source"]]) for k, v in groups.items() if v}
    else:
        groups = {}
        for name in ("cluener_dev", "pd_test"):
            sents = read_heldout(name)
            groups[name] = (sents, SOURCE_LABELS[sents[0]["source"]])
    for name, (sents, labels) in groups.items():
        sents = sents[:limit] if limit else sents
        t0 = time.perf_counter()
        preds = predict(comp, [s["text"] for s in sents])
        results[name] = {"sentences": len(sents), "seconds": round(time.perf_counter() - t0, 1),
                         "labels": score(sents, preds, labels)}
        if comp.tokens == "words":
            results[name]["reachable"] = reachable(comp, sents, labels)
    return results


def reachable(comp, sents: list[dict], labels) -> dict[str, float]:
    """Per label, the share of gold spans whose both edges are word edges of the model's
    tokens: the recall a words model could reach at best."""
    ok: Counter = Counter()
    total: Counter = Counter()
    for sent, (_doc, starts) in zip(sents, comp._model_docs([s["text"] for s in sents])):
        edges = set(starts) | {st + len(t.text) for st, t in zip(starts, _doc)}
        for s, e, label in sent["spans"]:
            if label in labels:
                total[label] += 1
                ok[label] += s in edges and e in edges
    return {label: ok[label] / total[label] for label in labels if total[label]}


def seg_text() -> list[str]:
    """Lines of CTB6 + PKU + MSR gold segmentation with the words joined."""
    lines = []
    for path in SEG_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = "".join(line.split())
            if text:
                lines.append(text)
    return lines


def trigger_and_speed(main, lines: list[str], speed_chars: int, do_speed: bool) -> dict:
    import spacy

    from extract.facts.recognizer import has_trigger, text_sentences

    out: dict = {}
    sents = sents_chars = hit = hit_chars = 0
    for line in lines:
        for s, e in text_sentences(line):
            sents += 1
            sents_chars += e - s
            if has_trigger(line[s:e]):
                hit += 1
                hit_chars += e - s
    out["trigger"] = {"lines": len(lines), "sentences": sents, "chars": sents_chars,
                      "sentences_triggered": hit, "chars_triggered": hit_chars,
                      "share_sentences": hit / sents, "share_chars": hit_chars / sents_chars}
    if do_speed:
        sample, n = [], 0
        for line in lines[::7]:  # every 7th line: all four corpora in the sample
            sample.append(line)
            n += len(line)
            if n >= speed_chars:
                break
        for trig in (True, False):
            nlp = spacy.blank("zh")
            comp = nlp.add_pipe("recognizer", config={"model": str(main.model_path), "trigger": trig,
                                                      "tokens": main.tokens})
            comp.segmenter = main.segmenter  # the same pkuseg, not a second copy
            comp._model = main.ner_model
            comp.initialize()
            docs = [nlp.make_doc(t) for t in sample]
            t0, c0 = time.perf_counter(), time.process_time()
            for d in docs:
                comp(d)
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            # per CPU second (one thread): the machine is shared, wall time would measure the others
            out["speed_trigger" if trig else "speed_all"] = {
                "chars": n, "seconds": round(dc, 2), "wall_seconds": round(dt, 2), "chars_per_s": round(n / dc),
                "sentences_run": comp.stats["sentences_run"], "sentences": comp.stats["sentences"]}
    return out


def print_table(res: dict) -> None:
    for name, r in res.items():
        if not isinstance(r, dict) or "labels" not in r:
            continue
        print(f"\n{name}: {r['sentences']} sentences, {r['seconds']} s")
        print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}  goal")
        for label, m in r["labels"].items():
            goal = GOALS.get((name, label))
            mark = "" if goal is None else f"≥{goal:.2f} {'met' if m['f'] >= goal else 'NOT met'}"
            print(f"  {label:6} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} {m['gold']:6d} {m['pred']:6d}  {mark}")
        if "reachable" in r:
            print("  gold spans on word edges (recall ceiling of a words model): "
                  + ", ".join(f"{k} {v:.3f}" for k, v in r["reachable"].items()))
    t = res.get("trigger")
    if t:
        print(f"\ntrigger on CTB6+PKU+MSR: {t['sentences_triggered']}/{t['sentences']} sentences "
              f"({t['share_sentences']:.1%}), {t['chars_triggered']}/{t['chars']} characters ({t['share_chars']:.1%})")
    for key, what in (("speed_trigger", "with trigger"), ("speed_all", "every sentence")):
        if key in res:
            s = res[key]
            print(f"recognizer {what}: {s['chars_per_s']:,} chars per CPU second ({s['chars']} chars, {s['seconds']} CPU s, "
                  f"{s['sentences_run']}/{s['sentences']} sentences run)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=ROOT / "extract" / "data" / "models" / "ner")
    ap.add_argument("--tokens", choices=("words", "char", "charwords"), default=None,
                    help="what the model reads (default: as its meta.json says)")
    ap.add_argument("--words", dest="tokens", action="store_const", const="words",
                    help="same as --tokens words")
    ap.add_argument("--dev", type=Path, help="score this dev.jsonl (training slice) instead of the held-out sets")
    ap.add_argument("--limit", type=int, help="score only the first N sentences of each set")
    ap.add_argument("--no-trigger", action="store_true", help="skip the trigger share and speed")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--speed-chars", type=int, default=200_000)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)

    comp = load_component(args.model, args.tokens)
    res = evaluate(comp, args.limit, args.dev)
    res["model"] = {"path": str(args.model), "tokens": comp.tokens}
    if not args.no_trigger and not args.dev:
        res.update(trigger_and_speed(comp, seg_text(), args.speed_chars, not args.no_speed))
    print_table(res)
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
