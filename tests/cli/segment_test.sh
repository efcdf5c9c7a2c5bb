#!/usr/bin/env bash
# End-to-end checks of `hearsay segment`: exit statuses, diagnostics that
# name the file and position, spans that point into the original bytes.
# Usage: segment_test.sh HEARSAY_BINARY SOURCE_DIR
set -uo pipefail
bin="$1"
src="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

# --help everywhere, and a usage error exits 2.
check "segment --help" "$bin" segment --help >/dev/null
check "eval segment --help" "$bin" eval segment --help >/dev/null
"$bin" segment --no-such-flag >/dev/null 2>&1; code=$?
check "usage error exits 2 (got $code)" test "$code" -eq 2

# A clean text document: exit 0, spans slice the original bytes.
printf 'Ford denies talks\n\n\xe2\x80\x9cThis story is completely false,\xe2\x80\x9d Ford said. Xiaomi didn\xe2\x80\x99t comment.\n' > "$tmp/a.txt"
"$bin" segment "$tmp/a.txt" > "$tmp/a.json" 2> "$tmp/a.err"; code=$?
check "clean input exits 0 (got $code)" test "$code" -eq 0
check "one JSON line per document" test "$(wc -l < "$tmp/a.json")" -eq 1
python3 - "$tmp/a.txt" "$tmp/a.json" <<'PY' || { echo "FAIL: spans"; failures=$((failures + 1)); }
import json, sys
text = open(sys.argv[1], 'rb').read()
rec = json.loads(open(sys.argv[2]).read())
doc = rec["document"]
assert doc["title"] == "Ford denies talks", doc
assert text[doc["body_begin"]:].startswith("“This".encode()), doc
sents = [text[b:e].decode() for b, e in rec["sentences"]]
assert sents[0] == "Ford denies talks", sents
assert sents[1].startswith("“This story") and sents[1].endswith("said."), sents
toks = [text[b:e].decode() for b, e in rec["tokens"]]
assert "didn’t" in toks, toks
mw = [[text[b:e].decode() for b, e in m["words"]] for m in rec["multiword_tokens"]]
assert ["did", "n’t"] in mw, mw
PY
pass=$((pass + 1))

# A malformed JSON line among good ones: the good ones come out, exit 1,
# one diagnostic naming the file and line.
printf '{"title":"One","maintext":"First body."}\n{not json\n{"title":"Three","maintext":"Third body."}\n' > "$tmp/b.jsonl"
"$bin" segment "$tmp/b.jsonl" > "$tmp/b.json" 2> "$tmp/b.err"; code=$?
check "skipped input exits 1 (got $code)" test "$code" -eq 1
check "good documents still read" test "$(wc -l < "$tmp/b.json")" -eq 2
check "diagnostic names file and line" grep -q "b.jsonl: line 2" "$tmp/b.err"
check "one diagnostic line" test "$(wc -l < "$tmp/b.err")" -eq 1

# --strict stops at the first malformed input.
"$bin" segment --strict "$tmp/b.jsonl" > "$tmp/c.json" 2>/dev/null; code=$?
check "strict exits 1 (got $code)" test "$code" -eq 1
check "strict stops early" test "$(wc -l < "$tmp/c.json")" -eq 1

# A duplicate document is not a skip.
cp "$tmp/a.txt" "$tmp/a2.txt"
"$bin" segment "$tmp/a.txt" "$tmp/a2.txt" > "$tmp/d.json" 2>/dev/null; code=$?
check "duplicates are processed (got $code)" test "$code" -eq 0
check "both duplicates printed" test "$(wc -l < "$tmp/d.json")" -eq 2

# stdin, an empty file and a missing file.
"$bin" segment - < "$tmp/a.txt" > "$tmp/e.json"; code=$?
check "stdin exits 0 (got $code)" test "$code" -eq 0
: > "$tmp/empty.txt"
"$bin" segment "$tmp/empty.txt" > /dev/null 2> "$tmp/f.err"; code=$?
check "empty file is reported (got $code)" test "$code" -eq 1
"$bin" segment "$tmp/missing.txt" > /dev/null 2> "$tmp/g.err"; code=$?
check "missing file exits 1 (got $code)" test "$code" -eq 1
check "missing file named" grep -q "missing.txt" "$tmp/g.err"

# CoNLL-U output has range lines for multi-word tokens.
"$bin" segment --format conllu "$tmp/a.txt" > "$tmp/a.conllu"
check "conllu range line" grep -qP '^\d+-\d+\tdidn’t' "$tmp/a.conllu"
check "conllu # text" grep -q '^# text = Ford denies talks' "$tmp/a.conllu"

# The sample news: every file in every format reads cleanly.
"$bin" segment "$src/samples/news" > "$tmp/s.json" 2> "$tmp/s.err"; code=$?
check "samples read cleanly (got $code: $(head -c 300 "$tmp/s.err"))" test "$code" -eq 0

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
