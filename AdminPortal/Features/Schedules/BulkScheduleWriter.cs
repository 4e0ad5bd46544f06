using System.Data.Common;
using AdminPortal.Data;
using AdminPortal.Domain.Schedules;

namespace AdminPortal.Features.Schedules;

public sealed record BulkScheduleResult(long Created, long Skipped, long HeldBack);

/// <summary>
/// Schedule decisions for many enrollments at once (a CSV import, demo data), in the caller's transaction: the same
/// rules as one enrollment, course facts loaded once, rows written a batch at a time through the provider's bulk path
/// (BulkTable).
/// </summary>
public static class BulkScheduleWriter
{
    private const int Batch = 10_000;

    /// <summary>
    /// The next batch of enrollments without a decision, after <c>@after</c> in id order. The subqueries repeat the bound:
    /// without it PostgreSQL's merge anti-join read the decisions' index from its start for every batch (373,489 entries
    /// for a batch of 10,000 at 530,000), so the seed's schedule step grew with the square of the enrollments.
    /// </summary>
    internal static string ReadBatchSql(bool sqlServer) => $"""
        SELECT e."Id", e."LearnerId", e."CourseId", e."CreatedUtc" FROM "Enrollments" e
        WHERE e."Id" > @after
          AND NOT EXISTS (SELECT 1 FROM "Schedules" s WHERE s."EnrollmentId" = e."Id" AND s."EnrollmentId" > @after)
          AND NOT EXISTS (SELECT 1 FROM "ScheduleSkips" k WHERE k."EnrollmentId" = e."Id" AND k."EnrollmentId" > @after)
        ORDER BY e."Id" {(sqlServer ? $"OFFSET 0 ROWS FETCH NEXT {Batch} ROWS ONLY" : $"LIMIT {Batch}")}
        """;

    /// <summary>Decides for every enrollment with an id above <paramref name="afterEnrollmentId"/> that has no decision yet.</summary>
    public static BulkScheduleResult Write(
        DbConnection connection, DbTransaction transaction, ScheduleFacts facts, IRandomSource random, long afterEnrollmentId, DateTime nowUtc)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = ReadBatchSql(sqlServer: connection is Microsoft.Data.SqlClient.SqlConnection);
        var after = read.AddParameter("@after", afterEnrollmentId);
        var schedule = new BulkTable("Schedules",
            "EnrollmentId", "LearnerId", "CourseId", "StartUtc", "UpgradeDeadlineUtc", "Experience", "IsActive", "CreatedUtc", "ModifiedUtc");
        var skip = new BulkTable("ScheduleSkips", "EnrollmentId", "CourseId", "Reason", "AtUtc");
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
                    schedule.Add(enrollmentId, learnerId, courseId, plan.StartUtc, plan.UpgradeDeadlineUtc, plan.Experience.ToString(), true, nowUtc, nowUtc);
                    created++;
                }
                else
                {
                    skip.Add(enrollmentId, courseId, decision.Skipped!.Value.ToString(), nowUtc);
                    skipped++;
                    heldBack += decision.Skipped == ScheduleSkipReason.HeldBack ? 1 : 0;
                }
            }
            schedule.WriteTo(connection, transaction);
            skip.WriteTo(connection, transaction);
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
}
