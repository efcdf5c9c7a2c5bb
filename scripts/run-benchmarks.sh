#!/usr/bin/env bash
# Runs every benchmark built in build/bench and prints its figures. The
# benchmarks read ../shared/data (or $HEARSAY_SHARED) and say so when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export HEARSAY_SHARED="${HEARSAY_SHARED:-$(pwd)/../shared}"
for b in build/bench/*_bench; do
  [[ -x "$b" ]] || continue
  echo "== $(basename "$b")"
  "$b"
done
