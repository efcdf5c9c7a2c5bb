#!/usr/bin/env bash
# A throwaway PostgreSQL server for the ledger tests: initdb into DIR, listen
# on a unix socket in DIR only (no TCP port), trust authentication for the
# user "hearsay". As root, the server runs as the user "postgres" (or
# "nobody"), since PostgreSQL refuses to run as root.
#
# Usage: pg_server.sh start DIR   prints the URL of the server's "postgres"
#                                 database; exits 77 with the reason on
#                                 stderr when no server can be started here
#        pg_server.sh stop DIR    stops the server and removes DIR
#
# The server binaries are found in $HEARSAY_PG_BIN, else next to pg_ctl on
# the PATH, else in the newest /usr/lib/postgresql/*/bin (Debian's
# `postgresql` package).
set -euo pipefail
cmd="${1:-}"
dir="${2:-}"
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

skip() { echo "no PostgreSQL server: $*" >&2; exit 77; }

find_bin() {
  local d
  for d in "${HEARSAY_PG_BIN:-}" \
    "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")" \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

# Runs a command as the server's user.
as_server() {
  if [[ "$(id -u)" -ne 0 ]]; then
    "$@"
  else
    runuser -u "$server_user" -- "$@"
  fi
}

server_user="$(id -un)"
if [[ "$(id -u)" -eq 0 ]]; then
  command -v runuser >/dev/null || skip "running as root and runuser is missing"
  if id postgres >/dev/null 2>&1; then server_user=postgres; else server_user=nobody; fi
fi

case "$cmd" in
  start)
    bin=$(find_bin) || skip "initdb, pg_ctl and postgres not found (install Debian's postgresql package, or set HEARSAY_PG_BIN)"
    mkdir -p "$dir"
    [[ "$(id -u)" -ne 0 ]] || chown "$server_user" "$dir"
    as_server test -w "$dir" ||
      skip "user $server_user cannot write to $dir (choose a directory it can reach, e.g. under /tmp)"
    as_server "$bin/initdb" -D "$dir/data" -U hearsay --auth=trust -E UTF8 \
      --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
      skip "initdb failed: $(tail -3 "$dir/initdb.log")"
    # Durability is not what these tests check: fsync off keeps them fast.
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40" \
      start >/dev/null 2>&1 || skip "the server did not start: $(tail -3 "$dir/server.log" 2>/dev/null)"
    echo "postgresql:///postgres?host=$dir&user=hearsay"
    ;;
  stop)
    bin=$(find_bin) || true
    if [[ -n "${bin:-}" && -d "$dir/data" ]]; then
      as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
