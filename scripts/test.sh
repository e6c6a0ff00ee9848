#!/usr/bin/env bash
# Runs every OpenProbation test: refreshes the front-end assets, builds the solution, starts a throwaway PostgreSQL
# server (unless OPENPROBATION_TEST_POSTGRES already names one), runs the tests against SQLite and PostgreSQL (the
# browser tests in Chromium: /usr/bin/chromium, or OPENPROBATION_CHROMIUM), and prints the closing line
# "N passed, N failed, N skipped". Extra arguments go to 'dotnet test' (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '==> %s\n' "$*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

can_apt() { [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; }

apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_postgres_binaries() {
  if [ -z "$(pg_bin)" ]; then
    if can_apt; then
      log "Installing the PostgreSQL server from Debian"
      apt_install postgresql
    else
      echo "PostgreSQL server binaries are missing: install the 'postgresql' package, or set OPENPROBATION_TEST_POSTGRES." >&2
      exit 1
    fi
  fi
}

# The browser tests drive Debian's Chromium (Playwright cannot download its own browsers here).
ensure_chromium() {
  local chromium=${OPENPROBATION_CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$chromium" ]; then
    if [ -z "${OPENPROBATION_CHROMIUM:-}" ] && can_apt; then
      log "Installing Chromium from Debian"
      apt_install chromium
    else
      echo "Chromium is missing at $chromium: install the 'chromium' package, or set OPENPROBATION_CHROMIUM to a Chromium binary." >&2
      exit 1
    fi
  fi
}

# The GOV.UK Frontend and MoJ Frontend files in wwwroot, from the pinned npm packages, before the build computes
# the static-asset manifest. They are committed, so without npm the committed copies are used.
refresh_frontend() {
  if command -v npm >/dev/null; then
    log "Refreshing front-end assets"
    bash scripts/frontend.sh
  else
    log "npm not found: using the committed front-end assets"
  fi
}

PG_TMP=
pg_start() {
  local bin port=
  bin=$(pg_bin)
  PG_TMP=$(mktemp -d /tmp/openprobation-pg.XXXXXX)
  for p in $(seq 55432 55532); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { port=$p; break; }; done
  local as=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_TMP"; as=(runuser -u postgres --); fi
  (cd "$PG_TMP" && "${as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_TMP/initdb.log")
  # fsync off: test data is thrown away; never use these settings for real data or benchmarks that claim durability.
  (cd "$PG_TMP" && "${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
     -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null)
  export OPENPROBATION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port"
}

pg_stop() {
  [ -n "$PG_TMP" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  (cd "$PG_TMP" && "${as[@]}" "$(pg_bin)/pg_ctl" -D "$PG_TMP/data" -m fast -w stop) >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
trap pg_stop EXIT

ensure_chromium
if [ -z "${OPENPROBATION_TEST_POSTGRES:-}" ]; then
  ensure_postgres_binaries
  pg_start
fi
refresh_frontend

log "Building"
dotnet build OpenProbation.slnx -c Release -nologo -v quiet

log "Testing against SQLite and PostgreSQL"
rm -rf "$root/TestResults"
rc=0
dotnet test OpenProbation.slnx --no-build -c Release --logger "trx" --results-directory "$root/TestResults" "$@" || rc=$?

# The plain closing line, summed over every test project's results.
shopt -s nullglob
files=("$root"/TestResults/*.trx)
if [ ${#files[@]} -eq 0 ]; then
  echo "0 passed, 1 failed, 0 skipped"
  echo "No test results were written." >&2
  exit 1
fi
for f in "${files[@]}"; do grep -o '<Counters [^>]*>' "$f"; done \
  | sed -E 's/.* total="([0-9]+)".* executed="([0-9]+)".* passed="([0-9]+)" failed="([0-9]+)".*/\1 \2 \3 \4/' \
  | awk '{t+=$1; p+=$3; f+=$4} END {printf "%d passed, %d failed, %d skipped\n", p, f, t-p-f}'
exit $rc
