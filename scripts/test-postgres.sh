#!/usr/bin/env bash
# The PostgreSQL copies of the database tests alone (scripts/test.sh runs them with the rest): a throw-away cluster of its
# own (scripts/postgres-cluster.sh), every test class marked [RunsOnPostgreSql] (less its [SqliteOnly] tests) against it,
# the cluster stopped by its PID. Arguments go to dotnet test (--no-build, say).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres-cluster.sh

start_test_postgres_cluster
PORTAL_TEST_POSTGRES="$PG_SERVER" dotnet test AdminPortal.Tests --filter "FullyQualifiedName~OnPostgreSql" "$@"
