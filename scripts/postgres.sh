#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (installing it first when it is missing) and print
# the DATABASE_URL to reach it. Listens on 127.0.0.1 only.
set -euo pipefail
PORT=${TIAKI_PG_PORT:-54329}
ROOT=${TIAKI_PG_DIR:-/tmp/tiaki-pg}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    echo "PostgreSQL is not installed and this is not root: install the 'postgresql' package" >&2
    exit 1
  fi
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if ! as_pg "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
  rm -rf "$ROOT"
  mkdir -p "$ROOT"
  [ "$(id -u)" = 0 ] && chown postgres "$ROOT"
  as_pg "$BIN/initdb" -D "$ROOT/data" -U postgres -A trust --no-sync >&2
  as_pg "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w \
    -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2
fi
echo "postgres://postgres@127.0.0.1:$PORT/tiaki"
