#!/usr/bin/env bash
# Kills `hearsay ingest --extracted` with SIGKILL at random moments, reruns
# it, and checks that the ledger passes PRAGMA integrity_check, holds no
# duplicate documents, and exports exactly what an uninterrupted run exports.
# Also runs queries while an ingest writes, and checks that they succeed.
#
# Usage: kill_test.sh HEARSAY SOURCE_DIR [ROUNDS] [DOCUMENTS] [SEED]
set -euo pipefail
hearsay="$1"
src="$2"
rounds="${3:-6}"
docs="${4:-12000}"
seed="${5:-7}"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 not installed"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$src/tests/ledger/make_corpus.py" "$docs" "$seed" >"$work/corpus.jsonl"

start=$(date +%s.%N)
"$hearsay" ingest --extracted "$work/corpus.jsonl" --db "$work/ref.db" --jobs 2 2>"$work/ref.log"
end=$(date +%s.%N)
"$hearsay" export --format jsonl --db "$work/ref.db" >"$work/ref.jsonl"
ref_docs=$(sqlite3 "$work/ref.db" "SELECT COUNT(*) FROM documents")
run_ms=$(python3 -c "print(int(($end - $start) * 1000))")
echo "uninterrupted: $ref_docs documents in ${run_ms} ms; $(wc -l <"$work/ref.jsonl") claims"
[[ "$run_ms" -gt 300 ]] || { echo "FAIL: the corpus is too small to interrupt"; exit 1; }

RANDOM=$seed
kills=0
for ((round = 1; round <= rounds; round++)); do
  db="$work/r$round.db"
  # Three kills per round at random moments across the whole run, then one
  # run to the end. Each rerun resumes, so the moment is drawn from the time
  # the remaining documents take.
  round_kills=0
  for ((attempt = 1; attempt <= 10 && round_kills < 3; attempt++)); do
    stored=0
    [[ -f "$db" ]] && stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM documents")
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
    if [[ -f "$db" ]]; then
      check=$(sqlite3 "$db" "PRAGMA integrity_check")
      [[ "$check" == "ok" ]] || { echo "FAIL: integrity_check after kill: $check"; exit 1; }
    fi
  done
  "$hearsay" ingest --extracted "$work/corpus.jsonl" --db "$db" --jobs 2 2>/dev/null
  check=$(sqlite3 "$db" "PRAGMA integrity_check")
  [[ "$check" == "ok" ]] || { echo "FAIL: integrity_check: $check"; exit 1; }
  dups=$(sqlite3 "$db" "SELECT COUNT(*) - COUNT(DISTINCT content_hash) FROM documents")
  [[ "$dups" == "0" ]] || { echo "FAIL: $dups duplicate documents"; exit 1; }
  n=$(sqlite3 "$db" "SELECT COUNT(*) FROM documents")
  [[ "$n" == "$ref_docs" ]] || { echo "FAIL: $n documents, expected $ref_docs"; exit 1; }
  "$hearsay" export --format jsonl --db "$db" >"$work/out.jsonl"
  if ! cmp -s "$work/ref.jsonl" "$work/out.jsonl"; then
    echo "FAIL: round $round: export differs from the uninterrupted run"
    diff "$work/ref.jsonl" "$work/out.jsonl" | head -5
    exit 1
  fi
done
echo "PASS: $rounds rounds, $kills kills, exports identical"
