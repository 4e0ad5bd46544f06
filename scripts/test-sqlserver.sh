#!/usr/bin/env bash
# The database tests on a SQL Server of yours (none can run on the machines this portal is built on, so this script has
# never been run): every test class marked [RunsOnPostgreSql] (less its [SqliteOnly] tests), each on a database of its
# own created on that server and dropped afterwards. The account needs CREATE DATABASE.
# Usage: PORTAL_TEST_SQLSERVER="Server=host;User Id=sa;Password=...;TrustServerCertificate=true" scripts/test-sqlserver.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PORTAL_TEST_SQLSERVER:?Set PORTAL_TEST_SQLSERVER to a connection string without a database (Server=...;User Id=...;Password=...).}"
PORTAL_TEST_PROVIDER=SqlServer dotnet test AdminPortal.Tests --filter "PostgreSql=true&SqliteOnly!=true" "$@"
