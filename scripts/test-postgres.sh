#!/usr/bin/env bash
# The database tests again on PostgreSQL: installs Debian's postgresql when missing, starts a throw-away cluster of its
# own on 127.0.0.1 and a free port (not the system's service), runs every test class marked [RunsOnPostgreSql] (less
# its [SqliteOnly] tests) against it, and stops the cluster by its PID. Not yet part of scripts/test.sh: both passes
# together take about 6.5 minutes here, over the test command's 5 (README, "Tests on PostgreSQL").
set -euo pipefail
cd "$(dirname "$0")/.."

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(postgres_bin)" ]; then
  echo "Installing postgresql from Debian..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# Durability is off (fsync): the cluster is thrown away at the end.
pg_dir=$(mktemp -d /tmp/portal-tests-postgres.XXXXXX)
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  as_postgres=(runuser -u postgres --)
fi
pg_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_postgres[@]}" "$(postgres_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$(postgres_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start -o \
  "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
pg_pid=$(head -1 "$pg_dir/data/postmaster.pid")
stop_postgres() {
  kill -INT "$pg_pid" 2>/dev/null || true
  while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.2; done
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

PORTAL_TEST_PROVIDER=PostgreSql PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" \
  dotnet test AdminPortal.Tests --filter "PostgreSql=true&SqliteOnly!=true" "$@"
