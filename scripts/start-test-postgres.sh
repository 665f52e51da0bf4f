#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and prints the line to export.
# Usage: eval "$(scripts/start-test-postgres.sh)"   (stop it with: scripts/start-test-postgres.sh stop)
# Needs Debian's postgresql package. Runs the server as the 'postgres' user; data lives under /tmp.
set -euo pipefail
port=${HOTPAPERS_TEST_PG_PORT:-54329}
data=/tmp/hotpapers-test-pg
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

if [[ "${1:-}" == "stop" ]]; then
  su postgres -c "$bin/pg_ctl -D $data -m immediate stop" >/dev/null 2>&1 || true
  exit 0
fi

su postgres -c "$bin/pg_ctl -D $data -m immediate stop" >/dev/null 2>&1 || true
rm -rf "$data" && mkdir -p "$data" && chown postgres:postgres "$data"
# C locale: byte-order text comparison, the same on every machine.
su postgres -c "$bin/initdb -D $data -A trust -U postgres --locale=C -E UTF8" >/dev/null
su postgres -c "$bin/pg_ctl -D $data -l $data/server.log -w -o '-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200' start" >/dev/null
echo "export HOTPAPERS_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
