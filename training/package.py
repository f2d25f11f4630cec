"""Copy a trained pipeline into extract/data/models/ner/ and write its training record.

    python training/package.py MODEL_DIR [--dest extract/data/models/ner] --corpus training/corpus/final
           --train-log training/output/final.log --seconds N [--figures FIG.json] [--notes NOTES.md]

The copy keeps only what ``spacy.load`` needs (config.cfg, meta.json, tokenizer, vocab/, tok2vec/,
ner/), names the pipeline ``zh_newsfacts_ner`` and writes TRAINING.json (machine-readable: corpus
files with sha256, sha256 of training/config.cfg and of the shipped config.cfg, spaCy version,
training seconds, figures) and TRAINING.md (the same for people, plus the notes file).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from convert import HELDOUT_FILES, TRAIN_FILES, sha256  # noqa: E402

NAME, VERSION = "newsfacts_ner", "0.2.0"
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "newsfacts_wordfeats", "tok2vec", "ner")
READS = {"words": "pkuseg words", "char": "characters", "charwords": "characters with word features (extract/facts/wordfeats.py)"}


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def package(src: Path, dest: Path, tokens: str) -> dict:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in KEEP:
        p = src / name
        if p.is_dir():
            shutil.copytree(p, dest / name)
        elif p.exists():
            shutil.copy2(p, dest / name)
    meta = json.loads((dest / "meta.json").read_text(encoding="utf-8"))
    meta.update({"name": NAME, "version": VERSION,
                 "description": f"newsfacts recogniser: PER/ORG/TITLE/LOC on {READS[tokens]} (see TRAINING.md)",
                 "license": "research use (trained on CLUENER2020, People's Daily NER, MSRA NER)",
                 "author": "newsfacts", "url": "", "email": ""})
    meta["newsfacts"] = {"tokens": tokens}  # what extract.facts.recognizer feeds the model
    perf = meta.pop("performance", None)  # dev-slice scores; the held-out figures are in TRAINING.json
    (dest / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return perf or {}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--dest", type=Path, default=ROOT / "extract" / "data" / "models" / "ner")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--seconds", type=float, required=True, help="wall-clock seconds spacy train took")
    ap.add_argument("--figures", type=Path, help="bench/measure_ner.py --json output")
    ap.add_argument("--notes", type=Path, help="markdown appended to TRAINING.md")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg", help="the spacy train config used")
    ap.add_argument("--tokens", help="what the model reads (default: the corpus's tokens)")
    args = ap.parse_args(argv)

    import spacy

    stats = json.loads((args.corpus / "stats.json").read_text(encoding="utf-8"))
    tokens = args.tokens or stats["tokens"]
    perf = package(args.model, args.dest, tokens)
    sys.path.insert(0, str(ROOT))
    from extract.facts import lexicon

    words = "\n".join(sorted(set(lexicon.user_dict_words())))
    record = {
        "model": f"zh_{NAME}-{VERSION}",
        "spacy_version": spacy.__version__,
        "training_config": str(args.config.resolve().relative_to(ROOT)),
        "training_config_sha256": sha256(args.config),
        "model_config_sha256": sha256(args.dest / "config.cfg"),
        "train_files": {n: {"path": str(p.relative_to(ROOT.parent)), "sha256": sha256(p)} for n, p in TRAIN_FILES.items()},
        "heldout_files": {n: {"path": str(p.relative_to(ROOT.parent)), "sha256": sha256(p)}
                          for n, p in HELDOUT_FILES.items()},
        # what the silver titles and the pkuseg user dictionary were made from (at packaging time)
        "lexicon_files": {n: sha256(ROOT / "extract" / "data" / n)
                          for n in ("titles.txt", "title_prefixes.txt", "orgs.tsv")},
        "user_dict_sha256": hashlib.sha256(words.encode("utf-8")).hexdigest(),
        "conversion": {k: stats[k] for k in ("tokens", "titles", "seed", "dev_share")} | {"counts": stats["counts"]},
        "model_tokens": tokens,
        "training_seconds": round(args.seconds),
        "dev_slice_ents_f": perf.get("ents_f"),  # spacy train's score of model-best on its dev slice
        "size_bytes": _size(args.dest),
        "figures": json.loads(args.figures.read_text(encoding="utf-8")) if args.figures else None,
    }
    (args.dest / "TRAINING.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    lines = [f"# {record['model']}: how it was trained", "",
             "Regenerate with `make model` (training/train.sh). Machine-readable: TRAINING.json.", "",
             f"- spaCy {record['spacy_version']}; reads: {READS[tokens]} ({tokens}); corpus tokens: {stats['tokens']}; TITLE in People's Daily/MSRA: "
             f"{stats['titles']}; dev-split seed {stats['seed']}; training seed and steps as in config.cfg "
             f"(model-best: the best dev score of the run)",
             f"- {record['training_config']} sha256 `{record['training_config_sha256']}`",
             f"- shipped config.cfg sha256 `{record['model_config_sha256']}`",
             f"- training time {record['training_seconds']} s (wall clock, 1 thread, shared 2-core machine); "
             f"model-best's dev-slice ents_f {record['dev_slice_ents_f']}",
             f"- size on disk {record['size_bytes'] / 1e6:.1f} MB", "", "## Corpus files", "",
             "| role | file | sha256 |", "|---|---|---|"]
    for role, files in (("train", record["train_files"]), ("held out", record["heldout_files"])):
        for f in files.values():
            lines.append(f"| {role} | {f['path']} | `{f['sha256']}` |")
    fig = record["figures"]
    if fig:
        lines += ["", "## Held-out figures (bench/measure_ner.py; exact character spans)", "",
                  "| set | label | P | R | F1 | gold |", "|---|---|---|---|---|---|"]
        for name, r in fig.items():
            for label, m in r.get("labels", {}).items():
                lines.append(f"| {name} | {label} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} | {m['gold']} |")
        if "trigger" in fig:
            t = fig["trigger"]
            lines += ["", f"Trigger on CTB6+PKU+MSR: {t['share_sentences']:.1%} of sentences, "
                      f"{t['share_chars']:.1%} of characters."]
        for key, what in (("speed_trigger", "with the trigger"), ("speed_all", "on every sentence")):
            if key in fig:
                lines.append(f"Recogniser {what}: {fig[key]['chars_per_s']:,} characters/s (one core).")
    if args.notes and args.notes.exists():
        lines += ["", args.notes.read_text(encoding="utf-8").strip()]
    (args.dest / "TRAINING.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"packaged {args.dest} ({record['size_bytes'] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
