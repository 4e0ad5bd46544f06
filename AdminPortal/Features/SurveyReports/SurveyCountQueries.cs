using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// The five counts, each one SQL aggregate. The statements live in SurveyCounts.sql (.PostgreSql.sql, .SqlServer.sql), which
/// the sqlite3 shell (psql) can run on the same database for comparison (README, "Measured"); <c>now</c> and
/// <c>active_since</c> are their parameters.
/// </summary>
public sealed class SurveyCountQueries(PortalDatabase database)
{
    public static IReadOnlyList<(string Name, string Sql)> Statements { get; } = Load("SurveyCounts.sql");

    /// <summary>psql's variables (:'now') become the parameters Npgsql binds (@now).</summary>
    public static IReadOnlyList<(string Name, string Sql)> PostgreSqlStatements { get; } =
        Load("SurveyCounts.PostgreSql.sql").Select(s => (s.Name, s.Sql.Replace(":'now'", "@now").Replace(":'active_since'", "@active_since"))).ToList();

    public static IReadOnlyList<(string Name, string Sql)> SqlServerStatements { get; } = Load("SurveyCounts.SqlServer.sql");

    /// <param name="progress">Told before each count: its name, and its position of five.</param>
    public async Task<SurveyCounts> CountAsync(DateTime nowUtc, Func<string, int, Task> progress, CancellationToken cancellationToken)
    {
        var sqlite = database.IsSqlite;
        var statements = database.Provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSqlStatements,
            DatabaseProvider.SqlServer => SqlServerStatements,
            _ => Statements,
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = new long[statements.Count];
        for (var i = 0; i < statements.Count; i++)
        {
            await progress(statements[i].Name, i + 1);
            await using var command = connection.CreateCommand();
            command.CommandText = statements[i].Sql;
            command.AddParameter(sqlite ? "$now" : "@now", database.TimeAsStored(nowUtc));
            command.AddParameter(sqlite ? "$active_since" : "@active_since", database.TimeAsStored(SurveyRules.ActiveSince(nowUtc)));
            counts[i] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        return new SurveyCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    // The file holds "-- count: name" lines, each followed by its statement ending in ';'.
    private static List<(string Name, string Sql)> Load(string file)
    {
        using var stream = typeof(SurveyCountQueries).Assembly.GetManifestResourceStream($"AdminPortal.Features.SurveyReports.{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded in the portal.");
        using var reader = new StreamReader(stream);
        var statements = new List<(string, string)>();
        foreach (var block in reader.ReadToEnd().Split("-- count: ", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var lines = block.Split('\n', 2);
            statements.Add((lines[0].Trim(), lines[1].Trim()));
        }
        return statements.Count == 5 ? statements : throw new InvalidOperationException($"{file} has {statements.Count} counts, not 5.");
    }
}
