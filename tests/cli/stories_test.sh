#!/bin/sh
# The sample news (samples/news, six invented stories told over 25 articles in
# every format the readers take) read from raw text into a ledger: each story
# ends as samples/README.md says it should.
# Usage: stories_test.sh HEARSAY_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/stories.db
export HEARSAY_MODELS=$src/models
if ! "$bin" ingest --db "$db" "$src/samples/news" >/dev/null 2>"$tmp/err"; then
  cat "$tmp/err"
  echo "FAIL: hearsay ingest of samples/news"
  exit 1
fi
fail=0
# expect WHAT ENTITY STATUS PATTERN: some claim about ENTITY has STATUS and a
# CSV row matching PATTERN.
expect() {
  "$bin" claims --db "$db" --entity "$2" --status "$3" --format csv >"$tmp/c.csv"
  if ! tail -n +2 "$tmp/c.csv" | grep -q -- "$4"; then
    echo "FAIL: $1: no $3 claim about $2 matching '$4'"
    "$bin" claims --db "$db" --entity "$2" --format csv | sed 's/^/  /'
    fail=1
  fi
}
expect "story 1 (reported venture, denied)" Quillon denied "Harlow Motors"
expect "story 2 (denied, then confirmed)" Kestrel confirmed "Brightwater Systems"
expect "story 3 (retracted)" "Helen Marchetti" retracted "resign"
expect "story 4 (disputed)" "Aldmere Textiles" disputed "close"
expect "story 5 (reported only)" "Pembrook" reported "layoff"
expect "story 6 (syndicated)" Indonesia confirmed "restrict"
# Story 2's history shows the denial before the confirmation.
id=$("$bin" claims --db "$db" --entity Kestrel --status confirmed --format csv |
  grep "Brightwater Systems" | head -n 1 | cut -d, -f1)
if [ -n "$id" ]; then
  "$bin" claim "$id" --db "$db" >"$tmp/claim.txt"
  if ! sed -n '/status history/,$p' "$tmp/claim.txt" | grep -q denied; then
    echo "FAIL: story 2: no denial in the status history of claim $id"
    cat "$tmp/claim.txt"
    fail=1
  fi
fi
# Story 4 was confirmed by the co-owning ministry before the company denied it.
id=$("$bin" claims --db "$db" --entity "Aldmere Textiles" --status disputed --format csv |
  grep "close" | head -n 1 | cut -d, -f1)
if [ -n "$id" ]; then
  "$bin" claim "$id" --db "$db" >"$tmp/claim.txt"
  if ! sed -n '/status history/,$p' "$tmp/claim.txt" | grep -q confirmed; then
    echo "FAIL: story 4: no confirmation before the dispute in claim $id"
    cat "$tmp/claim.txt"
    fail=1
  fi
fi
# Story 6: six copies of one wire story, in one record.
rows=$("$bin" claims --db "$db" --entity Indonesia --status confirmed --format csv |
  awk -F, 'NR > 1 && $6 >= 5' | wc -l)
if [ "$rows" -lt 1 ]; then
  echo "FAIL: story 6: no confirmed Indonesia claim carried by five or more articles"
  fail=1
fi
[ "$fail" -eq 0 ] && echo "stories: 1 denied, 2 denied then confirmed, 3 retracted, 4 confirmed then disputed, 5 reported, 6 confirmed"
exit "$fail"
