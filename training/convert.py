"""Convert the NER corpora in ../shared/corpora to spaCy DocBin files for ``spacy train``.

    python training/convert.py [--tokens char|words] [--titles silver|missing] [--out training/corpus]

Writes ``train.spacy`` and ``dev.spacy`` (the dev set ``spacy train`` selects on: a fixed slice
of the TRAINING corpora, never a held-out set) and ``dev.jsonl`` (the same dev sentences as text
with character-offset spans, for ``bench/measure_ner.py --dev``), plus ``stats.json``.

Trained on: CLUENER2020 train, People's Daily NER dev, MSRA NER test.
Held out (read only by bench/measure_ner.py): CLUENER2020 dev, People's Daily NER test; any
training sentence whose text also occurs in a held-out set is dropped (counted in stats.json).

Labels: PER, ORG, TITLE, LOC. Where the datasets disagree on what they annotate, the gap is
marked as *missing* annotation (spaCy learns nothing from those tokens), never as "outside":

* CLUENER: name→PER, position→TITLE, organization/government/company→ORG. Its other labels
  (address, scene, book, game, movie) do not map onto ours: those spans are missing. CLUENER has
  no LOC label at all, so a place it leaves unlabelled is not evidence of "no LOC": every
  occurrence, outside a mapped span, of a place name that People's Daily dev / MSRA test label LOC
  (at least twice) is marked missing too.
* People's Daily / MSRA have no TITLE label. ``--titles silver`` (default) labels matches of the
  project's title lexicon (extract/data/titles.txt with title_prefixes.txt stacked before it)
  outside gold spans as TITLE; ``--titles missing`` marks them missing instead.

Tokens: ``char`` (spaCy's ``zh`` character segmenter, the default) or ``words`` (pkuseg with the
project's user dictionary, extract.nlp.build_nlp). An entity whose edges fall inside a word is not
guessed at: its tokens (expanded to word edges) are marked missing and counted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
DATA = ROOT / "extract" / "data"

TRAIN_FILES = {
    "cluener_train": CORPORA / "cluener2020" / "train.json",
    "pd_dev": CORPORA / "ner" / "peoples_daily_dev.bio",
    "msra_test": CORPORA / "ner" / "msra_test_bio.txt",
}
HELDOUT_FILES = {
    "cluener_dev": CORPORA / "cluener2020" / "dev.json",
    "pd_test": CORPORA / "ner" / "peoples_daily_test.bio",
}
LABELS = ("PER", "ORG", "TITLE", "LOC")
CLUENER_MAP = {"name": "PER", "position": "TITLE", "organization": "ORG",
               "government": "ORG", "company": "ORG"}
#: Labels each source annotates (what an evaluation on that source may count).
SOURCE_LABELS = {"cluener": ("PER", "ORG", "TITLE"), "bio": ("PER", "ORG", "LOC")}
#: Share of each training corpus set aside as the dev set for model selection.
DEV_SHARE = 0.06
SEED = 20240601

Span = tuple[int, int, str]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_cluener(path: Path) -> list[dict]:
    """Sentences of a CLUENER file: text, mapped spans (end exclusive), unmapped spans."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        spans, other = [], []
        for label, mentions in d.get("label", {}).items():
            for surface, offsets in mentions.items():
                for s, e in offsets:
                    assert d["text"][s:e + 1] == surface, (d["text"], surface, s, e)
                    if label in CLUENER_MAP:
                        spans.append((s, e + 1, CLUENER_MAP[label]))
                    else:
                        other.append((s, e + 1, label))
        out.append({"text": d["text"], "spans": sorted(spans), "other": sorted(other), "source": "cluener"})
    return out


def read_bio(path: Path) -> list[dict]:
    """Sentences of a character-per-line BIO file (tab or space between char and tag)."""
    out, chars, tags = [], [], []

    def flush() -> None:
        if chars:
            text = "".join(chars)
            spans, start, label = [], None, None
            for i, tag in enumerate(tags + ["O"]):
                if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                    spans.append((start, i, label))
                    start = label = None
                if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                    start, label = i, tag[2:]
            out.append({"text": text, "spans": spans, "other": [], "source": "bio"})
        chars.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        if "\t" in line:
            ch, tag = line.split("\t")[:2]
        else:
            ch, _, tag = line.rpartition(" ")
            ch = ch or " "
        chars.append(ch[:1] if ch else " ")
        tags.append(tag.strip())
    flush()
    return out


def read_corpus(path: Path) -> list[dict]:
    """Sentences of a CLUENER JSON file or a BIO file, by its suffix."""
    return read_cluener(path) if path.suffix == ".json" else read_bio(path)


def read_heldout(name: str) -> list[dict]:
    return read_corpus(HELDOUT_FILES[name])


def read_train(name: str, heldout_texts: set[str]) -> list[dict]:
    """A training corpus without the sentences that also stand in a held-out set."""
    return [s for s in read_corpus(TRAIN_FILES[name]) if s["text"] not in heldout_texts]


def _lexicon_rows(name: str) -> list[str]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(line.split("\t")[0])
    return rows


def title_matcher():
    """A function text → [(start, end)] of title-lexicon matches (prefixes stacked, longest first)."""
    import re

    titles = sorted(_lexicon_rows("titles.txt"), key=len, reverse=True)
    prefixes = sorted(_lexicon_rows("title_prefixes.txt"), key=len, reverse=True)
    pat = re.compile("(?:%s)*(?:%s)" % ("|".join(map(re.escape, prefixes)), "|".join(map(re.escape, titles))))
    return lambda text: [(m.start(), m.end()) for m in pat.finditer(text)]


def overlaps(a: tuple[int, int], spans) -> bool:
    return any(a[0] < s[1] and s[0] < a[1] for s in spans)


def find_all(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


def annotate(sentences: list[dict], titles_mode: str, loc_names: list[str], stats: Counter) -> None:
    """Fill each sentence's ``missing`` regions (and silver TITLE spans) per the rules above."""
    match_titles = title_matcher()
    for sent in sentences:
        text, spans = sent["text"], sent["spans"]
        missing: list[tuple[int, int]] = []
        if sent["source"] == "cluener":
            for s, e, label in sent["other"]:
                missing.append((s, e))
                stats[f"cluener_missing_{label}"] += 1
            for name in loc_names:
                if name in text:
                    for s, e in find_all(text, name):
                        if not overlaps((s, e), spans) and not overlaps((s, e), missing):
                            missing.append((s, e))
                            stats["cluener_missing_loc_lexicon"] += 1
        else:
            for s, e in match_titles(text):
                if overlaps((s, e), spans):
                    stats["bio_title_inside_gold"] += 1
                    continue
                if titles_mode == "silver":
                    spans = spans + [(s, e, "TITLE")]
                    stats["bio_silver_title"] += 1
                else:
                    missing.append((s, e))
                    stats["bio_missing_title"] += 1
        sent["spans"] = sorted(spans)
        sent["missing"] = sorted(missing)


def loc_lexicon(sentences: list[dict], min_count: int = 2) -> list[str]:
    """Place names labelled LOC at least ``min_count`` times in the (training) BIO corpora."""
    c = Counter(sent["text"][s:e] for sent in sentences if sent["source"] == "bio"
                for s, e, label in sent["spans"] if label == "LOC")
    return sorted((w for w, n in c.items() if n >= min_count and len(w) >= 2), key=len, reverse=True)


def make_tokenizer(tokens: str):
    """text → Doc with the chosen tokens (and an empty pipeline)."""
    import spacy

    if tokens == "char":
        return spacy.blank("zh").make_doc
    sys.path.insert(0, str(ROOT))
    from extract.nlp import build_nlp

    return build_nlp(components=False).make_doc


def to_doc(make_doc, sent: dict, stats: Counter):
    """The sentence as a Doc with gold entities; misaligned gold spans become missing regions."""
    doc = make_doc(sent["text"])
    n = len(doc)
    tag = ["O"] * n  # token-level: "O", a label (entity id), or "-" (missing)
    ents: list[tuple[int, int, str]] = []

    def token_range(s: int, e: int):
        sp = doc.char_span(s, e, alignment_mode="expand")
        return (sp.start, sp.end) if sp is not None else None

    for s, e, label in sent["spans"]:
        strict = doc.char_span(s, e, alignment_mode="strict")
        rng = token_range(s, e)
        if rng is None:
            stats["span_unmappable"] += 1
            continue
        a, b = rng
        if strict is None:
            stats["span_misaligned"] += 1
            for i in range(a, b):
                tag[i] = "-"
            continue
        if any(tag[i] != "O" for i in range(a, b)):
            stats["span_overlap"] += 1
            for i in range(a, b):
                tag[i] = "-"
            continue
        stats[f"span_{label}"] += 1
        ents.append((a, b, label))
        for i in range(a, b):
            tag[i] = f"E{len(ents) - 1}"
    for s, e in sent.get("missing", []):
        rng = token_range(s, e)
        if rng:
            for i in range(*rng):
                tag[i] = "-"
    # an entity any of whose tokens became missing is dropped whole (its tokens missing)
    from spacy.tokens import Span

    keep, miss = [], []
    for k, (a, b, label) in enumerate(ents):
        if all(tag[i] == f"E{k}" for i in range(a, b)):
            keep.append(Span(doc, a, b, label=label))
        else:
            stats["span_dropped_missing"] += 1
            for i in range(a, b):
                tag[i] = "-"
    i = 0
    while i < n:
        if tag[i] == "-":
            j = i
            while j < n and tag[j] == "-":
                j += 1
            miss.append(Span(doc, i, j))
            stats["missing_tokens"] += j - i
            i = j
        else:
            i += 1
    doc.set_ents(keep, missing=miss, default="outside")
    stats["tokens"] += n
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tokens", choices=("char", "words"), default="char")
    ap.add_argument("--titles", choices=("silver", "missing"), default="silver")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "corpus")
    args = ap.parse_args(argv)

    from spacy.tokens import DocBin

    stats: Counter = Counter()
    heldout_texts = {s["text"] for name in HELDOUT_FILES for s in read_heldout(name)}
    rng = random.Random(SEED)
    train, dev = [], []
    for name, path in TRAIN_FILES.items():
        sents = read_corpus(path)
        kept = [s for s in sents if s["text"] not in heldout_texts]
        stats[f"dropped_in_heldout_{name}"] = len(sents) - len(kept)
        for s in kept:
            s["corpus"] = name
        rng.shuffle(kept)
        k = round(len(kept) * DEV_SHARE)
        dev += kept[:k]
        train += kept[k:]
        stats[f"train_{name}"] = len(kept) - k
        stats[f"dev_{name}"] = k
    # the LOC lexicon comes from the training part only
    locs = loc_lexicon(train)
    stats["loc_lexicon_size"] = len(locs)
    gold_dev = [{"text": s["text"], "spans": list(s["spans"]), "source": s["source"], "corpus": s["corpus"]}
                for s in dev]
    annotate(train, args.titles, locs, stats)
    annotate(dev, args.titles, locs, stats)

    make_doc = make_tokenizer(args.tokens)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, sents in (("train", train), ("dev", dev)):
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        pstats: Counter = Counter()
        for s in sents:
            db.add(to_doc(make_doc, s, pstats))
        db.to_disk(args.out / f"{part}.spacy")
        for k, v in pstats.items():
            stats[f"{part}_{k}"] += v
    with open(args.out / "dev.jsonl", "w", encoding="utf-8") as fh:
        for s in gold_dev:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    stats_out = {"tokens": args.tokens, "titles": args.titles, "seed": SEED, "dev_share": DEV_SHARE,
                 "files": {n: {"path": str(p.relative_to(ROOT.parent)), "sha256": sha256(p)}
                           for n, p in {**TRAIN_FILES, **HELDOUT_FILES}.items()},
                 "counts": dict(sorted(stats.items()))}
    (args.out / "stats.json").write_text(json.dumps(stats_out, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    print(json.dumps(stats_out["counts"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
