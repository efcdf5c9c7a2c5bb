#!/usr/bin/env bash
# Kills `hearsay ingest --extracted` with SIGKILL at random moments, reruns
# it, and checks that the ledger is sound (SQLite: PRAGMA integrity_check;
# both: no stance or mention without its document), holds no duplicate
# documents, and exports exactly what an uninterrupted run exports. Also runs
# queries while an ingest writes, and checks that they succeed.
#
# Usage: kill_test.sh HEARSAY SOURCE_DIR [ROUNDS] [DOCUMENTS] [SEED] [sqlite|postgresql]
# With postgresql the ledgers are databases of a throwaway server
# (tests/ledger/pg_server.sh; exit 77, skipped, when none can start).
set -euo pipefail
hearsay="$1"
src="$2"
rounds="${3:-6}"
docs="${4:-12000}"
seed="${5:-7}"
backend="${6:-sqlite}"
work=$(mktemp -d)
pgdir=""
cleanup() {
  [[ -z "$pgdir" ]] || "$src/tests/ledger/pg_server.sh" stop "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT
if [[ "$backend" == postgresql ]]; then
  command -v psql >/dev/null || { echo "SKIP: psql is not installed"; exit 77; }
  pgdir=$(mktemp -d /tmp/hearsay-pg.XXXXXX)
  if ! admin=$("$src/tests/ledger/pg_server.sh" start "$pgdir" 2>"$work/pg.err"); then
    echo "SKIP: $(cat "$work/pg.err")"
    exit 77
  fi
else
  command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 not installed"; exit 77; }
fi
# The location of a new, empty ledger called $1.
ledger() {
  if [[ "$backend" == postgresql ]]; then
    psql "$admin" -qc "CREATE DATABASE $1" >/dev/null
    echo "${admin/\/postgres\?//$1?}"
  else
    echo "$work/$1.db"
  fi
}
# Runs SQL ($2) on a ledger ($1) directly.
sql() {
  if [[ "$backend" == postgresql ]]; then
    psql "$1" -qAtc "$2"
  else
    sqlite3 "$1" "$2"
  fi
}
# Documents stored in a ledger; 0 before its first batch.
stored_in() { sql "$1" "SELECT COUNT(*) FROM documents" 2>/dev/null || echo 0; }
# "ok" when the ledger is sound.
check() {
  local orphans
  orphans=$(sql "$1" "SELECT (SELECT COUNT(*) FROM mentions m WHERE NOT EXISTS
    (SELECT 1 FROM documents d WHERE d.id = m.document)) + (SELECT COUNT(*)
    FROM stances s WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = s.mention))")
  [[ "$orphans" == 0 ]] || { echo "$orphans rows without their document or mention"; return; }
  if [[ "$backend" == postgresql ]]; then echo ok; else sqlite3 "$1" "PRAGMA integrity_check"; fi
}
python3 "$src/tests/ledger/make_corpus.py" "$docs" "$seed" >"$work/corpus.jsonl"

ref=$(ledger ref)
start=$(date +%s.%N)
"$hearsay" ingest --extracted "$work/corpus.jsonl" --db "$ref" --jobs 2 2>"$work/ref.log"
end=$(date +%s.%N)
"$hearsay" export --format jsonl --db "$ref" >"$work/ref.jsonl"
ref_docs=$(stored_in "$ref")
run_ms=$(python3 -c "print(int(($end - $start) * 1000))")
echo "uninterrupted: $ref_docs documents in ${run_ms} ms; $(wc -l <"$work/ref.jsonl") claims"
[[ "$run_ms" -gt 300 ]] || { echo "FAIL: the corpus is too small to interrupt"; exit 1; }

RANDOM=$seed
kills=0
for ((round = 1; round <= rounds; round++)); do
  db=$(ledger "r$round")
  # Three kills per round at random moments across the whole run, then one
  # run to the end. Each rerun resumes, so the moment is drawn from the time
  # the remaining documents take.
  round_kills=0
  for ((attempt = 1; attempt <= 10 && round_kills < 3; attempt++)); do
    stored=$(stored_in "$db")
    remaining_ms=$((run_ms * (ref_docs - stored) / ref_docs + 20))
    "$hearsay" ingest --extracted "$work/corpus.jsonl" --db "$db" --jobs 2 \
      2>/dev/null &
    pid=$!
    delay_ms=$((RANDOM % remaining_ms + 1))
    sleep "$(python3 -c "print($delay_ms / 1000)")"
    if [[ $attempt -eq 1 && $round -eq 1 ]]; then
      # Queries during the ingest see the last committed batch.
      "$hearsay" claims --format csv --db "$db" >/dev/null 2>"$work/q.err" ||
        { echo "FAIL: query during ingest: $(cat "$work/q.err")"; exit 1; }
    fi
    if kill -9 "$pid" 2>/dev/null; then
      kills=$((kills + 1))
      round_kills=$((round_kills + 1))
    fi
    wait "$pid" 2>/dev/null || true
    if [[ $(stored_in "$db") != 0 ]]; then
      result=$(check "$db")
      [[ "$result" == "ok" ]] || { echo "FAIL: after kill: $result"; exit 1; }
    fi
  done
  "$hearsay" ingest --extracted "$work/corpus.jsonl" --db "$db" --jobs 2 2>"$work/final.err" ||
    { echo "FAIL: round $round: the last ingest failed: $(tail -3 "$work/final.err")"; exit 1; }
  result=$(check "$db")
  [[ "$result" == "ok" ]] || { echo "FAIL: $result"; exit 1; }
  dups=$(sql "$db" "SELECT COUNT(*) - COUNT(DISTINCT content_hash) FROM documents")
  [[ "$dups" == "0" ]] || { echo "FAIL: $dups duplicate documents"; exit 1; }
  n=$(stored_in "$db")
  [[ "$n" == "$ref_docs" ]] || { echo "FAIL: $n documents, expected $ref_docs"; exit 1; }
  "$hearsay" export --format jsonl --db "$db" >"$work/out.jsonl"
  if ! cmp -s "$work/ref.jsonl" "$work/out.jsonl"; then
    echo "FAIL: round $round: export differs from the uninterrupted run"
    diff "$work/ref.jsonl" "$work/out.jsonl" | head -5
    exit 1
  fi
done
echo "PASS: $rounds rounds, $kills kills, exports identical"
