#!/usr/bin/env bash
# The ledger's figures (docs/ledger.md, "Performance"), measured through the
# hearsay binary as a user runs it:
#
#   (a) ingest throughput of the whole pipeline (reading JSON Lines, full
#       extraction, ledger writes) on the FNC-1 article bodies, --jobs 2,
#       into an SQLite file;
#   (b) ledger size per 1,000 documents (that ledger, and the synthetic one);
#   (c) `hearsay claims --about TEXT` latency, the median over several
#       queries, on a ledger of synthetic documents (100,000 by default);
#   (d) how ingest (linking) time grows with the ledger: the synthetic corpus
#       (tests/ledger/make_corpus.py, hearsay.extract/1 records) ingested
#       with --extracted in slices up to each size, time per document in
#       each slice (constant = linear growth).
#
# Usage: bench/ledger_bench.sh [--hearsay BIN] [--jobs N] [--fnc1 N]
#          [--sizes 10000,25000,50000,100000] [--queries N] [--postgres N]
#          [--work DIR] [--skip-fnc1] [--skip-synthetic]
#   --fnc1 N      the first N bodies (default 0: all 1,683 with text)
#   --postgres N  also ingest N synthetic documents into PostgreSQL on a
#                 throwaway server (tests/ledger/pg_server.sh) and into
#                 SQLite, and compare (default 0: skip)
#   --work DIR    keep the corpora and ledgers there (default: a temporary
#                 directory, removed at the end)
#
# The FNC-1 bodies are read from $HEARSAY_SHARED/data/fnc1/train_bodies.csv
# (default <source>/../shared); without them (a) and (b) say so and are
# skipped. A full run takes a few minutes on 2 cores; CPU seconds are printed
# beside wall-clock ones, since on a shared machine wall-clock time depends
# on the load (printed first).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
hearsay="$src/build/hearsay"
jobs=2
fnc1_limit=0
sizes="10000,25000,50000,100000"
queries=9
pg_docs=0
work=""
do_fnc1=1
do_synthetic=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --hearsay) hearsay="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --fnc1) fnc1_limit="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --postgres) pg_docs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --skip-fnc1) do_fnc1=0; shift ;;
    --skip-synthetic) do_synthetic=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "ledger_bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x "$hearsay" ]] || { echo "ledger_bench: no hearsay binary at $hearsay (--hearsay BIN)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "ledger_bench: python3 is needed" >&2; exit 2; }
pgdir=""
if [[ -z "$work" ]]; then
  work=$(mktemp -d)
  cleanup_work=1
else
  mkdir -p "$work"
  cleanup_work=0
fi
cleanup() {
  [[ -z "$pgdir" ]] || "$src/tests/ledger/pg_server.sh" stop "$pgdir"
  [[ $cleanup_work == 0 ]] || rm -rf "$work"
}
trap cleanup EXIT
export HEARSAY_MODELS="${HEARSAY_MODELS:-$src/models}"

# run LOG CMD...: runs CMD with stderr to LOG; prints "WALL USER SYS" seconds
# (the CPU times of CMD and its children).
run() {
  local log="$1"
  shift
  python3 - "$log" "$@" <<'PY'
import resource, subprocess, sys, time
log, cmd = sys.argv[1], sys.argv[2:]
t = time.monotonic()
with open(log, "w") as err:
    rc = subprocess.call(cmd, stdout=subprocess.DEVNULL, stderr=err)
wall = time.monotonic() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f %.3f" % (wall, u.ru_utime, u.ru_stime))
sys.exit(rc)
PY
}
# size PATH: bytes of an SQLite ledger (with its WAL, if any).
size() {
  local n=0 f
  for f in "$1" "$1-wal"; do
    [[ -f "$f" ]] && n=$((n + $(stat -c %s "$f")))
  done
  echo "$n"
}
calc() { python3 -c "print($1)"; }

echo "ledger_bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $hearsay"

if [[ $do_fnc1 == 1 ]]; then
  shared="${HEARSAY_SHARED:-$src/../shared}"
  csv="$shared/data/fnc1/train_bodies.csv"
  if [[ ! -f "$csv" ]]; then
    echo "(a) skipped: no FNC-1 bodies at $csv (set HEARSAY_SHARED)"
  else
    python3 - "$csv" "$fnc1_limit" >"$work/fnc1.jsonl" <<'PY'
import csv, json, sys
csv.field_size_limit(1 << 30)
limit = int(sys.argv[2])
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for n, row in enumerate(csv.DictReader(f)):
        if limit and n >= limit:
            break
        print(json.dumps({"id": "fnc1-" + row["Body ID"], "text": row["articleBody"],
                          "url": "https://fnc1.example/" + row["Body ID"],
                          "outlet": "FNC-1"}))
PY
    n=$(wc -l <"$work/fnc1.jsonl")
    rm -f "$work/fnc1.db" "$work/fnc1.db-wal" "$work/fnc1.db-shm"
    read -r wall user sys < <(run "$work/fnc1.log" "$hearsay" ingest --jobs "$jobs" \
      --db "$work/fnc1.db" "$work/fnc1.jsonl")
    stored=$(sqlite3 "$work/fnc1.db" "SELECT COUNT(*) FROM documents" 2>/dev/null ||
      grep -o '^[^:]*: [0-9]* new' "$work/fnc1.log" | grep -o '[0-9]* new' | cut -d' ' -f1)
    bytes=$(size "$work/fnc1.db")
    echo "(a) FNC-1 bodies: $n read, $stored stored, --jobs $jobs, SQLite:" \
      "$(calc "round($n / $wall, 1)") documents/s" \
      "(wall $wall s; CPU $(calc "round($user + $sys, 2)") s," \
      "$(calc "round($n / ($user + $sys), 1)") documents per CPU-second)"
    echo "(b) ledger size: $(calc "round($bytes / $stored * 1000 / 1e6, 2)") MB per 1,000 FNC-1" \
      "documents (their extractions and text included)"
  fi
fi

if [[ $do_synthetic == 1 ]]; then
  IFS=, read -r -a steps <<<"$sizes"
  max=${steps[${#steps[@]}-1]}
  python3 "$src/tests/ledger/make_corpus.py" "$max" 7 >"$work/synthetic.jsonl"
  db="$work/synthetic.db"
  rm -f "$db" "$db-wal" "$db-shm"
  echo "(d) synthetic corpus (make_corpus.py $max 7), ingest --extracted --jobs $jobs, in slices:"
  printf '    %-9s %-14s %8s %8s %10s %12s %12s\n' documents slice "wall s" "CPU s" "docs/s" "ms CPU/doc" "MB/1,000"
  from=0
  total_wall=0
  total_cpu=0
  first_per_doc=""
  for to in "${steps[@]}"; do
    sed -n "$((from + 1)),${to}p" "$work/synthetic.jsonl" >"$work/slice.jsonl"
    read -r wall user sys < <(run "$work/slice.log" "$hearsay" ingest --extracted \
      --jobs "$jobs" --db "$db" "$work/slice.jsonl")
    cpu=$(calc "$user + $sys")
    per_doc=$(calc "round(1000 * $cpu / ($to - $from), 3)")
    [[ -n "$first_per_doc" ]] || first_per_doc=$per_doc
    total_wall=$(calc "$total_wall + $wall")
    total_cpu=$(calc "$total_cpu + $cpu")
    printf '    %-9s %-14s %8.2f %8.2f %10.0f %12.3f %12.2f\n' "$to" "$from-$to" "$wall" "$cpu" \
      "$(calc "($to - $from) / $wall")" "$per_doc" "$(calc "$(size "$db") / $to * 1000 / 1e6")"
    from=$to
  done
  echo "    to $max documents: wall $(calc "round($total_wall, 1)") s, CPU $(calc "round($total_cpu, 1)") s;" \
    "the last slice's CPU per document is $(calc "round($per_doc / $first_per_doc, 2)")x the first's"
  records=$(sqlite3 "$db" "SELECT COUNT(*) FROM records" 2>/dev/null || echo "?")
  # (c) --about: queries naming parties and predicates of the corpus.
  : >"$work/about.times"
  for ((q = 0; q < queries; q++)); do
    text=$(python3 -c "
import random
r = random.Random($q)
print('Company%d and Company%d %s' % (r.randrange(400), r.randrange(400),
      r.choice(['negotiate', 'acquire', 'close', 'resign', 'lay_off', 'invest', 'sue'])))")
    read -r wall user sys < <(run "$work/about.log" "$hearsay" claims --db "$db" --about "$text" --limit 10)
    echo "$wall" >>"$work/about.times"
  done
  python3 - "$work/about.times" "$max" "$records" <<'PY'
import statistics, sys
t = sorted(float(x) for x in open(sys.argv[1]))
print("(c) claims --about on %s documents (%s records): median %.3f s over %d queries "
      "(min %.3f, max %.3f; the whole command, process start included)"
      % (sys.argv[2], sys.argv[3], statistics.median(t), len(t), t[0], t[-1]))
PY
fi

if [[ $pg_docs -gt 0 ]]; then
  command -v psql >/dev/null || { echo "(PostgreSQL) skipped: psql is not installed"; exit 0; }
  pgdir=$(mktemp -d /tmp/hearsay-pg.XXXXXX)
  if ! admin=$("$src/tests/ledger/pg_server.sh" start "$pgdir" 2>"$work/pg.err"); then
    echo "(PostgreSQL) skipped: $(cat "$work/pg.err")"
    exit 0
  fi
  python3 "$src/tests/ledger/make_corpus.py" "$pg_docs" 7 >"$work/pg.jsonl"
  psql "$admin" -qc "CREATE DATABASE bench" >/dev/null
  url="${admin/\/postgres\?//bench?}"
  read -r wall user sys < <(run "$work/pg.log" "$hearsay" ingest --extracted --jobs "$jobs" \
    --db "$url" "$work/pg.jsonl")
  rm -f "$work/pg.db" "$work/pg.db-wal" "$work/pg.db-shm"
  read -r lwall luser lsys < <(run "$work/pgl.log" "$hearsay" ingest --extracted --jobs "$jobs" \
    --db "$work/pg.db" "$work/pg.jsonl")
  "$hearsay" export --format jsonl --db "$url" >"$work/pg.export"
  "$hearsay" export --format jsonl --db "$work/pg.db" >"$work/pgl.export"
  same=$(cmp -s "$work/pg.export" "$work/pgl.export" && echo "the same" || echo "DIFFERENT")
  echo "(PostgreSQL) $pg_docs synthetic documents, ingest --extracted --jobs $jobs:" \
    "PostgreSQL $(calc "round($pg_docs / $wall)") documents/s (wall $wall s)," \
    "SQLite $(calc "round($pg_docs / $lwall)") documents/s (wall $lwall s); exports $same"
fi
