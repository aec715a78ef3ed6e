#!/bin/sh
# Run the whole suite on SQLite, then on PostgreSQL when one is configured. Both must pass.
set -eu
BIN=.venv/bin
PG_URL="${SANXIANG_TEST_POSTGRES_URL:-}"
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*) PG_URL="${PG_URL:-$DATABASE_URL}" ;;
esac

echo "== test suite on SQLite"
env -u DATABASE_URL "$BIN/pytest" -n 2 -q -p no:cacheprovider "$@"

if [ -n "$PG_URL" ]; then
  echo "== test suite on PostgreSQL"
  DATABASE_URL="$PG_URL" "$BIN/pytest" -n 2 -q -p no:cacheprovider "$@"
else
  echo "== PostgreSQL run skipped: set SANXIANG_TEST_POSTGRES_URL (see scripts/start-test-postgres.sh)"
fi
