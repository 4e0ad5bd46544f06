using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Writes a bin's messages in two statements, one transaction: the rows travel as one JSON parameter and INSERT OR
/// IGNORE skips every key already there, so a re-run, or two runs racing after a restart, never queue a message twice;
/// then the bodies of the rows that are new go to their own table.
/// </summary>
public static class OutboxWriter
{
    private static readonly string[] Columns =
    [
        "Key", "RunId", "SiteId", "SiteDomain", "MessageName", "TargetDay", "Week", "LearnerId", "Username", "Recipient", "Language",
        "PrimaryCourseKey", "CourseKeys", "CourseCount", "Uuid", "SendUuid", "Subject", "State", "Attempts",
        "LastError", "CreatedUtc", "NextAttemptUtc", "SentUtc",
    ];

    private static readonly string Insert = $"""
        INSERT OR IGNORE INTO OutboxMessages ({string.Join(", ", Columns)})
        SELECT {string.Join(", ", Columns.Select(c => $"value ->> '$.{c}'"))} FROM json_each(@rows)
        """;

    /// <summary>A new row carries this insert's uuid; a row queued before keeps its own, and its body.</summary>
    private const string InsertBodies = """
        INSERT INTO OutboxBodies (MessageId, HtmlBody, TextBody)
        SELECT o.Id, j.value ->> '$.HtmlBody', j.value ->> '$.TextBody'
        FROM json_each(@rows) AS j JOIN OutboxMessages AS o ON o.Key = j.value ->> '$.Key'
        WHERE o.Uuid = j.value ->> '$.Uuid'
        """;

    /// <summary>Returns how many rows were new; the others were queued before.</summary>
    public static async Task<int> InsertAsync(PortalDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }
        // Values in the text forms EF stores (TEXT dates "yyyy-MM-dd HH:mm:ss", upper-case GUIDs, enum names).
        var rows = messages.Select(m => new Dictionary<string, object?>
        {
            ["Key"] = m.Key, ["RunId"] = m.RunId, ["SiteId"] = m.SiteId, ["SiteDomain"] = m.SiteDomain, ["MessageName"] = m.MessageName,
            ["TargetDay"] = m.TargetDay.ToString("yyyy-MM-dd"), ["Week"] = m.Week, ["LearnerId"] = m.LearnerId, ["Username"] = m.Username,
            ["Recipient"] = m.Recipient, ["Language"] = m.Language, ["PrimaryCourseKey"] = m.PrimaryCourseKey,
            ["CourseKeys"] = JsonSerializer.Serialize(m.CourseKeys), ["CourseCount"] = m.CourseCount,
            ["Uuid"] = m.Uuid.ToString().ToUpperInvariant(), ["SendUuid"] = m.SendUuid.ToString().ToUpperInvariant(), ["Subject"] = m.Subject,
            ["HtmlBody"] = m.HtmlBody, ["TextBody"] = m.TextBody, ["State"] = m.State.ToString(), ["Attempts"] = m.Attempts,
            ["LastError"] = m.LastError, ["CreatedUtc"] = SqliteText(m.CreatedUtc), ["NextAttemptUtc"] = SqliteText(m.NextAttemptUtc),
            ["SentUtc"] = m.SentUtc is { } sent ? SqliteText(sent) : null,
        });
        var json = JsonSerializer.Serialize(rows);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await db.Database.ExecuteSqlRawAsync(Insert, [new Microsoft.Data.Sqlite.SqliteParameter("@rows", json)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertBodies, [new Microsoft.Data.Sqlite.SqliteParameter("@rows", json)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public static string SqliteText(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
