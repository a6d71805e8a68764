#!/bin/sh
# Names the standby whose copy of each commit the primary $PRIMARY_HOST waits for
# (synchronous_standby_names), or with no argument names none, so that commits wait for no
# standby: ALTER SYSTEM, which lasts across restarts, then a reload, which applies it at once and
# releases any commit waiting for a standby no longer named. Run by the one-shot services of
# docker-compose.yml: db-async in every profile, then db-sync in the ha profile once the standby
# is up. Waits for the primary to accept connections over the network first.
set -e
export PGPASSWORD="$POSTGRES_PASSWORD"
tries=0
until pg_isready -q -h "$PRIMARY_HOST" -U "$POSTGRES_USER" -d "$POSTGRES_DB"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 120 ]; then
    echo "$PRIMARY_HOST did not accept connections within 2 minutes" >&2
    exit 1
  fi
  sleep 1
done
if [ -n "$1" ]; then
  setting="SET synchronous_standby_names = :'names'"
else
  setting="RESET synchronous_standby_names"
fi
# On standard input, where psql fills in :'names' as a quoted literal.
psql -h "$PRIMARY_HOST" -U "$POSTGRES_USER" -d "$POSTGRES_DB" -v ON_ERROR_STOP=1 -q \
  -v names="$1" <<SQL
ALTER SYSTEM $setting;
SELECT pg_reload_conf() \gset
SQL
