#!/usr/bin/env bash
# Retrain the recogniser and ship it to extract/data/models/ner/ (run by `make model`).
# convert the corpora -> spacy train (fixed seed, one thread) -> measure on the held-out sets -> package.
# Settings (environment):
#   TOKENS=charwords|words|char (default charwords: characters with pkuseg word features,
#     training/config-charwords.cfg; words: pkuseg words, training/config.cfg; all but char need
#     `make pkuseg-model`; char needs config overrides, see training/README.md)
#   TITLES=silver|missing (default silver), MAX_STEPS (default: the config's),
#   OUT (default training/output/final). Never run by `make test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
SPACY=${SPACY:-.venv/bin/spacy}
TOKENS=${TOKENS:-charwords}
TITLES=${TITLES:-silver}
OUT=${OUT:-training/output/final}
case "$TOKENS" in
  charwords) CORPUS_TOKENS=char; CONFIG=training/config-charwords.cfg ;;
  *) CORPUS_TOKENS=$TOKENS; CONFIG=training/config.cfg ;;
esac
CORPUS=training/corpus/$CORPUS_TOKENS-$TITLES
EXTRA=()
if [ -n "${MAX_STEPS:-}" ]; then EXTRA+=(--training.max_steps "$MAX_STEPS"); fi

"$PY" training/convert.py --tokens "$CORPUS_TOKENS" --titles "$TITLES" --out "$CORPUS"
start=$(date +%s)
OMP_NUM_THREADS=1 "$SPACY" train "$CONFIG" --code training/code.py --output "$OUT" \
    --paths.train "$CORPUS/train.spacy" --paths.dev "$CORPUS/dev.spacy" "${EXTRA[@]}"
seconds=$(( $(date +%s) - start ))
"$PY" bench/measure_ner.py --model "$OUT/model-best" --tokens "$TOKENS" --json "$OUT/figures.json"
"$PY" training/package.py "$OUT/model-best" --corpus "$CORPUS" --seconds "$seconds" --tokens "$TOKENS" \
    --config "$CONFIG" --figures "$OUT/figures.json" --notes training/NOTES.md
