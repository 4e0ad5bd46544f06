#!/usr/bin/env bash
# Cold start of the built portal on an empty database: from process start to the first 200 from /health.
# Usage: scripts/bench-startup.sh [runs] [environment]   (defaults: 5 runs, Production)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
environment=${2:-Production}
port=5077

dotnet build AdminPortal -c Release -v quiet -nologo >/dev/null
app=AdminPortal/bin/Release/net10.0/AdminPortal

times=()
for _ in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=$environment ConnectionStrings__Portal="Data Source=$data/portal.db" \
    Serilog__WriteTo__File__Args__path="$data/logs/portal-.log" "$app" --urls "http://127.0.0.1:$port" >"$data/out.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/out.log"; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "cold start to /health 200 ($environment, empty database, $runs runs): min $(echo "$sorted" | head -1) ms," \
  "median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms, max $(echo "$sorted" | tail -1) ms"
