#!/usr/bin/env bash
# End-to-end tests of the ledger commands on tests/data/ledger/stories.jsonl.
# Usage: cli_test.sh HEARSAY SOURCE_DIR
set -euo pipefail
hearsay="$1"
src="$2"
stories="$src/tests/data/ledger/stories.jsonl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export HEARSAY_DB="$work/env.db"

"$hearsay" ingest --extracted "$stories" 2>"$work/log" || fail "ingest: $(cat "$work/log")"
[[ -f "$work/env.db" ]] || fail "HEARSAY_DB not used"
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
"$hearsay" ingest --extracted "$stories" --db "$work/one.db" --jobs 1 --batch 1 2>/dev/null
"$hearsay" export --format jsonl >"$work/a.jsonl"
"$hearsay" export --format jsonl --db "$work/one.db" >"$work/b.jsonl"
cmp -s "$work/a.jsonl" "$work/b.jsonl" || fail "--jobs/--batch change the ledger"
# reextract runs the current extractor over documents whose recorded models
# or lexicons differ; a second run finds nothing stale and changes nothing.
"$hearsay" reextract --db "$work/one.db" 2>/dev/null || fail "reextract failed"
"$hearsay" export --format jsonl --db "$work/one.db" >"$work/c.jsonl"
"$hearsay" reextract --db "$work/one.db" 2>/dev/null || fail "second reextract failed"
"$hearsay" export --format jsonl --db "$work/one.db" >"$work/d.jsonl"
cmp -s "$work/c.jsonl" "$work/d.jsonl" || fail "a second reextract changed the ledger"

# Exit status: 1 for a skipped malformed line, 2 for a usage error.
{ head -2 "$stories"; echo '{"schema":"hearsay.extract/1","document":{}}'; } >"$work/bad.jsonl"
set +e
"$hearsay" ingest --extracted "$work/bad.jsonl" --db "$work/bad.db" 2>"$work/err"
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
sqlite3 "$work/bad.db" "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
set +e
"$hearsay" claims --db "$work/bad.db" 2>"$work/err"
rc=$?
set -e
[[ $rc != 0 ]] && grep -q "newer than this hearsay" "$work/err" || fail "newer schema not refused"
echo PASS
