#!/bin/sh
# The models in models/ are what the commands models/README.md records
# ("How they were made") produce from ../shared/data: runs that block, in
# order, in a scratch copy of the tree's layout, and compares every model it
# writes with the committed one byte for byte. A change that moves a model
# (the tokenizer changing the word counts the word classes learn from, a new
# feature) fails here until the models are retrained and committed. About
# two CPU-minutes; skips (77) when ../shared is absent.
# Usage: models_test.sh HEARSAY_BINARY SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
shared=${HEARSAY_SHARED:-$src/../shared}
if [ ! -d "$shared/data/ud" ] || [ ! -f "$shared/data/fnc1/train_bodies.csv" ]; then
  echo "SKIP: no UD or FNC-1 data under $shared (set HEARSAY_SHARED)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/repo/models" "$tmp/repo/build"
ln -s "$(cd "$shared" && pwd)" "$tmp/shared"
ln -s "$(cd "$src/lexicons" && pwd)" "$tmp/repo/lexicons"
# The recorded block: from the first ```sh after the heading to its end.
awk '/^## How they were made/ {on = 1} on && /^```sh/ {code = 1; next}
     code && /^```/ {exit} code {print}' "$src/models/README.md" >"$tmp/recorded.sh"
if ! grep -q 'hearsay train' "$tmp/recorded.sh"; then
  echo "FAIL: no recorded commands found in models/README.md"
  exit 1
fi
cd "$tmp/repo" || exit 1
{
  echo 'set -e'
  echo 'D=../shared/data/ud'
  echo "hearsay() { \"$bin\" \"\$@\"; }"
  cat "$tmp/recorded.sh"
} >"$tmp/run.sh"
if ! sh "$tmp/run.sh" >"$tmp/log" 2>&1; then
  tail -n 20 "$tmp/log"
  echo "FAIL: a recorded command failed"
  exit 1
fi
fail=0
n=0
for m in models/*.model; do
  n=$((n + 1))
  if ! cmp -s "$m" "$src/$m"; then
    echo "FAIL: $m differs from what the recorded commands produce"
    fail=1
  fi
done
if [ "$n" -eq 0 ]; then
  echo "FAIL: the recorded commands wrote no model"
  exit 1
fi
[ "$fail" -eq 0 ] && echo "models: $n models rebuilt by the recorded commands, byte for byte the committed ones"
exit "$fail"
