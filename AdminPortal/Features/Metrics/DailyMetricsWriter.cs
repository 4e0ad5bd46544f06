using System.Data.Common;
using AdminPortal.Data;

namespace AdminPortal.Features.Metrics;

public sealed record CourseMetricError(int CourseId, string Error);

/// <summary>
/// Replaces a day's rows in one transaction: a re-run never duplicates. A course whose row cannot be written is
/// recorded and skipped; the other courses and the sites still complete.
/// </summary>
public sealed class DailyMetricsWriter(PortalDatabase database)
{
    internal const string DeleteDaySql = """
        DELETE FROM "CourseDailyMetrics" WHERE "Day" = @day; DELETE FROM "SiteDailyMetrics" WHERE "Day" = @day;
        """;

    internal const string InsertCourseSql = """
        INSERT INTO "CourseDailyMetrics" ("Day", "CourseId", "CourseKey", "CourseName", "SiteId", "Site", "Enrollments", "ActiveLearners",
            "Completions", "AverageProgress", "ComputedUtc")
        VALUES (@day, @course, @key, @name, @siteid, @site, @enrollments, @active, @completions, @progress, @computed)
        """;

    internal const string InsertSiteSql = """
        INSERT INTO "SiteDailyMetrics" ("Day", "Site", "ActiveLearners", "TotalLearners", "Courses", "Enrollments", "MonthlyActiveLearners", "ComputedUtc")
        VALUES (@day, @site, @active, @learners, @courses, @enrollments, @monthly, @computed)
        """;

    public async Task<IReadOnlyList<CourseMetricError>> ReplaceAsync(DayMetrics metrics, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var day = metrics.Day;
        await using (var delete = Command(connection, transaction, DeleteDaySql))
        {
            delete.AddParameter("@day", day);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var errors = new List<CourseMetricError>();
        await using (var insert = Command(connection, transaction, InsertCourseSql))
        {
            foreach (var row in metrics.Courses)
            {
                insert.Parameters.Clear();
                insert.AddParameter("@day", day);
                insert.AddParameter("@course", row.CourseId);
                insert.AddParameter("@key", row.CourseKey);
                insert.AddParameter("@name", row.CourseName);
                insert.AddParameter("@siteid", row.SiteId);
                insert.AddParameter("@site", row.Site);
                insert.AddParameter("@enrollments", row.Enrollments);
                insert.AddParameter("@active", row.ActiveLearners);
                insert.AddParameter("@completions", row.Completions);
                insert.AddParameter("@progress", row.AverageProgress);
                insert.AddParameter("@computed", row.ComputedUtc);
                // A savepoint per course: whatever the failure, only that course's row is undone, the rest goes on.
                await transaction.SaveAsync("course", cancellationToken);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.ReleaseAsync("course", cancellationToken);
                }
                catch (DbException e)
                {
                    await transaction.RollbackAsync("course", cancellationToken);
                    errors.Add(new CourseMetricError(row.CourseId, e.Message));
                }
            }
        }
        await using (var insert = Command(connection, transaction, InsertSiteSql))
        {
            foreach (var row in metrics.Sites)
            {
                insert.Parameters.Clear();
                insert.AddParameter("@day", day);
                insert.AddParameter("@site", row.Site);
                insert.AddParameter("@active", row.ActiveLearners);
                insert.AddParameter("@learners", row.TotalLearners);
                insert.AddParameter("@courses", row.Courses);
                insert.AddParameter("@enrollments", row.Enrollments);
                insert.AddParameter("@monthly", row.MonthlyActiveLearners);
                insert.AddParameter("@computed", row.ComputedUtc);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
