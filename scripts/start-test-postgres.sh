#!/bin/sh
# Install PostgreSQL from Debian's packages if needed, start a throw-away cluster on a private
# port and print the URL for SANXIANG_TEST_POSTGRES_URL. Used by .ci/run; needs root.
set -eu
PORT="${SANXIANG_TEST_PG_PORT:-54329}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=$(mktemp -d /tmp/sanxiang-pg.XXXXXX)
chown postgres:postgres "$DATA"
su postgres -s /bin/sh -c "$PGBIN/initdb -D $DATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
# fsync off: a test cluster that is thrown away after the run.
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $DATA -l $DATA/server.log -w start -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off'" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/sanxiang"
