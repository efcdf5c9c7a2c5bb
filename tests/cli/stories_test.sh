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
# A claim reads as its first report put it (the talks), not as the denial
# read first from the folder ("not agree").
expect "story 1 (as first reported)" Quillon denied "Harlow Motors negotiate with Quillon"
# A claim first reported in the negative reads as the proposition its
# status is about: Quillon's spokesperson saying it does not sell cars in
# North America denies that it does.
expect "a negative first report" Quillon denied "Quillon sell cars in North America"
expect "story 2 (denied, then confirmed)" Kestrel confirmed "Brightwater Systems"
expect "story 3 (retracted)" "Helen Marchetti" retracted "resign"
expect "story 4 (disputed)" "Aldmere Textiles" disputed "close"
expect "story 5 (reported only)" "Pembrook" reported "layoff"
expect "story 6 (syndicated)" Indonesia confirmed "restrict"
# history WHAT ENTITY STATUS PATTERN EARLIER: the claim about ENTITY with
# STATUS matching PATTERN passed through the status EARLIER first.
history() {
  id=$("$bin" claims --db "$db" --entity "$2" --status "$3" --format csv |
    grep -- "$4" | head -n 1 | cut -d, -f1)
  [ -n "$id" ] || return 0  # expect() has said it is missing
  "$bin" claim "$id" --db "$db" >"$tmp/claim.txt"
  if ! sed -n '/status history/,$p' "$tmp/claim.txt" | grep -q "$5"; then
    echo "FAIL: $1: no '$5' before '$3' in the status history of claim $id"
    cat "$tmp/claim.txt"
    fail=1
  fi
}
# Story 2 was denied, on 7 April, by the buyer's chief executive in an
# article that names the buyer only as "the logistics-software company",
# before it was confirmed; story 4 was confirmed by the co-owning ministry
# before the company disputed it; story 3 was first reported on one
# anonymous source, then withdrawn.
history "story 2" Kestrel confirmed "Brightwater Systems" "2026-04-07 denied"
# ... and confirmed on 28 April by the buyer's joint statement ("agreed to
# buy British forecasting company Kestrel Analytics PLC").
history "story 2 (confirmed)" Kestrel confirmed "Brightwater Systems" "2026-04-28 confirmed"
# Articles after the deal retell the 7 April denial ("On April 7, Oduya told
# investors ...", "Brightwater's Kestrel denial under scrutiny"): told
# again, it is no new denial, and the status stays confirmed.
id=$("$bin" claims --db "$db" --entity Kestrel --status confirmed --format csv |
  grep -- "Brightwater Systems" | head -n 1 | cut -d, -f1)
if [ -n "$id" ]; then
  "$bin" claim "$id" --db "$db" >"$tmp/claim.txt"
  if sed -n '/status history/,$p' "$tmp/claim.txt" | grep -q "denied.*said\|2026-04-2[89] denied"; then
    echo "FAIL: story 2: a retold denial changed the status after the deal"
    cat "$tmp/claim.txt"
    fail=1
  fi
fi
# Story 1: "Harlow said it did not discuss the travel of individual
# employees" declines to talk about the trip; it denies nothing.
id=$("$bin" claims --db "$db" --entity Quillon --status denied --format csv |
  grep -- "Harlow Motors negotiate with Quillon" | head -n 1 | cut -d, -f1)
if [ -n "$id" ]; then
  "$bin" claim "$id" --db "$db" >"$tmp/claim.txt"
  if ! grep -B1 "did not discuss the travel" "$tmp/claim.txt" | head -n 1 |
    grep -q "no_comment"; then
    echo "FAIL: story 1: Harlow's refusal to discuss its employees' travel is not a no-comment"
    cat "$tmp/claim.txt"
    fail=1
  fi
fi
history "story 4" "Aldmere Textiles" disputed "close" confirmed
# Story 4: '"The Guimarães plant is not closing," ... "We are restructuring
# production across our European sites ... Any suggestion otherwise is
# simply wrong."' denies the closure; the restructuring the chief executive
# announces in the same quote is no denied claim.
if "$bin" claims --db "$db" --entity "Aldmere Textiles" --status denied --format csv |
  tail -n +2 | grep -q .; then
  echo "FAIL: story 4: a claim about Aldmere Textiles is denied"
  "$bin" claims --db "$db" --entity "Aldmere Textiles" --format csv | sed 's/^/  /'
  fail=1
fi
history "story 3" "Helen Marchetti" retracted "resign" "anonymous"
# Story 6: six copies of one wire story, in one record, one independent
# source.
rows=$("$bin" claims --db "$db" --entity Indonesia --status confirmed --format csv |
  awk -F, 'NR > 1 && $6 >= 5 && $7 == 1' | wc -l)
if [ "$rows" -lt 1 ]; then
  echo "FAIL: story 6: no confirmed Indonesia claim carried by five or more articles from one independent source"
  "$bin" claims --db "$db" --entity Indonesia --format csv | sed 's/^/  /'
  fail=1
fi
# The readable listing counts mentions in English ("1 mention").
"$bin" extract --format text "$src/samples/news/s5-northgatepost-pembrook-workers.txt" \
  >"$tmp/text.txt" 2>/dev/null
if grep -q '(1 mentions' "$tmp/text.txt" || ! grep -q '(1 mention' "$tmp/text.txt"; then
  echo "FAIL: extract --format text: no '(1 mention' or a '(1 mentions'"
  fail=1
fi
[ "$fail" -eq 0 ] && echo "stories: 1 denied, 2 denied then confirmed, 3 retracted, 4 confirmed then disputed, 5 reported, 6 confirmed from one source"
exit "$fail"
