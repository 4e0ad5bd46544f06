#!/usr/bin/env bash
# The benchmarks the issues budget, on throw-away databases: seeding, learner search at 10,000 and 1,000,000 learners,
# a 100,000-row CSV import, schedule recompute at 100,000 enrollments and the Schedules page at 2,000,000 schedules,
# one daily messaging run over 1,000,000 schedules, a course reset of 20,000 block states, and a survey report over
# 1,000,000 learners compared with the same SQL in the sqlite3 shell, a catalog sync of 10,000 course runs,
# daily metrics (one day and a 30-day backfill) over 1,000,000 learners, and the time of a failed sign-in by its reason.
# Usage: scripts/bench.sh [all|learner-search|import|schedules|schedule-recompute|schedules-page|messaging|course-reset|survey-report|catalog-sync|metrics|sign-in]   (takes several minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project AdminPortal.Benchmarks -c Release -- "${1:-all}"
