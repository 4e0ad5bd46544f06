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
    public async Task<IReadOnlyList<CourseMetricError>> ReplaceAsync(DayMetrics metrics, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var day = metrics.Day;
        await using (var delete = Command(connection, transaction, """
            DELETE FROM "CourseDailyMetrics" WHERE "Day" = @day; DELETE FROM "SiteDailyMetrics" WHERE "Day" = @day;
            """))
        {
            Set(delete, "@day", day);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var errors = new List<CourseMetricError>();
        await using (var insert = Command(connection, transaction, """
            INSERT INTO "CourseDailyMetrics" ("Day", "CourseId", "CourseKey", "CourseName", "SiteId", "Site", "Enrollments", "ActiveLearners",
                "Completions", "AverageProgress", "ComputedUtc")
            VALUES (@day, @course, @key, @name, @siteid, @site, @enrollments, @active, @completions, @progress, @computed)
            """))
        {
            foreach (var row in metrics.Courses)
            {
                insert.Parameters.Clear();
                Set(insert, "@day", day);
                Set(insert, "@course", row.CourseId);
                Set(insert, "@key", row.CourseKey);
                Set(insert, "@name", row.CourseName);
                Set(insert, "@siteid", (object?)row.SiteId ?? DBNull.Value);
                Set(insert, "@site", row.Site);
                Set(insert, "@enrollments", row.Enrollments);
                Set(insert, "@active", row.ActiveLearners);
                Set(insert, "@completions", row.Completions);
                Set(insert, "@progress", row.AverageProgress);
                Set(insert, "@computed", row.ComputedUtc);
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
        await using (var insert = Command(connection, transaction, """
            INSERT INTO "SiteDailyMetrics" ("Day", "Site", "ActiveLearners", "TotalLearners", "Courses", "Enrollments", "MonthlyActiveLearners", "ComputedUtc")
            VALUES (@day, @site, @active, @learners, @courses, @enrollments, @monthly, @computed)
            """))
        {
            foreach (var row in metrics.Sites)
            {
                insert.Parameters.Clear();
                Set(insert, "@day", day);
                Set(insert, "@site", row.Site);
                Set(insert, "@active", row.ActiveLearners);
                Set(insert, "@learners", row.TotalLearners);
                Set(insert, "@courses", row.Courses);
                Set(insert, "@enrollments", row.Enrollments);
                Set(insert, "@monthly", row.MonthlyActiveLearners);
                Set(insert, "@computed", row.ComputedUtc);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    private static void Set(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
        command.Parameters.Add(parameter);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
