# Sourced by the scripts that need PostgreSQL: installs Debian's postgresql when missing, starts a throw-away cluster
# of their own on 127.0.0.1 and a free port (not the system's service), and stops it by its PID when the script exits.
# After `start_postgres_cluster [server options...]`, PG_PORT holds the port and PG_SERVER a connection string without
# a database (trust authentication, user postgres).

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_postgres_cluster() {
  if [ -z "$(postgres_bin)" ]; then
    echo "Installing postgresql from Debian..."
    local sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/portal-postgres.XXXXXX")
  local as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    as_postgres=(runuser -u postgres --)
  fi
  PG_PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as_postgres[@]}" "$(postgres_bin)/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_postgres[@]}" "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 $*" >/dev/null
  PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
  PG_SERVER="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  trap stop_postgres_cluster EXIT
}

# The tests' cluster: durability off (fsync and the rest), since it is thrown away at the end.
start_test_postgres_cluster() {
  start_postgres_cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off
}

stop_postgres_cluster() {
  kill -INT "$PG_PID" 2>/dev/null || true
  while kill -0 "$PG_PID" 2>/dev/null; do sleep 0.2; done
  rm -rf "$PG_DIR"
}
