#!/usr/bin/env bash
# Runs the load benchmark at 13,500 and 250,000 people on SQLite and PostgreSQL and prints Markdown rows.
# PostgreSQL runs with its default durability settings (fsync on) in a throwaway cluster.
#   bash bench/run.sh [sizes...]      e.g. bash bench/run.sh 13500
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(13500 250000)

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
tmp=$(mktemp -d /tmp/openprobation-bench-pg.XXXXXX)
as=(); if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$tmp"; as=(runuser -u postgres --); fi
port=; for p in $(seq 56432 56532); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { port=$p; break; }; done
(cd "$tmp" && "${as[@]}" "$bin/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null)
(cd "$tmp" && "${as[@]}" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c shared_buffers=512MB" start >/dev/null)
trap '(cd "$tmp" && "${as[@]}" "$bin/pg_ctl" -D "$tmp/data" -m fast -w stop) >/dev/null 2>&1; rm -rf "$tmp"' EXIT

dotnet build bench/OpenProbation.Bench -c Release -nologo -v quiet >/dev/null
echo "| database | people | measure | p50 (or time) | p95 | sample |"
echo "| --- | --- | --- | --- | --- | --- |"
for n in "${sizes[@]}"; do
  dotnet run -c Release --no-build --project bench/OpenProbation.Bench -- --people "$n" --provider Sqlite --requests 400
  dotnet run -c Release --no-build --project bench/OpenProbation.Bench -- --people "$n" --provider Postgres --requests 400 \
    --connection "Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
done
