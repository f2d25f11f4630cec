"""Measure ``find_officials`` on the seed gold and on CLUENER2020 dev.

(a) Seeds: ``../shared/gold/seeds.officials.json`` against the seed files in
``fixtures/seeds/``. Recall = share of ``required`` gold officials found with
every gold position present (a position compares as org+title, e.g.
"工业和信息化部运行监测协调局局长"; a gold position also matches when it is the
found org+title with the found org's leading "中国" dropped or added).
Precision = found officials that are in the gold for that doc / all found,
where reporters (is_reporter) that the gold does not list are not counted
(the gold may list reporters or not).

The seed files are raw; this script approximates the pipeline's normalisation:
hard line breaks are joined (a "\\n" between two non-blank lines is removed),
blank lines become a single "\\n", spaces between CJK characters/digits are
removed, and half-width ``,:;`` become full-width.

(b) CLUENER2020 dev (``../shared/corpora/cluener2020/dev.json``; train is used
only to build the title list): wherever a ``position`` span is immediately
followed by a ``name`` span, the share where that name is found with that
title (the found title, or org+title, is a suffix of the gold position text or
the other way round).

With ``--model`` every figure is printed twice: rules alone (``find_officials(text)``) and rules
with the trained recogniser's PER spans (``find_officials(text, names)``, as the pipeline runs
when "recognizer" is before "officials", issue 10).

Run: ``.venv/bin/python bench/measure_officials.py [-v] [--train] [--model | --model-dir DIR]
[--unmatched keep_org|drop|downscore]``
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts.officials import find_officials as _rules_only  # noqa: E402

_NAMER = None   # set by --model: text -> the recogniser's spans by label
_UNMATCHED = None   # --unmatched POLICY: binding.UNMATCHED's override


def find_officials(text: str):
    if not _NAMER:
        return _rules_only(text)
    by = _NAMER(text)
    return _rules_only(text, by.get("PER", []), titles=by.get("TITLE"), orgs=by.get("ORG"), unmatched=_UNMATCHED)


def recogniser_names(model_dir: str | None = None):
    """text -> the recogniser's spans by label (PER, TITLE, ORG), run as the pipeline runs it
    (``model_dir``: another model folder than the shipped one)."""
    import spacy

    from extract.facts.recognizer import RecognizerComponent, recognized

    nlp = spacy.blank("zh")
    comp = RecognizerComponent(nlp, "recognizer", model=model_dir)

    def names(text: str) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        for r in recognized(comp(nlp.make_doc(text))):
            out.setdefault(r.label, []).append((r.start, r.end))
        return out
    return names

SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "fixtures" / "seeds"
CJK = r"[\u3400-\u9fff\uf900-\ufaff0-9]"


def normalise(raw: str) -> str:
    """Approximate the pipeline's text normalisation (see module docstring)."""
    raw = raw.replace("\r\n", "\n")
    paras = re.split(r"\n[ \t\u3000]*\n+", raw)
    text = "\n".join(p.replace("\n", "") for p in paras if p.strip())
    text = re.sub(rf"(?<={CJK})[ \t\u3000]+(?={CJK})", "", text)
    return text.translate(str.maketrans({",": "，", ":": "：", ";": "；"}))


def _pos_strings(off) -> set[str]:
    out = set()
    for p in off.positions:
        s = (p.org or "") + p.title
        out.add(s)
        if s.startswith("中国"):
            out.add(s[2:])
        else:
            out.add("中国" + s)
    return out


def seeds(verbose: bool) -> tuple[float, float, int, int]:
    gold = json.loads((SHARED / "gold" / "seeds.officials.json").read_text(encoding="utf-8"))
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc"], []).append(g)
    req = hit = found_n = correct = 0
    for doc, entries in sorted(by_doc.items()):
        text = normalise((SEEDS / doc).read_text(encoding="utf-8"))
        offs = {o.name: o for o in find_officials(text)}
        names = {g["name"] for g in entries}
        for g in entries:
            if not g["required"]:
                continue
            req += 1
            o = offs.get(g["name"])
            ok = o is not None and set(g["positions"]) <= _pos_strings(o)
            hit += ok
            if verbose and not ok:
                print(f"  MISS {doc} {g['name']} gold={g['positions']} found={sorted(_pos_strings(o)) if o else None}")
        for o in offs.values():
            if o.is_reporter and o.name not in names:
                continue
            found_n += 1
            correct += o.name in names
            if verbose and o.name not in names:
                print(f"  FP   {doc} {o.name} {[(p.org, p.title) for p in o.positions]} {o.text!r}")
    return hit / max(req, 1), correct / max(found_n, 1), req, found_n


def cluener(verbose: bool, split: str = "dev") -> tuple[float, int]:
    n = ok = 0
    for line in (SHARED / "corpora" / "cluener2020" / f"{split}.json").open(encoding="utf-8"):
        d = json.loads(line)
        lab = d["label"]
        names = [(s, e, k) for k, v in lab.get("name", {}).items() for s, e in v]
        pairs = [(k, nk) for k, v in lab.get("position", {}).items() for s, e in v
                 for ns, ne, nk in names if ns == e + 1]
        if not pairs:
            continue
        offs = find_officials(d["text"])
        for title, name in pairs:
            n += 1
            good = False
            for o in offs:
                if o.name != name:
                    continue
                for p in o.positions:
                    full = (p.org or "") + p.title
                    if title.endswith(p.title) or full.endswith(title) or title.endswith(full):
                        good = True
            ok += good
            if verbose and not good:
                print(f"  CLUENER miss {title}+{name}: {[(o.name, [p.title for p in o.positions]) for o in offs]} | {d['text']}")
    return ok / max(n, 1), n


def _option(name: str) -> str | None:
    """The value after ``name`` on the command line, if any (``--model-dir DIR``)."""
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv[:-1] else None


def main() -> None:
    global _NAMER, _UNMATCHED
    if "--model" in sys.argv or "--model-dir" in sys.argv:
        print("== rules only")
        report()
        _NAMER = recogniser_names(_option("--model-dir"))
        _UNMATCHED = _option("--unmatched")
        print("== rules + recogniser")
    report()


def report() -> None:
    verbose = "-v" in sys.argv
    rec, prec, req, found = seeds(verbose)
    print(f"seeds: recall of required (all positions right) {rec:.3f} of {req}; precision {prec:.3f} of {found} found")
    frac, n = cluener(verbose)
    print(f"CLUENER2020 dev position->name found with title: {frac:.3f} of {n}")
    if "--train" in sys.argv:  # the lexicons were mined from train: a check on noisier text, not a held-out figure
        frac, n = cluener(False, "train")
        found, unlabeled = unlabeled_officials("train")
        print(f"CLUENER2020 train position->name: {frac:.3f} of {n}; officials found {found}, "
              f"{unlabeled} of them not a labelled name ({unlabeled / max(found, 1):.3f})")


def unlabeled_officials(split: str) -> tuple[int, int]:
    """Officials (not reporters) found whose name CLUENER does not label as a name.

    CLUENER labels names incompletely, so this over-counts errors; it is a trend measure."""
    found = bad = 0
    for line in (SHARED / "corpora" / "cluener2020" / f"{split}.json").open(encoding="utf-8"):
        d = json.loads(line)
        gold = set(d["label"].get("name", {}))
        for o in find_officials(d["text"]):
            if not o.is_reporter:
                found += 1
                bad += o.name not in gold
    return found, bad


if __name__ == "__main__":
    main()
