#!/usr/bin/env bash
# `make demo`: runs hearsay over the project's own sample news (samples/news,
# written for the project in every format the readers take) and shows what
# the pipeline sees.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/hearsay
samples=samples/news

echo "hearsay $($bin --version | awk '{print $2}') — demo on $samples"
echo
echo "Inputs:"
find "$samples" -type f ! -name '*.md' ! -name '*.py' | sort | sed 's/^/  /'
echo
echo "What the readers and the text pipeline see (hearsay segment --format text):"
echo
# Long sentences are cut for the screen; the JSON output has every span.
$bin segment "$samples" --format text | cut -c1-160
status=${PIPESTATUS[0]}
echo
echo "Per-document JSON (first record of hearsay segment):"
$bin segment "$samples" | head -n 1 | cut -c1-600
echo "..."
exit "$status"
