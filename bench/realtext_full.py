"""extract and check over ALL the real text in ../shared/corpora, in both layouts (issue 9).

    .venv/bin/python bench/realtext_full.py [--corpus ctb6 ...] [--per-corpus N]

Prints, per corpus and layout: documents, stories, error records by code, internal errors
(NF009 document lost, NF012 an extractor lost on a story, NF013 a worker died twice), then
check's groups and conflicts over everything. Exit status 1 when any internal error occurred.
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realtext  # noqa: E402

from extract.crosscheck import check_records  # noqa: E402
from extract.inputs import RawDoc  # noqa: E402
from extract.nlp import build_nlp  # noqa: E402
from extract.pipeline import extract_items  # noqa: E402

INTERNAL = {"NF009", "NF012", "NF013"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs="*", choices=list(realtext.CORPUS_FILES))
    ap.add_argument("--per-corpus", type=int, default=None, help="sample N documents a corpus")
    a = ap.parse_args()
    if not realtext.available():
        print("../shared/corpora is not here")
        return 2
    nlp = build_nlp()
    rows: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    examples: list[str] = []
    docs, stories = [], []
    t0 = time.perf_counter()
    chars = 0
    for corpus, name, text in realtext.pages(a.corpus, a.per_corpus):
        layout = name.split("_")[-2]
        doc = RawDoc(path=f"realtext/{name}", doc_id=name, text=text)
        docs.append(doc)
        chars += len(text)
        row = rows[(corpus, layout)]
        row["documents"] += 1
        for r in extract_items([doc], nlp):
            if r.record_type == "story":
                row["stories"] += 1
                stories.append(r)
            else:
                row[r.code] += 1
                if r.code in INTERNAL:
                    row["internal"] += 1
                    if len(examples) < 20:
                        examples.append(f"{name} {r.code} {r.extractor or ''} {r.message[:150]}")
    secs = time.perf_counter() - t0
    codes = sorted({k for r in rows.values() for k in r if k.startswith("NF")})
    head = ["corpus", "layout", "documents", "stories", "internal"] + codes
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    total = collections.Counter()
    for (corpus, layout), row in sorted(rows.items()):
        total.update(row)
        print("| " + " | ".join([corpus, layout] + [str(row[k]) for k in head[2:]]) + " |")
    print("| " + " | ".join(["all", ""] + [f"**{total[k]}**" for k in head[2:]]) + " |")
    print(f"\nextract: {len(docs)} documents, {chars:,} characters, {secs:.0f} s ({chars / secs:,.0f} chars/s)")
    t1 = time.perf_counter()
    groups, conflicts = check_records(stories, {(d.path, d.doc_id): d.text for d in docs})
    print(f"check: {len(groups)} version groups, {len(conflicts)} conflicts, {time.perf_counter() - t1:.0f} s")
    for e in examples:
        print("  " + e)
    return 1 if total["internal"] else 0


if __name__ == "__main__":
    sys.exit(main())
