#!/usr/bin/env bash
# Retrain the recogniser and ship it to extract/data/models/ner/ (run by `make model`).
# convert the corpora -> spacy train (fixed seed, one thread) -> measure on the held-out sets -> package.
# Settings (environment): TOKENS=words|char (default words: pkuseg, needs `make pkuseg-model`;
# char also needs config overrides, see training/README.md), TITLES=silver|missing (default silver), MAX_STEPS (default: config.cfg's),
# OUT (default training/output/final). Never run by `make test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SPACY=${SPACY:-.venv/bin/spacy}
TOKENS=${TOKENS:-words}
TITLES=${TITLES:-silver}
OUT=${OUT:-training/output/final}
CORPUS=training/corpus/$TOKENS-$TITLES
EXTRA=()
if [ -n "${MAX_STEPS:-}" ]; then EXTRA+=(--training.max_steps "$MAX_STEPS"); fi

"$PY" training/convert.py --tokens "$TOKENS" --titles "$TITLES" --out "$CORPUS"
start=$(date +%s)
OMP_NUM_THREADS=1 "$SPACY" train training/config.cfg --output "$OUT" \
    --paths.train "$CORPUS/train.spacy" --paths.dev "$CORPUS/dev.spacy" "${EXTRA[@]}"
seconds=$(( $(date +%s) - start ))
WORDS=(); if [ "$TOKENS" = words ]; then WORDS=(--words); fi
"$PY" bench/measure_ner.py --model "$OUT/model-best" "${WORDS[@]}" --json "$OUT/figures.json"
"$PY" training/package.py "$OUT/model-best" --corpus "$CORPUS" --seconds "$seconds" \
    --figures "$OUT/figures.json" --notes training/NOTES.md
