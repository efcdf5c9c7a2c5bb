#!/bin/sh
# hearsay on the seed article (../shared/seed): `hearsay extract` finds every
# entity, statement, claim and stance that expected.md lists (checked by the
# shared scorer check_seed.py), and ingesting the article alone into a ledger
# gives the Ford-Xiaomi claim the status DENIED. Skips when the shared folder
# is absent.
# Usage: seed_test.sh HEARSAY_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
shared=${HEARSAY_SHARED:-$src/../shared}
article=$shared/seed/000_058170031afd2562.txt
if [ ! -f "$article" ]; then
  echo "SKIP: no seed article at $article (set HEARSAY_SHARED)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$bin" extract --models "$src/models" "$article" >"$tmp/seed.jsonl"; then
  echo "FAIL: hearsay extract exited non-zero"
  exit 1
fi
scorer=$shared/scorers/check_seed.py
if command -v python3 >/dev/null 2>&1 && [ -f "$scorer" ]; then
  python3 "$scorer" "$tmp/seed.jsonl" || exit 1
else
  # Without python: the sourcing chain and a denial at least.
  for want in '"Financial Times"' '"count":4' '"via":"S' '"value":"deny"'; do
    if ! grep -q "$want" "$tmp/seed.jsonl"; then
      echo "FAIL: $want not in the output"
      exit 1
    fi
  done
fi
# The outcome in a ledger: the claim whose parties are Ford and Xiaomi is
# denied, and it is the only one of theirs.
HEARSAY_MODELS=$src/models "$bin" ingest --db "$tmp/seed.db" "$article" \
  >/dev/null 2>"$tmp/ingest.err" || { cat "$tmp/ingest.err"; exit 1; }
"$bin" claims --db "$tmp/seed.db" --entity Xiaomi --format csv >"$tmp/claims.csv" ||
  exit 1
fx=$(grep -c 'Ford' "$tmp/claims.csv")
denied=$(grep 'Ford' "$tmp/claims.csv" | grep -c ',denied,')
if [ "$fx" -lt 1 ] || [ "$denied" -lt 1 ]; then
  echo "FAIL: no denied Ford-Xiaomi claim in the ledger:"
  cat "$tmp/claims.csv"
  exit 1
fi
echo "seed: every expected item found; the Ford-Xiaomi claim is DENIED in the ledger"
