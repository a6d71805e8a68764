#!/bin/sh
# Run once by the official image when it creates the database: lets standbys on other containers
# stream the WAL, with the same password as everyone else.
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
