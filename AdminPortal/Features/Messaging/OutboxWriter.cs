using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Writes a bin's messages in two statements, one transaction: the rows travel as one JSON parameter and the insert
/// skips every key already there (INSERT OR IGNORE, ON CONFLICT DO NOTHING), so a re-run, or two runs racing after a
/// restart, never queue a message twice; then the bodies of the rows that are new go to their own table.
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

    /// <summary>The JSON's fields are the table's columns: PostgreSQL reads each in its column's type.</summary>
    private static readonly string PostgreSqlInsert = $"""
        INSERT INTO "OutboxMessages" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))})
        SELECT {string.Join(", ", Columns.Select(c => $"\"{c}\""))} FROM json_populate_recordset(NULL::"OutboxMessages", @rows)
        ON CONFLICT ("Key") DO NOTHING
        """;

    private const string PostgreSqlInsertBodies = """
        INSERT INTO "OutboxBodies" ("MessageId", "HtmlBody", "TextBody")
        SELECT o."Id", j."HtmlBody", j."TextBody"
        FROM json_to_recordset(@rows) AS j("Key" text, "Uuid" uuid, "HtmlBody" text, "TextBody" text)
        JOIN "OutboxMessages" AS o ON o."Key" = j."Key"
        WHERE o."Uuid" = j."Uuid"
        """;

    /// <summary>
    /// The two statements on <paramref name="db"/>'s provider. On SQL Server OPENJSON reads each field in its column's type
    /// (from the model), and the key range stays locked until the transaction ends, so a racing run waits, then skips.
    /// </summary>
    internal static (string Insert, string InsertBodies) Statements(PortalDbContext db)
    {
        switch (db.Provider())
        {
            case DatabaseProvider.PostgreSql:
                return (PostgreSqlInsert, PostgreSqlInsertBodies);
            case DatabaseProvider.SqlServer:
                var messages = db.Model.FindEntityType(typeof(OutboxMessage))!;
                string Typed(string column) => $"[{column}] {messages.FindProperty(column)!.GetColumnType()} '$.{column}'";
                var columns = string.Join(", ", Columns.Select(c => $"[{c}]"));
                return ($"""
                    INSERT INTO [OutboxMessages] ({columns})
                    SELECT {columns} FROM OPENJSON(@rows) WITH ({string.Join(", ", Columns.Select(Typed))}) AS j
                    WHERE NOT EXISTS (SELECT 1 FROM [OutboxMessages] AS o WITH (UPDLOCK, HOLDLOCK) WHERE o.[Key] = j.[Key])
                    """, $"""
                    INSERT INTO [OutboxBodies] ([MessageId], [HtmlBody], [TextBody])
                    SELECT o.[Id], j.[HtmlBody], j.[TextBody]
                    FROM OPENJSON(@rows) WITH ({Typed("Key")}, {Typed("Uuid")}, [HtmlBody] nvarchar(max) '$.HtmlBody', [TextBody] nvarchar(max) '$.TextBody') AS j
                    JOIN [OutboxMessages] AS o ON o.[Key] = j.[Key]
                    WHERE o.[Uuid] = j.[Uuid]
                    """);
            default:
                return (Insert, InsertBodies);
        }
    }

    /// <summary>
    /// A bin's rows as the two statements take them: the rows without their bodies, and the bodies with the key and uuid
    /// that match them, so neither statement parses the other's half. Built off the database's thread while the previous
    /// bin is written.
    /// </summary>
    public sealed record Batch(int Count, string Rows, string Bodies);

    /// <summary>The JSON is read by the database, never by a browser: only what JSON itself needs is escaped, not HTML's characters.</summary>
    private static readonly JsonSerializerOptions DatabaseJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Batch Prepare(DatabaseProvider provider, IReadOnlyList<OutboxMessage> messages)
    {
        // Values in the text forms EF stores on SQLite (TEXT dates "yyyy-MM-dd HH:mm:ss", upper-case GUIDs, enum names);
        // the servers read the same, PostgreSQL with the times in ISO 8601 with their zone.
        Func<DateTime, string> time = provider == DatabaseProvider.PostgreSql ? IsoText : SqliteTimes.Text;
        var rows = messages.Select(m => new Dictionary<string, object?>
        {
            ["Key"] = m.Key, ["RunId"] = m.RunId, ["SiteId"] = m.SiteId, ["SiteDomain"] = m.SiteDomain, ["MessageName"] = m.MessageName,
            ["TargetDay"] = m.TargetDay.ToString("yyyy-MM-dd"), ["Week"] = m.Week, ["LearnerId"] = m.LearnerId, ["Username"] = m.Username,
            ["Recipient"] = m.Recipient, ["Language"] = m.Language, ["PrimaryCourseKey"] = m.PrimaryCourseKey,
            ["CourseKeys"] = JsonSerializer.Serialize(m.CourseKeys), ["CourseCount"] = m.CourseCount,
            ["Uuid"] = Text(m.Uuid), ["SendUuid"] = Text(m.SendUuid), ["Subject"] = m.Subject, ["State"] = m.State.ToString(), ["Attempts"] = m.Attempts,
            ["LastError"] = m.LastError, ["CreatedUtc"] = time(m.CreatedUtc), ["NextAttemptUtc"] = time(m.NextAttemptUtc),
            ["SentUtc"] = m.SentUtc is { } sent ? time(sent) : null,
        });
        var bodies = messages.Select(m => new Dictionary<string, object?>
        {
            ["Key"] = m.Key, ["Uuid"] = Text(m.Uuid), ["HtmlBody"] = m.HtmlBody, ["TextBody"] = m.TextBody,
        });
        return new Batch(messages.Count, JsonSerializer.Serialize(rows, DatabaseJson), JsonSerializer.Serialize(bodies, DatabaseJson));
    }

    /// <summary>Returns how many rows were new; the others were queued before.</summary>
    public static Task<int> InsertAsync(PortalDbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        InsertAsync(db, Prepare(db.Provider(), messages), cancellationToken);

    /// <inheritdoc cref="InsertAsync(PortalDbContext, IReadOnlyList{OutboxMessage}, CancellationToken)"/>
    public static async Task<int> InsertAsync(PortalDbContext db, Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var provider = db.Provider();
        var (insert, insertBodies) = Statements(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await db.Database.ExecuteSqlRawAsync(insert, [RowsParameter(provider, batch.Rows)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(insertBodies, [RowsParameter(provider, batch.Bodies)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static DbParameter RowsParameter(DatabaseProvider provider, string json) => provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlParameter("rows", NpgsqlDbType.Json) { Value = json },
        DatabaseProvider.SqlServer => new SqlParameter("@rows", System.Data.SqlDbType.NVarChar, -1) { Value = json },
        _ => new SqliteParameter("@rows", json),
    };

    private static string IsoText(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
