using AdminPortal.Data;
using AdminPortal.Data.SqlServer;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
        };
        foreach (var (name, sql) in SurveyCountQueries.SqlServerStatements)
        {
            data.Add($"survey count: {name}", sql);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PortalStatements))]
    public void EachSqlServerStatementOfThePortalParses(string name, string sql)
    {
        var errors = Errors(sql);

        Assert.True(errors.Count == 0, $"{name}: {Describe(errors)}");
    }

    [Fact]
    public void ASyntaxErrorIsFound()
    {
        Assert.NotEmpty(Errors("UPDATE Courses SET WHERE Id = 1"));
        Assert.NotEmpty(Errors("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING"));
    }
}
