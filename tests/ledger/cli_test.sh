#!/usr/bin/env bash
# End-to-end tests of the ledger commands on tests/data/ledger/stories.jsonl,
# with ledgers in SQLite files, or in PostgreSQL databases of a throwaway
# server (tests/ledger/pg_server.sh; exit 77, skipped, when none can start).
# Usage: cli_test.sh HEARSAY SOURCE_DIR [sqlite|postgresql]
set -euo pipefail
hearsay="$1"
src="$2"
backend="${3:-sqlite}"
stories="$src/tests/data/ledger/stories.jsonl"
work=$(mktemp -d)
pgdir=""
cleanup() {
  [[ -z "$pgdir" ]] || "$src/tests/ledger/pg_server.sh" stop "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

if [[ "$backend" == postgresql ]]; then
  command -v psql >/dev/null || { echo "SKIP: psql is not installed"; exit 77; }
  # Not under $work: the server's user must be able to reach it.
  pgdir=$(mktemp -d /tmp/hearsay-pg.XXXXXX)
  if ! admin=$("$src/tests/ledger/pg_server.sh" start "$pgdir" 2>"$work/pg.err"); then
    echo "SKIP: $(cat "$work/pg.err")"
    exit 77
  fi
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
HEARSAY_DB=$(ledger env)
export HEARSAY_DB
one=$(ledger one)
bad=$(ledger bad)

"$hearsay" ingest --extracted "$stories" 2>"$work/log" || fail "ingest: $(cat "$work/log")"
[[ $(sql "$HEARSAY_DB" "SELECT COUNT(*) FROM documents") == 20 ]] || fail "HEARSAY_DB not used"
grep -q "20 new documents" "$work/log" || fail "summary: $(cat "$work/log")"
"$hearsay" ingest --extracted "$stories" 2>"$work/log"
grep -q "0 new documents (20 already stored" "$work/log" || fail "re-ingest is not a no-op"

"$hearsay" claims --format json >"$work/claims.json"
python3 - "$work/claims.json" <<'PY' || fail "claims --format json"
import json, sys
records = json.load(open(sys.argv[1]))
status = {r["key"]: r["status"] for r in records}
want = {"harlow motors|quillon|cooperate|ev venture": "denied",
        "brightwater systems|kestrel analytics|acquire": "confirmed",
        "helen marchetti|cedarline bank|resign": "retracted",
        "aldmere textiles|guimaraes plant|close": "disputed",
        "pembrook & vine|lay_off|1200 jobs": "reported",
        "indonesia|ceramic tableware|restrict": "confirmed"}
assert status == want, status
for r in records:
    for field in ("id", "text", "status", "participants", "first_seen", "first_report", "statements"):
        assert field in r, field
    for s in r["statements"]:
        for field in ("outlet", "speaker", "stance", "published", "quote", "url"):
            assert field in s, field
wire = [r for r in records if r["key"].startswith("indonesia")][0]
assert wire["article_count"] == 6 and wire["independent_sources"] == 1, wire
PY

n=$("$hearsay" claims --format jsonl --status denied | wc -l)
[[ "$n" == 1 ]] || fail "--status denied gave $n"
"$hearsay" claims --entity quillon | grep -q "Harlow Motors and Quillon" || fail "--entity"
"$hearsay" claims --outlet "Cascadia" | grep -q retracted || fail "--outlet"
"$hearsay" claims --since 2026-08-01 --format csv | tail -n +2 | grep -q Indonesia || fail "--since"
"$hearsay" claims --about "Brightwater takeover of Kestrel" --limit 1 --format jsonl |
  grep -q '"key":"brightwater' || fail "--about"
for cmd in claims sources entities "claim 1" "claim 2"; do
  # shellcheck disable=SC2086
  "$hearsay" $cmd | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 100 for l in sys.stdin))' ||
    fail "$cmd: wider than 100 columns"
done
id=$("$hearsay" claims --entity brightwater --format csv | tail -1 | cut -d, -f1)
"$hearsay" claim "$id" >"$work/claim.txt"
grep -q "denied" "$work/claim.txt" && grep -q "confirmed" "$work/claim.txt" ||
  fail "claim timeline lacks denied then confirmed"
grep -q "https://capitalwire.example/brightwater-ceo-speculation" "$work/claim.txt" || fail "claim URL"
"$hearsay" sources --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
names = {x["name"]: x for x in s}
for f in ("name", "kind", "reported", "confirmed", "denied", "retracted", "unresolved", "reliability", "interval"):
    assert f in s[0], f
assert names["The Cascadia Courier"]["retracted"] == 1
assert 0 < names["Capital Wire"]["interval"][0] < names["Capital Wire"]["reliability"] < names["Capital Wire"]["interval"][1] < 1
' || fail "sources --format json"
"$hearsay" sources --as-of 2026-03-10 --settle-days 5 >/dev/null || fail "sources --as-of"
"$hearsay" entities | grep -q "Harlow Motors" || fail "entities"
"$hearsay" export --format claimreview | python3 -c '
import json, sys
reviews = json.load(sys.stdin)
assert all(r["@type"] == "ClaimReview" for r in reviews)
assert {r["hearsay:status"] for r in reviews} == {"denied", "confirmed", "retracted", "disputed"}
' || fail "export claimreview"
[[ $("$hearsay" export --format csv | wc -l) == 7 ]] || fail "export csv"

# The same documents give the same ledger whatever the number of workers.
"$hearsay" ingest --extracted "$stories" --db "$one" --jobs 1 --batch 1 2>/dev/null
"$hearsay" export --format jsonl >"$work/a.jsonl"
"$hearsay" export --format jsonl --db "$one" >"$work/b.jsonl"
cmp -s "$work/a.jsonl" "$work/b.jsonl" || fail "--jobs/--batch change the ledger"
# reextract runs the current extractor over documents whose recorded models
# or lexicons differ; a second run finds nothing stale and changes nothing.
"$hearsay" reextract --db "$one" 2>/dev/null || fail "reextract failed"
"$hearsay" export --format jsonl --db "$one" >"$work/c.jsonl"
"$hearsay" reextract --db "$one" 2>/dev/null || fail "second reextract failed"
"$hearsay" export --format jsonl --db "$one" >"$work/d.jsonl"
cmp -s "$work/c.jsonl" "$work/d.jsonl" || fail "a second reextract changed the ledger"

# Exit status: 1 for a skipped malformed line, 2 for a usage error.
{ head -2 "$stories"; echo '{"schema":"hearsay.extract/1","document":{}}'; } >"$work/bad.jsonl"
set +e
"$hearsay" ingest --extracted "$work/bad.jsonl" --db "$bad" 2>"$work/err"
rc=$?
set -e
[[ $rc == 1 ]] || fail "malformed input: exit $rc"
grep -q "bad.jsonl: line 3: document.id: missing" "$work/err" || fail "diagnostic: $(cat "$work/err")"
set +e
"$hearsay" claims --status maybe >/dev/null 2>&1
rc=$?
set -e
[[ $rc == 2 ]] || fail "bad --status: exit $rc"

# A ledger from a newer hearsay is refused.
sql "$bad" "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
set +e
"$hearsay" claims --db "$bad" 2>"$work/err"
rc=$?
set -e
[[ $rc != 0 ]] && grep -q "newer than this hearsay" "$work/err" || fail "newer schema not refused"
if [[ "$backend" == postgresql ]]; then
  # The same ledger as in an SQLite file.
  "$hearsay" ingest --extracted "$stories" --db "$work/lite.db" 2>/dev/null
  "$hearsay" export --format jsonl --db "$work/lite.db" >"$work/lite.jsonl"
  cmp -s "$work/a.jsonl" "$work/lite.jsonl" || fail "PostgreSQL and SQLite ledgers differ"
  # A query never creates a ledger; a password never reaches a message.
  empty=$(ledger empty)
  set +e
  "$hearsay" claims --db "$empty" 2>"$work/err"
  rc=$?
  set -e
  [[ $rc != 0 ]] && grep -q "no ledger here" "$work/err" || fail "empty database: $(cat "$work/err")"
  [[ $(sql "$empty" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'") == 0 ]] ||
    fail "a query created tables"
  set +e
  "$hearsay" claims --db "postgresql://ann:s3cret@/x?host=$pgdir-nowhere" 2>"$work/err"
  set -e
  grep -q "ann:\*\*\*@" "$work/err" && ! grep -q s3cret "$work/err" || fail "password shown: $(cat "$work/err")"
fi
echo PASS
