"""Officials' names on held-out real text, rules alone and rules + the recogniser (issue 10).

Corpora (never used to build the lexicons or to train the recogniser):

* People's Daily NER test (``../shared/corpora/ner/peoples_daily_test.bio``: ``char TAG`` per
  line, a blank line between sentences; PER spans from B-PER/I-PER);
* CLUENER2020 dev (``../shared/corpora/cluener2020/dev.json``: ``name`` spans, end inclusive;
  ``position`` spans mark titles).

Gold: a PER span that stands *directly beside a title*: immediately after one (局长谢少锋) or
immediately before one (李强总理), where a title is a CLUENER ``position`` span or a title word
of the lexicon (``extract.facts.lexicon.titles()``).

Each sentence is run through ``find_officials`` on its own; reporters (is_reporter) are left out.

* Precision = share of found officials whose name equals *some* PER span of the sentence. Any PER
  span, not only the beside-title gold: an official that is a real person is not a false
  positive because the beside-title rule missed his title (奥巴马 after 美国总统 with a word
  between). An official whose name is no PER span is an error: too long (contains a PER
  span), too short (inside one), or not a name.
* Recall = share of gold beside-title PER spans found as an official (reporters included: the
  name after 记者 is a byline) with exactly that name.

Modes: ``rules`` (find_officials without the model, as before issue 10); ``rules+model`` (the
recogniser's PER spans passed as ``names``, as the pipeline runs: binding.UNMATCHED "keep_org",
rule names the model does not support kept at half score when bound to an organisation, else
dropped), the same counting only officials of score ≥ .5, and the other two policies for rule
names the model does not support: ``drop`` and ``downscore`` (binding.py).

Run: ``.venv/bin/python bench/measure_officials_heldout.py [-v]`` (about a minute: the model
runs on every triggered sentence).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts import lexicon  # noqa: E402
from extract.facts.officials import find_officials  # noqa: E402

SHARED = ROOT.parent / "shared"


def peoples_daily() -> list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]:
    """(text, PER spans, position spans) per sentence (PD has no position spans)."""
    out, chars, tags = [], [], []
    for line in (SHARED / "corpora" / "ner" / "peoples_daily_test.bio").open(encoding="utf-8"):
        parts = line.rstrip("\n").split()
        if len(parts) < 2:
            if chars:
                out.append(_bio(chars, tags))
            chars, tags = [], []
            continue
        chars.append(parts[0])
        tags.append(parts[1])
    if chars:
        out.append(_bio(chars, tags))
    return out


def _bio(chars: list[str], tags: list[str]):
    spans, start = [], None
    for i, t in enumerate(tags + ["O"]):
        if start is not None and t != "I-PER":
            spans.append((start, i))
            start = None
        if t == "B-PER":
            start = i
    return "".join(chars), spans, []


def cluener() -> list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]:
    out = []
    for line in (SHARED / "corpora" / "cluener2020" / "dev.json").open(encoding="utf-8"):
        d = json.loads(line)
        lab = d["label"]
        per = [(s, e + 1) for v in lab.get("name", {}).values() for s, e in v]
        pos = [(s, e + 1) for v in lab.get("position", {}).values() for s, e in v]
        out.append((d["text"], sorted(per), sorted(pos)))
    return out


def cluener_positions() -> list[tuple[str, tuple[int, int], str, str | None]]:
    """Gold positions on CLUENER2020 dev: (text, PER span, title, organisation) for every name
    right after a ``position`` span (局长谢少锋); the organisation is an organization,
    government or company span ending right where the title starts (工业和信息化部科技司|司长),
    else None (no organisation printed beside the title)."""
    out = []
    for line in (SHARED / "corpora" / "cluener2020" / "dev.json").open(encoding="utf-8"):
        d = json.loads(line)
        lab, text = d["label"], d["text"]
        spans = {k: [(s, e + 1) for v in lab.get(k, {}).values() for s, e in v]
                 for k in ("name", "position", "organization", "government", "company")}
        orgs = spans["organization"] + spans["government"] + spans["company"]
        for s, e in spans["name"]:
            title = next(((a, b) for a, b in spans["position"] if b == s), None)
            if title is None:
                continue
            org = next((text[a:b] for a, b in orgs if b == title[0]), None)
            out.append((text, (s, e), text[title[0]:title[1]], org))
    return out


def score_positions(gold, names=None, verbose=False) -> dict[str, float | int]:
    """Of the gold names found as officials: the share whose positions include the gold title
    exactly, and, where gold prints an organisation beside the title, the share whose position
    with that title has exactly that organisation; "both" counts title and organisation right
    (an organisation-less gold position needs no organisation)."""
    found = title_ok = org_gold = org_ok = both = 0
    cache: dict[str, list] = {}
    for k, (text, (s, e), title, org) in enumerate(gold):
        if text not in cache:
            spans = names[k] if names else None
            cache[text] = find_officials(text, spans.get("PER", []) if spans is not None else None,
                                         titles=spans.get("TITLE") if spans else None,
                                         orgs=spans.get("ORG") if spans else None)
        off = next((o for o in cache[text] if o.name == text[s:e]), None)
        if off is None:
            continue
        found += 1
        pos = next((p for p in off.positions if p.title == title), None)
        title_ok += pos is not None
        if org is not None:
            org_gold += 1
            org_ok += pos is not None and pos.org == org
        ok = pos is not None and (org is None or pos.org == org)
        both += ok
        if verbose and not ok:
            got = [(p.org, p.title) for p in off.positions]
            print(f"  POS {text[s:e]}: gold ({org}, {title}) got {got} | {text}")
    return {"gold": len(gold), "found": found, "title": title_ok / max(found, 1),
            "org": org_ok / max(org_gold, 1), "org_gold": org_gold, "both": both / max(found, 1)}


def beside_title(text: str, per, pos) -> dict[tuple[int, int], str]:
    """Gold: PER spans directly after or before a title, with that title."""
    titles = lexicon.titles()
    lens = sorted({len(t) for t in titles}, reverse=True)
    out = {}
    for s, e in per:
        t = next((text[a:b] for a, b in pos if b == s or a == e), None)
        if t is None:
            t = next((text[s - n:s] for n in lens if n <= s and text[s - n:s] in titles), None)
        if t is None:
            t = next((text[e:e + n] for n in lens if text[e:e + n] in titles), None)
        if t is not None:
            out[(s, e)] = t
    return out


def predict(texts: list[str], model: str | None = None) -> list[dict[str, list[tuple[int, int]]]]:
    """The recogniser's spans of each text by label (PER, TITLE, ORG), on triggered texts."""
    import spacy

    from extract.facts.recognizer import RecognizerComponent, has_trigger

    comp = RecognizerComponent(spacy.blank("zh"), "recognizer", model=model)
    chosen = [i for i, t in enumerate(texts) if has_trigger(t)]
    out: list[dict[str, list[tuple[int, int]]]] = [{} for _ in texts]
    for i, spans in zip(chosen, comp.predict_texts([texts[i] for i in chosen])):
        for a, b, label, _ in spans:
            out[i].setdefault(label, []).append((a, b))
    return out


def score(data, names, unmatched=None, min_score=0.0, verbose=False):
    found_n = correct = gold_n = hit = 0
    errors: Counter = Counter()
    for k, (text, per, pos) in enumerate(data):
        gold = beside_title(text, per, pos)
        pers = {text[s:e] for s, e in per}
        spans = names[k] if names else None
        allo = [o for o in find_officials(text, spans.get("PER", []) if spans is not None else None,
                                          unmatched=unmatched, titles=spans.get("TITLE") if spans else None,
                                          orgs=spans.get("ORG") if spans else None)
                if o.score >= min_score]
        offs = [o for o in allo if not o.is_reporter]
        got = {o.name for o in allo}   # recall: a reporter after 记者 is found too
        for o in offs:
            found_n += 1
            if o.name in pers:
                correct += 1
                continue
            if any(p in o.name for p in pers):
                kind = "name too long"
            elif any(o.name in p for p in pers):
                kind = "name too short"
            else:
                kind = "not a name"
            errors[(o.positions[-1].title, kind)] += 1
            if verbose:
                print(f"  FP {kind}: {o.name} ({o.positions[-1].title}) [{o.rule} {o.score}] | {text}")
        for (s, e), t in gold.items():
            gold_n += 1
            if text[s:e] in got:
                hit += 1
            else:
                errors[(t, "missed")] += 1
                if verbose:
                    print(f"  MISS {text[s:e]} ({t}) found={sorted(got)} | {text}")
    return correct / max(found_n, 1), hit / max(gold_n, 1), found_n, gold_n, errors


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="officials on held-out real text (issue 10)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every error")
    ap.add_argument("--model", help="a recogniser model folder (default: the shipped one)")
    args = ap.parse_args()
    verbose = args.verbose
    data = peoples_daily() + cluener()
    names = predict([t for t, _, _ in data], args.model)
    for label, kw in (("rules", dict(names=None)),
                      ("rules+model", dict(names=names)),
                      ("rules+model, score>=.5", dict(names=names, min_score=0.5)),
                      ("rules+model(drop)", dict(names=names, unmatched="drop")),
                      ("rules+model(keep_known_org)", dict(names=names, unmatched="keep_known_org")),
                      ("rules+model(downscore)", dict(names=names, unmatched="downscore"))):
        p, r, n, g, errors = score(data, verbose=verbose and label == "rules+model", **kw)
        print(f"{label}: precision {p:.3f} of {n} found; recall {r:.3f} of {g} gold beside-title names")
        if label in ("rules", "rules+model"):
            for (title, kind), cnt in errors.most_common(20):
                print(f"    {cnt:4d}  {kind:15s} {title}")
    gold = cluener_positions()
    k0 = len(data) - len(cluener())
    texts = [t for t, _, _ in data]
    by_text = {t: names[i] for i, t in enumerate(texts) if i >= k0}
    for label, nm in (("rules", None), ("rules+model", [by_text[t] for t, *_ in gold])):
        f = score_positions(gold, nm, verbose=verbose and label == "rules+model")
        print(f"positions, CLUENER dev ({label}): of {f['found']} found among {f['gold']} names right "
              f"after a position span: title exact {f['title']:.3f}; organisation exact "
              f"{f['org']:.3f} of {f['org_gold']} printed beside the title; both right {f['both']:.3f}")


if __name__ == "__main__":
    main()
