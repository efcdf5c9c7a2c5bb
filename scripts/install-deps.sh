#!/usr/bin/env bash
# Installs the Debian 12 packages hearsay needs to build, test, fuzz and run
# its demo. Installs only what is missing; uses sudo when not root.
# Usage: scripts/install-deps.sh [--check]   (--check: list missing, install nothing)
set -euo pipefail

PACKAGES=(
  build-essential g++ cmake ninja-build pkg-config git python3
  clang libclang-rt-14-dev            # fuzz preset: libFuzzer + sanitizers
  libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libfmt-dev libsimdjson-dev libxxhash-dev
  libgumbo-dev libxml2-dev zlib1g-dev libutf8proc-dev libcld2-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql                # ledger: PostgreSQL backend and its tests' server
)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ "$p" == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ "${1:-}" == "--check" ]]; then
  printf 'missing: %s\n' "${missing[*]}"
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
