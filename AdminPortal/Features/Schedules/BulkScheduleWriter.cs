using AdminPortal.Domain.Schedules;
using System.Data.Common;

namespace AdminPortal.Features.Schedules;

public sealed record BulkScheduleResult(long Created, long Skipped, long HeldBack);

/// <summary>
/// Schedule decisions for many enrollments at once (a CSV import, demo data), in the caller's transaction: the same
/// rules as one enrollment, course facts loaded once, rows written through prepared statements.
/// </summary>
public static class BulkScheduleWriter
{
    private const int Batch = 10_000;

    /// <summary>Decides for every enrollment with an id above <paramref name="afterEnrollmentId"/> that has no decision yet.</summary>
    public static BulkScheduleResult Write(
        DbConnection connection, DbTransaction transaction, ScheduleFacts facts, IRandomSource random, long afterEnrollmentId, DateTime nowUtc)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"""
            SELECT e."Id", e."LearnerId", e."CourseId", e."CreatedUtc" FROM "Enrollments" e
            WHERE e."Id" > @after
              AND NOT EXISTS (SELECT 1 FROM "Schedules" s WHERE s."EnrollmentId" = e."Id")
              AND NOT EXISTS (SELECT 1 FROM "ScheduleSkips" k WHERE k."EnrollmentId" = e."Id")
            ORDER BY e."Id" {(connection is Microsoft.Data.SqlClient.SqlConnection ? $"OFFSET 0 ROWS FETCH NEXT {Batch} ROWS ONLY" : $"LIMIT {Batch}")}
            """;
        var after = read.CreateParameter();
        (after.ParameterName, after.Value) = ("@after", afterEnrollmentId);
        read.Parameters.Add(after);
        using var schedule = Prepare(connection, transaction, """
            INSERT INTO "Schedules" ("EnrollmentId", "LearnerId", "CourseId", "StartUtc", "UpgradeDeadlineUtc", "Experience", "IsActive", "CreatedUtc", "ModifiedUtc")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7)
            """, 8);
        using var skip = Prepare(connection, transaction,
            """INSERT INTO "ScheduleSkips" ("EnrollmentId", "CourseId", "Reason", "AtUtc") VALUES (@p0, @p1, @p2, @p3)""", 4);
        long created = 0, skipped = 0, heldBack = 0;
        // Read a batch, then write it: SQLite does not promise what a query sees of rows written while it runs, and a
        // PostgreSQL connection runs one command at a time.
        for (var batch = ReadBatch(read); batch.Count > 0; batch = ReadBatch(read))
        {
            foreach (var (enrollmentId, learnerId, courseId, createdUtc) in batch)
            {
                var (course, site) = facts.For(courseId);
                var decision = ScheduleRules.Decide(site, course, createdUtc, random);
                if (decision.Plan is { } plan)
                {
                    Run(schedule, enrollmentId, learnerId, courseId, plan.StartUtc, plan.UpgradeDeadlineUtc, plan.Experience.ToString(), true, nowUtc);
                    created++;
                }
                else
                {
                    Run(skip, enrollmentId, courseId, decision.Skipped!.Value.ToString(), nowUtc);
                    skipped++;
                    heldBack += decision.Skipped == ScheduleSkipReason.HeldBack ? 1 : 0;
                }
            }
            after.Value = batch[^1].EnrollmentId;
        }
        return new BulkScheduleResult(created, skipped, heldBack);
    }

    private static List<(int EnrollmentId, int LearnerId, int CourseId, DateTime CreatedUtc)> ReadBatch(DbCommand read)
    {
        var rows = new List<(int, int, int, DateTime)>(Batch);
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)));
        }
        return rows;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                var value => value,
            };
        }
        command.ExecuteNonQuery();
    }
}
