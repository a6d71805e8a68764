#!/bin/sh
# A standby of the primary $PRIMARY_HOST, from the official postgres image: on first start it
# copies the primary with pg_basebackup -R (which makes it a standby streaming from it), then it
# runs as the image always does. $STANDBY_NAME is its cluster_name, the name the primary's
# synchronous_standby_names may list.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until gosu postgres env PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup \
    -h "$PRIMARY_HOST" -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream --checkpoint=fast; do
    echo "waiting for $PRIMARY_HOST to take a base backup"
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  # The copy has the primary's ALTER SYSTEM settings: without its synchronous_standby_names, the
  # standby, once promoted, waits for no standby of its own (it cannot be its own standby).
  gosu postgres sed -i '/^synchronous_standby_names/d' "$PGDATA/postgresql.auto.conf"
fi
exec docker-entrypoint.sh postgres -c cluster_name="$STANDBY_NAME" -c hot_standby=on
