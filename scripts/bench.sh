#!/usr/bin/env bash
# The benchmarks the issues budget, on throw-away databases: seeding, learner search at 10,000 and 1,000,000 learners,
# a 100,000-row CSV import, schedule recompute at 100,000 enrollments and the Schedules page at 2,000,000 schedules,
# one daily messaging run over 1,000,000 schedules, a course reset of 20,000 block states, and a survey report over
# 1,000,000 learners compared with the same SQL in the sqlite3 shell, a catalog sync of 10,000 course runs,
# daily metrics (one day and a 30-day backfill) over 1,000,000 learners, and the time of a failed sign-in by its reason;
# on a server database only, two portal processes sending one site's queue at once (two-instance-delivery).
# Usage: [PORTAL_BENCH_PICKUP=/dev/shm] scripts/bench.sh [all|learner-search|import|schedules|schedule-recompute|schedules-page|messaging|course-reset|survey-report|catalog-sync|metrics|sign-in|two-instance-delivery] [postgres]
#   (takes several minutes). With "postgres", learner-search, messaging, course-reset, survey-report (compared with
#   psql) and two-instance-delivery run on a throw-away PostgreSQL cluster of their own (scripts/postgres-cluster.sh)
#   with its durability on and 1 GB of shared buffers. PORTAL_BENCH_PICKUP puts the .eml files (and the disk's floor)
#   in a folder of yours, such as tmpfs, to measure the delivery without this machine's disk.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${2:-}" = "postgres" ]; then
  source scripts/postgres-cluster.sh
  start_postgres_cluster -c shared_buffers=1GB
  export PORTAL_BENCH_POSTGRES="$PG_SERVER"
fi
dotnet run --project AdminPortal.Benchmarks -c Release -- "${1:-all}"
