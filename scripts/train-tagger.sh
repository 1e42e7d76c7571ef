#!/usr/bin/env bash
# Trains the entity tagger's model, service/detect/data/names.tagger, from
# the labelled corpora of ../shared/ner, the synthetic messages of
# scripts/tagger/data and the hand-written texts of
# scripts/tagger/data/written (markup, turned into JSONL here), then
# reports on the held-out parts and writes them to build/tagger-heldout/
# for `privacy-filter eval`.
#
#   scripts/train-tagger.sh [extra tagger-train options]
#
# Deterministic: the same data and options give the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
ner=${NER_DIR:-../shared/ner}
scripts/build.sh --target tagger-train
mkdir -p build/tagger-written
for markup in scripts/tagger/data/written/*.txt; do
  scripts/label_markup.py --doc-per-text "$markup"
done > build/tagger-written/written.jsonl
build/tagger-train \
  --gazetteer service/detect/data/names.gaz \
  --word-clusters service/detect/data/word_clusters.bin \
  --word-vectors service/detect/data/word_vectors.bin \
  --output service/detect/data/names.tagger \
  --heldout-dir build/tagger-heldout \
  "$@" \
  gum="$ner/gum_train.jsonl:2" \
  wikigold="$ner/wikigold.jsonl" \
  wnut="$ner/wnut17_train.jsonl" \
  btc="$ner/btc.jsonl" \
  sec="$ner/sec_filings.jsonl" \
  synthetic=scripts/tagger/data/synthetic_train.jsonl:0.5 \
  written=build/tagger-written/written.jsonl
