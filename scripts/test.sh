#!/usr/bin/env bash
# The one test command: installs what a fresh Debian machine lacks, then runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v npm >/dev/null || missing+=(npm)
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
dotnet test Portal.sln "$@"
