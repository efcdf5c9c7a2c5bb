#!/usr/bin/env bash
# Runs every fuzzer built by the fuzz preset for SECONDS each, starting from
# its seed corpus in fuzz/corpus/<name>/. Any crash, leak or timeout fails.
set -euo pipefail
seconds="${1:-20}"
cd "$(dirname "$0")/.."
dir=build/fuzz
found=0
for f in "$dir"/fuzz/fuzz_* "$dir"/fuzz_*; do
  [[ -x "$f" && -f "$f" ]] || continue
  found=1
  name=$(basename "$f")
  work=$(mktemp -d)
  seeds=()
  for c in "fuzz/corpus/$name" "fuzz/corpus/${name#fuzz_}"; do
    [[ -d "$c" ]] && seeds+=("$c")
  done
  echo "-- $name for ${seconds}s"
  if ! "$f" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=0 -artifact_prefix="$work/" \
        "$work" "${seeds[@]}" >"$work/log" 2>&1; then
    tail -n 40 "$work/log"
    echo "FAILED: $name (artifacts in $work)"
    exit 1
  fi
  grep -E "^#[0-9]+.*DONE" "$work/log" | tail -n 1 || true
  rm -rf "$work"
done
[[ $found -eq 1 ]] || { echo "no fuzzers found in $dir"; exit 1; }
