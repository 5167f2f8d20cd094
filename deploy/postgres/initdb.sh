#!/bin/sh
# Run once by the postgres image on an empty data directory (compose.yaml mounts it into
# /docker-entrypoint-initdb.d). One role and one database per service, each database
# closed to the others: no service can read another's tables.
set -eu
for service in identity enrollment exams finance requests tracking; do
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
         --set service="$service" --set password="$CAMPUS_DB_PASSWORD" <<'SQL'
CREATE ROLE :"service" LOGIN PASSWORD :'password';
CREATE DATABASE :"service" OWNER :"service";
REVOKE ALL ON DATABASE :"service" FROM PUBLIC;
SQL
done
