#!/usr/bin/env bash
# The one test command: installs what a fresh Debian machine lacks, builds once, then runs every test of the solution on
# SQLite and the database tests again on a throw-away PostgreSQL cluster, in one dotnet test run. Arguments go to it
# (--logger trx, say; --filter FullyQualifiedName~OnPostgreSql for the PostgreSQL copies alone).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v npm >/dev/null || missing+=(npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The build's compilers and the tests' hundreds of hosts and processes are short-lived, and much of their time goes to
# JIT compiling: without the runtime's profile-guided tier (it instruments hot methods first, which pays off only in a
# long-running process such as the portal itself) a clean build took 92 s (153 CPU-seconds of the machine) against
# 103 s (183), and the SQLite pass 201 and 211 s (380 CPU-seconds) against 226 and 240 s (458), run alternately here.
export DOTNET_TieredPGO=0

# Every test's files (SQLite databases, .eml folders, browser profiles, the throw-away PostgreSQL clusters) go to a folder
# on tmpfs when it has room: creating a file on this machine's disk costs up to a millisecond of CPU, and copying the
# migrated template into each test's PostgreSQL database took 0.58 CPU-seconds there against 0.03 on tmpfs.
# PORTAL_TESTS_ON_DISK=1 keeps them under the usual temp folder.
own_tmp=""
if [ -z "${PORTAL_TESTS_ON_DISK:-}" ] && [ "$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -ge 4194304 ] 2>/dev/null; then
  TMPDIR=$(mktemp -d /dev/shm/portal-tests.XXXXXX)
  chmod 1777 "$TMPDIR"  # as /tmp: the clusters' server runs as the postgres user
  export TMPDIR
  own_tmp=$TMPDIR
  trap 'rm -rf "$own_tmp"' EXIT
fi

dotnet tool restore
# axe-core for the accessibility scan of every page, from npm at the version package-lock.json pins.
[ -f tools/browser/node_modules/axe-core/axe.min.js ] || npm ci --prefix tools/browser --no-audit --no-fund --silent
dotnet build Portal.sln -nologo -v quiet

# The test hosts (and the portal processes tests start) recompile a method with full optimization once it has been
# called 5,000 times rather than 30: most of a test run's code runs a few hundred times at most, and recompiling it took
# about 35 of the SQLite pass's CPU-seconds. The SQLite pass took 311 CPU-seconds (180 s) against 347 and 350 (187 and
# 189 s). The build keeps the default: it gained nothing from it (75 s with 5,000, 71 s without).
export DOTNET_TC_CallCountThreshold=5000

# One test host runs every test on SQLite and, beside them, a PostgreSQL copy of each database test class on a throw-away
# cluster (AdminPortal.Tests/Support/PostgreSqlCopies.cs): a second host would compile the portal's code again.
source scripts/postgres-cluster.sh
start_test_postgres_cluster
trap 'stop_postgres_cluster; rm -rf "$own_tmp"' EXIT
echo "== Every test on SQLite, the database tests again on PostgreSQL =="
PORTAL_TEST_POSTGRES="$PG_SERVER" dotnet test Portal.sln --no-build "$@"
