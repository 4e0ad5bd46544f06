using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// The five counts, each one SQL aggregate. The statements live in SurveyCounts.sql, which the sqlite3 shell can run on
/// the same file for comparison (README, "Measured"); <c>$now</c> and <c>$active_since</c> are their parameters.
/// </summary>
public sealed class SurveyCountQueries(PortalDatabase database)
{
    public static IReadOnlyList<(string Name, string Sql)> Statements { get; } = Load();

    /// <param name="progress">Told before each count: its name, and its position of five.</param>
    public async Task<SurveyCounts> CountAsync(DateTime nowUtc, Func<string, int, Task> progress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = new long[Statements.Count];
        for (var i = 0; i < Statements.Count; i++)
        {
            await progress(Statements[i].Name, i + 1);
            await using var command = connection.CreateCommand();
            command.CommandText = Statements[i].Sql;
            command.Parameters.AddWithValue("$now", SqliteTimes.Text(nowUtc));
            command.Parameters.AddWithValue("$active_since", SqliteTimes.Text(SurveyRules.ActiveSince(nowUtc)));
            counts[i] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        return new SurveyCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    // The file holds "-- name" lines, each followed by its statement ending in ';'.
    private static List<(string Name, string Sql)> Load()
    {
        using var stream = typeof(SurveyCountQueries).Assembly.GetManifestResourceStream("AdminPortal.Features.SurveyReports.SurveyCounts.sql")
            ?? throw new InvalidOperationException("SurveyCounts.sql is not embedded in the portal.");
        using var reader = new StreamReader(stream);
        var statements = new List<(string, string)>();
        foreach (var block in reader.ReadToEnd().Split("-- count: ", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var lines = block.Split('\n', 2);
            statements.Add((lines[0].Trim(), lines[1].Trim()));
        }
        return statements.Count == 5 ? statements : throw new InvalidOperationException($"SurveyCounts.sql has {statements.Count} counts, not 5.");
    }
}
