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

section "3. Claims and their statuses, from the raw articles: hearsay claims"
# Claims that more than one article carries, or that a party has answered.
$bin claims --db "$out/hearsay.db" | awk 'NR == 1 || $4 > 1 || $2 != "reported"'

section "4. One timeline: the Harlow Motors-Quillon venture (hearsay claim ID)"
id=$($bin claims --db "$out/hearsay.db" --entity Quillon --status denied --format csv |
  awk -F, 'NR == 2 {print $1}')
if [ -n "$id" ]; then
  $bin claim "$id" --db "$out/hearsay.db" | cut -c1-150
fi

section "5. Sources and their track records: hearsay sources"
$bin sources --db "$out/hearsay.db"

echo
echo "The ledger is in $out/hearsay.db; try: $bin claims --db $out/hearsay.db --format json"
