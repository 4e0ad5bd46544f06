using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Writes a bin's messages and their bodies in one transaction, skipping every key already there (INSERT OR IGNORE, ON
/// CONFLICT DO NOTHING), so a re-run, or two runs racing after a restart, never queue a message twice. SQLite, in
/// process, runs two prepared statements for each row; the servers get the bin as two JSON documents, one statement each.
/// </summary>
public static class OutboxWriter
{
    private static readonly string[] Columns =
    [
        "Key", "RunId", "SiteId", "SiteDomain", "MessageName", "TargetDay", "Week", "LearnerId", "Username", "Recipient", "Language",
        "PrimaryCourseKey", "CourseKeys", "CourseCount", "Uuid", "SendUuid", "Subject", "State", "Attempts",
        "LastError", "CreatedUtc", "NextAttemptUtc", "SentUtc",
    ];

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
    /// The two statements on <paramref name="db"/>'s server. On SQL Server OPENJSON reads each field in its column's type
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
                throw new NotSupportedException("SQLite writes its rows through prepared statements (InsertPrepared).");
        }
    }

    /// <summary>
    /// A bin's rows as the writer takes them, built off the database's thread while the previous bin is written: on
    /// SQLite each row's values (its columns in <see cref="Columns"/>' order, then its two bodies); on the servers two
    /// JSON documents, the rows without their bodies and the bodies with the key and uuid that match them, so neither
    /// statement parses the other's half.
    /// </summary>
    public sealed record Batch(int Count, IReadOnlyList<object?[]>? Values, string? Rows, string? Bodies);

    public static Batch Prepare(DatabaseProvider provider, IReadOnlyList<OutboxMessage> messages)
    {
        // Values in the text forms EF stores on SQLite (TEXT dates "yyyy-MM-dd HH:mm:ss", upper-case GUIDs, enum names);
        // the servers read the same, PostgreSQL with the times in ISO 8601 with their zone.
        Func<DateTime, string> time = provider == DatabaseProvider.PostgreSql ? IsoText : SqliteTimes.Text;
        var values = messages.Select(m => ValuesOf(m, time)).ToList();
        return provider == DatabaseProvider.Sqlite
            ? new Batch(messages.Count, values, null, null)
            : new Batch(messages.Count, null, Json(values, RowFields), Json(values, BodyFields));
    }

    /// <summary>The rows' document: every column by its name.</summary>
    private static readonly (string Name, int At)[] RowFields = [.. Columns.Select((name, at) => (name, at))];

    /// <summary>The bodies' document: the key and uuid that match a body to its row, then the two bodies (after the columns in each row's values).</summary>
    private static readonly (string Name, int At)[] BodyFields =
        [("Key", Array.IndexOf(Columns, "Key")), ("Uuid", Array.IndexOf(Columns, "Uuid")), ("HtmlBody", Columns.Length), ("TextBody", Columns.Length + 1)];

    private static object?[] ValuesOf(OutboxMessage m, Func<DateTime, string> time) =>
    [
        m.Key, m.RunId, m.SiteId, m.SiteDomain, m.MessageName, m.TargetDay.ToString("yyyy-MM-dd"), m.Week, m.LearnerId, m.Username, m.Recipient,
        m.Language, m.PrimaryCourseKey, JsonSerializer.Serialize(m.CourseKeys), m.CourseCount, Text(m.Uuid), Text(m.SendUuid), m.Subject,
        m.State.ToString(), m.Attempts, m.LastError, time(m.CreatedUtc), time(m.NextAttemptUtc), m.SentUtc is { } sent ? time(sent) : null,
        m.HtmlBody, m.TextBody,
    ];

    /// <summary>
    /// The rows as one JSON array of objects of <paramref name="fields"/>. The database reads it, never a browser: only what
    /// JSON itself needs is escaped.
    /// </summary>
    private static string Json(List<object?[]> rows, (string Name, int At)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                foreach (var (name, at) in fields)
                {
                    switch (row[at])
                    {
                        case null:
                            json.WriteNull(name);
                            break;
                        case string text:
                            json.WriteString(name, text);
                            break;
                        case var number:
                            json.WriteNumber(name, Convert.ToInt64(number, CultureInfo.InvariantCulture));
                            break;
                    }
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = batch.Values is { } values
            ? InsertPrepared(db.Database.GetDbConnection(), transaction.GetDbTransaction(), values)
            : await InsertJsonAsync(db, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static async Task<int> InsertJsonAsync(PortalDbContext db, Batch batch, CancellationToken cancellationToken)
    {
        var provider = db.Provider();
        var (insert, insertBodies) = Statements(db);
        var written = await db.Database.ExecuteSqlRawAsync(insert, [RowsParameter(provider, batch.Rows!)], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(insertBodies, [RowsParameter(provider, batch.Bodies!)], cancellationToken);
        return written;
    }

    /// <summary>
    /// SQLite's bulk path, as the seed's: two statements prepared once per bin and run for each row in one transaction,
    /// in process, with no round trip to pay. A row queued before is skipped (its key), and keeps its own body.
    /// </summary>
    private static int InsertPrepared(DbConnection connection, DbTransaction transaction, IReadOnlyList<object?[]> rows)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT OR IGNORE INTO OutboxMessages ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
        var columns = Columns.Select((_, i) => insert.AddParameter($"@p{i}", null)).ToArray();
        using var body = connection.CreateCommand();
        body.CommandText = "INSERT INTO OutboxBodies (MessageId, HtmlBody, TextBody) VALUES (last_insert_rowid(), @html, @text)";
        var (html, text) = (body.AddParameter("@html", null), body.AddParameter("@text", null));
        (insert.Transaction, body.Transaction) = (transaction, transaction);
        insert.Prepare();
        body.Prepare();
        var written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Value = row[i] ?? DBNull.Value;
            }
            if (insert.ExecuteNonQuery() == 1)
            {
                (html.Value, text.Value) = (row[Columns.Length], row[Columns.Length + 1]);
                body.ExecuteNonQuery();
                written++;
            }
        }
        return written;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static DbParameter RowsParameter(DatabaseProvider provider, string json) => provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlParameter("rows", NpgsqlDbType.Json) { Value = json },
        _ => new SqlParameter("@rows", System.Data.SqlDbType.NVarChar, -1) { Value = json },
    };

    private static string IsoText(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
