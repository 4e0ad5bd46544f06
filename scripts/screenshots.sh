#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/screenshots/*.png) from the demo portal: starts it in Development on a
# fresh database in a temporary folder (demo accounts and data), takes the pictures in Chromium, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

port=5097
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

[ -f tools/browser/node_modules/playwright-core/package.json ] || npm ci --prefix tools/browser --no-audit --no-fund --silent
dotnet build AdminPortal -v quiet -nologo
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="Data Source=$data/portal.db" \
  dotnet run --project AdminPortal --no-build --no-launch-profile --urls "http://127.0.0.1:$port" >"$data/portal.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the portal did not start; its log:"; cat "$data/portal.log"; exit 1; }

# A month of daily metrics for the metrics page (the nightly job computes them; the demo has none yet).
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Portal="Data Source=$data/portal.db" \
  dotnet run --project AdminPortal --no-build --no-launch-profile -- metrics daily \
  --from "$(date -u -d '-30 days' +%F)" --to "$(date -u -d 'yesterday' +%F)" >/dev/null

mkdir -p docs/screenshots
node tools/browser/screenshots.mjs "http://127.0.0.1:$port" docs/screenshots
