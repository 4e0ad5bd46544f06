#!/usr/bin/env bash
# The one test command: installs what a fresh Debian machine lacks, builds once, then runs every test of the solution on
# SQLite, and the database tests again on a throw-away PostgreSQL cluster (scripts/test-postgres.sh). Arguments go to
# both dotnet test runs (--logger trx, say).
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

dotnet tool restore
# axe-core for the accessibility scan of every page, from npm at the version package-lock.json pins.
[ -f tools/browser/node_modules/axe-core/axe.min.js ] || npm ci --prefix tools/browser --no-audit --no-fund --silent
dotnet build Portal.sln -nologo -v quiet

echo "== Every test, on SQLite =="
sqlite=0
dotnet test Portal.sln --no-build "$@" || sqlite=$?
echo "== The database tests, on PostgreSQL =="
postgres=0
./scripts/test-postgres.sh --no-build "$@" || postgres=$?
[ "$sqlite" -eq 0 ] && [ "$postgres" -eq 0 ] || { echo "Failed: SQLite pass exit $sqlite, PostgreSQL pass exit $postgres."; exit 1; }
