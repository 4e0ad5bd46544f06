using System.Data.Common;
using AdminPortal.Data;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Data;

/// <summary>A bulk load leaves the schema as it found it, whether it completes or fails, and a row that breaks a key fails it.</summary>
[RunsOnPostgreSql]
public sealed class BulkLoadTests
{
    private static readonly string[] Tables = ["Learners", "Enrollments", "Schedules"];

    // Every index and foreign key of the tables, as the database describes them.
    private static async Task<List<string>> SchemaAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.IsPostgreSql
            ? """
              SELECT indexdef FROM pg_indexes WHERE tablename IN ('Learners', 'Enrollments', 'Schedules')
              UNION ALL
              SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE conrelid IN ('"Learners"'::regclass, '"Enrollments"'::regclass, '"Schedules"'::regclass)
              """
            : """
              SELECT sql FROM sqlite_master WHERE tbl_name IN ('Learners', 'Enrollments', 'Schedules') AND sql IS NOT NULL
              """;
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<string>();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }
        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static async Task<long> CountAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT count(*) FROM "{table}" """;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static void AddLearner(BulkTable learners, int id) =>
        learners.Add(id, $"learner{id}", $"learner{id}@example.org", "Learner", true, false, false, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, "en");

    private static BulkTable Learners() =>
        new("Learners", "Id", "Username", "Email", "Name", "IsActive", "IsStaff", "IsSuperuser", "JoinedUtc", "LastLoginUtc", "Language");

    [Fact]
    public async Task ACompletedLoadKeepsItsRowsAndLeavesTheIndexesAndKeysAsTheyWereAndPostgreSqlsTablesAnalyzed()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var connection = await portal.Get<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        var before = await SchemaAsync(connection);
        Assert.Contains(before, definition => definition.Contains("FOREIGN KEY", StringComparison.Ordinal) || definition.Contains("REFERENCES", StringComparison.Ordinal));

        using (var load = BulkLoad.Begin(connection, Tables))
        {
            var learners = Learners();
            AddLearner(learners, 1);
            AddLearner(learners, 2);
            learners.WriteTo(connection, load.Transaction);
            load.Checkpoint();
            AddLearner(learners, 3);
            learners.WriteTo(connection, load.Transaction);
            load.Complete();
        }

        Assert.Equal(3, await CountAsync(connection, "Learners"));
        Assert.Equal(before, await SchemaAsync(connection));
        if (TestDatabase.IsPostgreSql)
        {
            await using var analyzed = connection.CreateCommand();
            analyzed.CommandText = """SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'Schedules'""";
            Assert.True((bool)(await analyzed.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task ARowThatBreaksAKeyFailsTheLoadAndLeavesTheSchemaAsItWas()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var connection = await portal.Get<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        var before = await SchemaAsync(connection);

        var failed = await Record.ExceptionAsync(() => Task.Run(() =>
        {
            using var load = BulkLoad.Begin(connection, Tables);
            var learners = Learners();
            AddLearner(learners, 1);
            learners.WriteTo(connection, load.Transaction);
            // Course 999 and learner 404 do not exist. SQLite refuses the row at once; PostgreSQL, which checks its keys
            // when it makes them again at the end, refuses the load there.
            var enrollments = new BulkTable("Enrollments", "LearnerId", "CourseId", "Mode", "IsActive", "CreatedUtc");
            enrollments.Add(404, 999, "audit", true, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            enrollments.WriteTo(connection, load.Transaction);
            load.Complete();
        }));

        Assert.IsAssignableFrom<DbException>(failed);
        Assert.Equal(0, await CountAsync(connection, "Learners"));
        Assert.Equal(0, await CountAsync(connection, "Enrollments"));
        Assert.Equal(before, await SchemaAsync(connection));
    }

    private static async Task<string> IndexesOfLearnersAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = TestDatabase.IsPostgreSql
            ? "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'Learners'"
            : "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Learners' ORDER BY name)";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task OnlyPostgreSqlLoadsWithoutTheNonUniqueIndexesAndTheKeys()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var connection = await portal.Get<PortalDatabase>().OpenConnectionAsync(CancellationToken.None);
        var before = await IndexesOfLearnersAsync(connection, null);

        using var load = BulkLoad.Begin(connection, Tables);
        var during = await IndexesOfLearnersAsync(connection, load.Transaction);

        Assert.Contains("IX_Learners_JoinedUtc", before, StringComparison.Ordinal);
        Assert.Equal(TestDatabase.IsPostgreSql ? "IX_Learners_Email IX_Learners_Username PK_Learners" : before, during);
    }
}
