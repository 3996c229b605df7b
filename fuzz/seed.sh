#!/usr/bin/env bash
# Builds a seed corpus from the test fixtures: each fixture prefixed with every decoder's byte.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/decode
n=0
for f in $(find ../tests/fixtures -name '*.json' | sort); do
  for pick in $(seq 0 163); do
    { printf "\\x$(printf %02x "$pick")"; cat "$f"; } > "corpus/decode/seed-$n-$pick"
  done
  n=$((n + 1))
done
echo "seeded $(ls corpus/decode | wc -l) inputs"
