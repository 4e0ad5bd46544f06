using AdminPortal.Data;
using AdminPortal.Data.SqlServer;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.Import;
using AdminPortal.Features.Import.Kinds;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Metrics;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AdminPortal.Tests.Data.SqlServer;

/// <summary>
/// No SQL Server runs here: its SQL is parsed instead, as SQL Server 2022 would (ScriptDom), the whole migration script
/// and the portal's own SQL Server statements. A syntax error fails the test; what runs against a server is not checked.
/// </summary>
public class SqlServerSyntaxTests
{
    // Building the model and the script needs no connection: none is opened.
    private static SqlServerPortalDbContext Context() =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlServer("Server=nowhere;Database=portal").Options);

    private static IList<ParseError> Errors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private static string Describe(IList<ParseError> errors) =>
        string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"));

    /// <summary>Parameters in the places the statement's values take, as EF sends them.</summary>
    private static string WithParameters(FormattableString sql) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, sql.GetArguments().Select((_, i) => (object)$"@p{i}").ToArray());

    [Fact]
    public void TheMigrationScriptFromAnEmptyDatabaseParses()
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
        var errors = Errors(script);
        Assert.True(errors.Count == 0, Describe(errors));
    }

    public static TheoryData<string, string> PortalStatements()
    {
        using var db = Context();
        var (insert, insertBodies) = OutboxWriter.Statements(db);
        var data = new TheoryData<string, string>
        {
            { "outbox insert", insert },
            { "outbox bodies", insertBodies },
            { "outbox sent mark", OutboxMarks.MarkSentSql },
            { "schedule recompute", WithParameters(ScheduleRecompute.SqlServer(1, 30, DateTime.UtcNow, null, DateTime.UtcNow)) },
            { "catalog sync update", string.Format(System.Globalization.CultureInfo.InvariantCulture, CatalogSyncJob.SqlServerUpdate, "@p0") },
            { "outbox claim's sent events", WithParameters(OutboxClaim.RecordSentEventsSql(Guid.NewGuid())) },
            { "schedule batch read", BulkScheduleWriter.ReadBatchSql(sqlServer: true) },
            { "metrics day delete", DailyMetricsWriter.DeleteDaySql },
            { "metrics course insert", DailyMetricsWriter.InsertCourseSql },
            { "metrics site insert", DailyMetricsWriter.InsertSiteSql },
            { "statistics refresh", DatabaseMaintenanceJob.SqlServerStatistics },
        };
        foreach (var (sql, i) in DailyMetricsCalculator.Statements.Select((sql, i) => (sql, i)))
        {
            data.Add($"metrics count {i + 1}", sql);
        }
        foreach (var (name, upsert) in ImportUpserts)
        {
            data.Add($"import upsert: {name}", SqlServerUpserts.Of(upsert));
        }
        data.Add("import keys reset", ImportConnection.SqlServerKeys.Reset);
        data.Add("import keys add", ImportConnection.SqlServerKeys.Add);
        data.Add("import keys line", ImportConnection.SqlServerKeys.LineOf);
        foreach (var (name, sql) in SurveyCountQueries.SqlServerStatements)
        {
            data.Add($"survey count: {name}", sql);
        }
        return data;
    }

    private static readonly (string Name, string Sql)[] ImportUpserts =
    [
        ("courses", CourseImport.Upsert), ("course modes", CourseImport.ModeUpsert), ("learners", LearnerImport.Upsert),
        ("enrollments", EnrollmentImport.Upsert), ("sections", SectionImport.Upsert),
        .. Enum.GetValues<ProgressRecordType>().Select(type => ($"progress {type}", ProgressSql.Upsert(type))),
    ];

    [Fact]
    public void EveryImportUpsertBecomesAMerge()
    {
        Assert.All(ImportUpserts, upsert => Assert.StartsWith("MERGE ", SqlServerUpserts.Of(upsert.Sql)));
        Assert.Equal("""
            MERGE "CourseModes" WITH (HOLDLOCK) AS target
            USING (VALUES (@id, @slug, @expires)) AS excluded ("CourseId", "Slug", "ExpirationUtc")
            ON target."CourseId" = excluded."CourseId" AND target."Slug" = excluded."Slug"
            WHEN MATCHED AND (target."ExpirationUtc" IS DISTINCT FROM excluded."ExpirationUtc") THEN UPDATE SET "ExpirationUtc" = excluded."ExpirationUtc"
            WHEN NOT MATCHED THEN INSERT ("CourseId", "Slug", "ExpirationUtc") VALUES (excluded."CourseId", excluded."Slug", excluded."ExpirationUtc");
            """, SqlServerUpserts.Of(CourseImport.ModeUpsert));
        Assert.Equal("SELECT 1", SqlServerUpserts.Of("SELECT 1"));
    }

    [Theory]
    [MemberData(nameof(PortalStatements))]
    public void EachSqlServerStatementOfThePortalParses(string name, string sql)
    {
        var errors = Errors(sql);

        Assert.True(errors.Count == 0, $"{name}: {Describe(errors)}");
    }

    /// <summary>
    /// What parsing cannot see and SQL Server refuses when the migration runs: a key or an index on a column whose type
    /// cannot be a key (the (max) types, text, ntext, image, xml), as a type set for another provider would give. (A key
    /// wider than 900 or 1,700 bytes only draws a warning: ASP.NET Identity's own keys are.)
    /// </summary>
    [Fact]
    public void NoKeyOrIndexIsOnAColumnTypeSqlServerCannotIndex()
    {
        using var db = Context();
        var refused = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var keys = entity.GetKeys().Select(k => (Name: k.GetName(table), k.Properties))
                .Concat(entity.GetIndexes().Select(i => (Name: i.GetDatabaseName(table), i.Properties)));
            foreach (var (name, properties) in keys)
            {
                var types = properties.Select(p => p.GetColumnType(table)).ToList();
                if (types.Any(CannotBeAKey))
                {
                    refused.Add($"{name} ({string.Join(", ", types)})");
                }
            }
        }

        Assert.True(refused.Count == 0, string.Join("\n", refused));
        Assert.True(CannotBeAKey("nvarchar(max)") && CannotBeAKey("TEXT") && !CannotBeAKey("nvarchar(450)"));
    }

    private static bool CannotBeAKey(string type) =>
        type.EndsWith("(max)", StringComparison.OrdinalIgnoreCase) || type.ToLowerInvariant() is "text" or "ntext" or "image" or "xml";

    [Fact]
    public void ASyntaxErrorIsFound()
    {
        Assert.NotEmpty(Errors("UPDATE Courses SET WHERE Id = 1"));
        Assert.NotEmpty(Errors("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING"));
    }
}
