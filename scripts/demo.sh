#!/usr/bin/env bash
# `make demo`: runs hearsay over the project's own sample news (samples/news,
# fictional articles in every format the readers take) into an embedded SQLite
# ledger and shows what it found.
set -eu  # no pipefail: `| head` cuts long listings on purpose
cd "${HEARSAY_ROOT:-$(dirname "$0")/..}"
bin=build/hearsay
samples=samples/news
out=build/demo
rm -rf "$out"
mkdir -p "$out"
section() { printf '\n\033[1m== %s\033[0m\n\n' "$1"; }

echo "hearsay $($bin --version | awk '{print $2}'): demo on $samples ($(find "$samples" -type f | wc -l) files)"

section "1. Who said what, on whose word: hearsay extract --format text (the scoop)"
$bin extract "$samples/s1-meridianledger-harlow-quillon-talks.html" --format text | cut -c1-150

section "2. Every sample article into the ledger: hearsay ingest $samples --db $out/hearsay.db"
$bin ingest "$samples" --db "$out/hearsay.db"
echo
$bin entities --db "$out/hearsay.db" | head -n 16

section "3. Claims, statuses and track records (ledger built from recorded extractions)"
# Claim and stance extraction from raw text is the next stage of the
# pipeline; until it lands, the ledger part of the demo runs on hearsay.extract/1
# records of the same six stories (tests/data/ledger/stories.jsonl).
$bin ingest --extracted tests/data/ledger/stories.jsonl --db "$out/stories.db"
echo
$bin claims --db "$out/stories.db"

section "4. One timeline: hearsay claim 1"
$bin claim 1 --db "$out/stories.db"

section "5. Sources: hearsay sources"
$bin sources --db "$out/stories.db"

echo
echo "The ledgers are in $out/; try: $bin claims --db $out/stories.db --format json"
