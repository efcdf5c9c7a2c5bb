#!/usr/bin/env bash
# End-to-end checks of `hearsay parse` from raw text and `hearsay eval ud`:
# CoNLL-U that UD tools read (comments, range lines, NE= in MISC), JSON
# Lines, stdin, exit statuses; where ../shared exists, `eval ud` from raw
# text agrees with the reference scorer run on `parse` of the rebuilt text.
# Usage: parse_test.sh HEARSAY_BINARY SOURCE_DIR
set -uo pipefail
bin="$1"
src="$2"
shared="${HEARSAY_SHARED:-$src/../shared}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
export HEARSAY_MODELS="$src/models"
cd "$src" || exit 1

check "parse --help" "$bin" parse --help >/dev/null
"$bin" parse --input xml - </dev/null >/dev/null 2>&1; code=$?
check "bad --input exits 2 (got $code)" test "$code" -eq 2

printf 'Ford denies talks\n\n\xe2\x80\x9cThis story is completely false,\xe2\x80\x9d Ford said. Xiaomi didn\xe2\x80\x99t comment on Google'"'"'s plans.\n' > "$tmp/a.txt"
"$bin" parse "$tmp/a.txt" > "$tmp/a.conllu" 2> "$tmp/a.err"; code=$?
check "raw text exits 0 (got $code: $(head -c 300 "$tmp/a.err"))" test "$code" -eq 0
check "sent_id lines" test "$(grep -c '^# sent_id = ' "$tmp/a.conllu")" -eq 3
check "# text" grep -q '^# text = Ford denies talks$' "$tmp/a.conllu"
check "range line for didn't" grep -qP '^\d+-\d+\tdidn’t\t' "$tmp/a.conllu"
check "range line for Google's" grep -qP "^\d+-\d+\tGoogle's\t" "$tmp/a.conllu"
check "n't is a word" grep -qP '^\d+\tn’t\tnot\tPART\t' "$tmp/a.conllu"
check "NE in MISC" grep -qP '\tNE=B-[A-Z]+$' "$tmp/a.conllu"
python3 - "$tmp/a.conllu" <<'PY' || { echo "FAIL: CoNLL-U structure"; failures=$((failures + 1)); }
import sys
sent, words, last = 0, [], 0
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line:
        assert words, 'empty sentence'
        ids = [int(c[0]) for c in words]
        assert ids == list(range(1, len(ids) + 1)), ids
        heads = [int(c[6]) for c in words]
        assert heads.count(0) == 1, heads
        assert all(0 <= h <= len(ids) for h in heads), heads
        sent += 1; words = []
        continue
    if line.startswith('#'):
        continue
    cols = line.split('\t')
    assert len(cols) == 10, cols
    if '-' in cols[0]:
        continue
    words.append(cols)
    misc = cols[9]
    for item in misc.split('|'):
        assert item == '_' or item == 'SpaceAfter=No' or item.startswith('NE=B-') or item.startswith('NE=I-'), misc
assert sent == 3, sent
PY
pass=$((pass + 1))

# stdin, JSON Lines.
"$bin" parse --format json - < "$tmp/a.txt" > "$tmp/a.jsonl"; code=$?
check "stdin exits 0 (got $code)" test "$code" -eq 0
check "one JSON line per sentence" test "$(wc -l < "$tmp/a.jsonl")" -eq 3
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/a.jsonl"
check "JSON parses" test $? -eq 0

# A malformed JSON Lines record is skipped with exit 1; the rest is parsed.
printf '{"title":"One","maintext":"Ford said it."}\n{not json\n' > "$tmp/b.jsonl"
"$bin" parse "$tmp/b.jsonl" > "$tmp/b.conllu" 2> "$tmp/b.err"; code=$?
check "skipped input exits 1 (got $code)" test "$code" -eq 1
check "good record still parsed" grep -q '^# text = Ford said it.$' "$tmp/b.conllu"

# --input conllu keeps the given words and sentences.
"$bin" parse --input conllu "$tmp/a.conllu" > "$tmp/c.conllu"; code=$?
check "conllu input exits 0 (got $code)" test "$code" -eq 0
check "conllu input keeps the words" test "$(cut -f1,2 "$tmp/a.conllu")" = "$(cut -f1,2 "$tmp/c.conllu")"

gold="$shared/data/ud/en_gum-ccby-ud-dev.conllu"
if [ -f "$gold" ] && [ -f "$shared/scorers/ud_eval.py" ]; then
  # The first documents of GUM dev, rebuilt as raw text the CoNLL 2018 way.
  awk 'BEGIN{d=0} /^# newdoc/{d++} d<=3' "$gold" > "$tmp/gold.conllu"
  python3 - "$tmp/gold.conllu" "$tmp/docs" > "$tmp/docs.list" <<'PY'
import os, sys
gold, outdir = sys.argv[1], sys.argv[2]
os.makedirs(outdir)
docs, has_newpar, sents, cur = [], False, [], None
for line in open(gold, encoding='utf-8'):
    line = line.rstrip('\n')
    if cur is None:
        cur = {'newdoc': False, 'newpar': False, 'text': ''}
    if not line:
        sents.append(cur); cur = None; continue
    if line.startswith('# newdoc'): cur['newdoc'] = True
    elif line.startswith('# newpar'): cur['newpar'] = True
    elif line.startswith('# text = '): cur['text'] = line[9:]
has_newpar = any(s['newpar'] for s in sents)
for s in sents:
    if not docs or s['newdoc']: docs.append('')
    if docs[-1]: docs[-1] += '\n\n' if (s['newpar'] or not has_newpar) else ' '
    docs[-1] += s['text']
for i, d in enumerate(docs):
    p = os.path.join(outdir, '%03d.txt' % i)
    open(p, 'w', encoding='utf-8').write(d + '\n')
    print(p)
PY
  "$bin" parse --input-format text $(cat "$tmp/docs.list") > "$tmp/sys.conllu"
  check "parse of rebuilt text exits 0" test $? -eq 0
  "$bin" eval ud --json "$tmp/gold.conllu" > "$tmp/ours.json"
  check "eval ud exits 0" test $? -eq 0
  python3 "$shared/scorers/ud_eval.py" "$tmp/gold.conllu" "$tmp/sys.conllu" --json > "$tmp/ref.json"
  python3 - "$tmp/ours.json" "$tmp/ref.json" <<'PY' || { echo "FAIL: eval ud differs from ud_eval.py"; failures=$((failures + 1)); }
import json, sys
ours, ref = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for k in ['upos', 'xpos', 'lemma', 'uas', 'las', 'tokens_f1', 'sentences_f1', 'words_f1']:
    assert abs(ours[k] - ref[k]) < 0.011, (k, ours[k], ref[k])
assert ours['las'] > 60, ours
PY
  pass=$((pass + 1))
else
  echo "skipping the reference-scorer check: no $gold or scorers (set HEARSAY_SHARED)"
fi

# `train clusters`: the same text gives the same class file, from plain
# text and from CoNLL-U alike.
check "train clusters --help" "$bin" train clusters --help >/dev/null
for i in 1 2 3 4 5 6; do
  printf 'The cat sat on the mat. A dog sat on a rug. The cow ate the hay.\n\n'
done > "$tmp/classes.txt"
"$bin" train clusters --text "$tmp/classes.txt" "$tmp/a.conllu" --classes 6,2 \
  -o "$tmp/c1.tsv" > /dev/null 2> "$tmp/c.err"; code=$?
check "train clusters exits 0 (got $code: $(head -c 300 "$tmp/c.err"))" test "$code" -eq 0
"$bin" train clusters --text "$tmp/classes.txt" "$tmp/a.conllu" --classes 6,2 \
  -o "$tmp/c2.tsv" > /dev/null 2>&1
check "train clusters is deterministic" cmp -s "$tmp/c1.tsv" "$tmp/c2.tsv"
check "class file header" grep -qP '^# hearsay word classes\t6\t2$' "$tmp/c1.tsv"
check "class file has the words" grep -qP '^sat\t12\t\d+\t\d+$' "$tmp/c1.tsv"
"$bin" train clusters --text "$tmp/classes.txt" --classes 2,4 -o "$tmp/c3.tsv" \
  > /dev/null 2>&1; code=$?
check "coarser level with more classes is refused (got $code)" test "$code" -ne 0

echo "$pass passed, $failures failed"
[ "$failures" -eq 0 ]
