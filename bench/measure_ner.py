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
* Characters per second of the ``recognizer`` component on that text, with and without the
  trigger (model loading excluded).

``--words`` tokenizes with pkuseg (for a model trained on pkuseg words).
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


def load_model(path: Path, words: bool):
    """(nlp, make_doc): the model and the tokenizer its training docs were made with."""
    import spacy

    nlp = spacy.load(path)
    if not words:
        return nlp, nlp.make_doc
    from extract.nlp import build_nlp

    seg = build_nlp(components=False)
    return nlp, lambda text: nlp.make_doc(text) if not text else _retoken(nlp, seg.make_doc(text))


def _retoken(nlp, doc):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def predict(nlp, make_doc, texts: list[str]) -> list[set[tuple[int, int, str]]]:
    docs = (make_doc(t) for t in texts)
    return [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in nlp.pipe(docs, batch_size=64)]


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


def evaluate(nlp, make_doc, limit: int | None = None, dev: Path | None = None) -> dict:
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
        preds = predict(nlp, make_doc, [s["text"] for s in sents])
        results[name] = {"sentences": len(sents), "seconds": round(time.perf_counter() - t0, 1),
                         "labels": score(sents, preds, labels)}
    return results


def seg_text() -> list[str]:
    """Lines of CTB6 + PKU + MSR gold segmentation with the words joined."""
    lines = []
    for path in SEG_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = "".join(line.split())
            if text:
                lines.append(text)
    return lines


def trigger_and_speed(model: Path, lines: list[str], speed_chars: int, do_speed: bool) -> dict:
    import spacy

    from extract.facts import recognizer  # noqa: F401 - registers the factory
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
            comp = nlp.add_pipe("recognizer", config={"model": str(model), "trigger": trig})
            comp.initialize()
            docs = [nlp.make_doc(t) for t in sample]
            t0 = time.perf_counter()
            for d in docs:
                comp(d)
            dt = time.perf_counter() - t0
            out["speed_trigger" if trig else "speed_all"] = {
                "chars": n, "seconds": round(dt, 2), "chars_per_s": round(n / dt),
                "sentences_run": comp.stats["sentences_run"], "sentences": comp.stats["sentences"]}
    return out


def print_table(res: dict) -> None:
    for name, r in res.items():
        if "labels" not in r:
            continue
        print(f"\n{name}: {r['sentences']} sentences, {r['seconds']} s")
        print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}  goal")
        for label, m in r["labels"].items():
            goal = GOALS.get((name, label))
            mark = "" if goal is None else f"≥{goal:.2f} {'met' if m['f'] >= goal else 'NOT met'}"
            print(f"  {label:6} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f} {m['gold']:6d} {m['pred']:6d}  {mark}")
    t = res.get("trigger")
    if t:
        print(f"\ntrigger on CTB6+PKU+MSR: {t['sentences_triggered']}/{t['sentences']} sentences "
              f"({t['share_sentences']:.1%}), {t['chars_triggered']}/{t['chars']} characters ({t['share_chars']:.1%})")
    for key, what in (("speed_trigger", "with trigger"), ("speed_all", "every sentence")):
        if key in res:
            s = res[key]
            print(f"recognizer {what}: {s['chars_per_s']:,} chars/s ({s['chars']} chars, {s['seconds']} s, "
                  f"{s['sentences_run']}/{s['sentences']} sentences run)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=ROOT / "extract" / "data" / "models" / "ner")
    ap.add_argument("--words", action="store_true", help="tokenize with pkuseg (a words model)")
    ap.add_argument("--dev", type=Path, help="score this dev.jsonl (training slice) instead of the held-out sets")
    ap.add_argument("--limit", type=int, help="score only the first N sentences of each set")
    ap.add_argument("--no-trigger", action="store_true", help="skip the trigger share and speed")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    ap.add_argument("--speed-chars", type=int, default=200_000)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)

    nlp, make_doc = load_model(args.model, args.words)
    res = evaluate(nlp, make_doc, args.limit, args.dev)
    if not args.no_trigger and not args.dev:
        res.update(trigger_and_speed(args.model, seg_text(), args.speed_chars, not args.no_speed and not args.words))
    print_table(res)
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
