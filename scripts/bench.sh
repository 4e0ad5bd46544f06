#!/usr/bin/env bash
# The benchmarks the issues budget, on throw-away databases: seeding, learner search at 10,000 and 1,000,000 learners,
# and a 100,000-row CSV import. Usage: scripts/bench.sh [all|learner-search|import]   (takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project AdminPortal.Benchmarks -c Release -- "${1:-all}"
