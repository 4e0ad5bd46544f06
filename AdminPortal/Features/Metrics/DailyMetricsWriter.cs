using AdminPortal.Data;
using Microsoft.Data.Sqlite;

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
        await using var connection = await database.OpenSqliteConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var day = metrics.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using (var delete = Command(connection, transaction, "DELETE FROM CourseDailyMetrics WHERE Day = $day; DELETE FROM SiteDailyMetrics WHERE Day = $day;"))
        {
            delete.Parameters.AddWithValue("$day", day);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        var errors = new List<CourseMetricError>();
        await using (var insert = Command(connection, transaction, """
            INSERT INTO CourseDailyMetrics (Day, CourseId, CourseKey, CourseName, SiteId, Site, Enrollments, ActiveLearners, Completions, AverageProgress, ComputedUtc)
            VALUES ($day, $course, $key, $name, $siteid, $site, $enrollments, $active, $completions, $progress, $computed)
            """))
        {
            foreach (var row in metrics.Courses)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$day", day);
                insert.Parameters.AddWithValue("$course", row.CourseId);
                insert.Parameters.AddWithValue("$key", row.CourseKey);
                insert.Parameters.AddWithValue("$name", row.CourseName);
                insert.Parameters.AddWithValue("$siteid", (object?)row.SiteId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$site", row.Site);
                insert.Parameters.AddWithValue("$enrollments", row.Enrollments);
                insert.Parameters.AddWithValue("$active", row.ActiveLearners);
                insert.Parameters.AddWithValue("$completions", row.Completions);
                insert.Parameters.AddWithValue("$progress", row.AverageProgress);
                insert.Parameters.AddWithValue("$computed", row.ComputedUtc);
                // A savepoint per course: whatever the failure, only that course's row is undone, the rest goes on.
                await transaction.SaveAsync("course", cancellationToken);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.ReleaseAsync("course", cancellationToken);
                }
                catch (SqliteException e)
                {
                    await transaction.RollbackAsync("course", cancellationToken);
                    errors.Add(new CourseMetricError(row.CourseId, e.Message));
                }
            }
        }
        await using (var insert = Command(connection, transaction, """
            INSERT INTO SiteDailyMetrics (Day, Site, ActiveLearners, TotalLearners, Courses, Enrollments, MonthlyActiveLearners, ComputedUtc)
            VALUES ($day, $site, $active, $learners, $courses, $enrollments, $monthly, $computed)
            """))
        {
            foreach (var row in metrics.Sites)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$day", day);
                insert.Parameters.AddWithValue("$site", row.Site);
                insert.Parameters.AddWithValue("$active", row.ActiveLearners);
                insert.Parameters.AddWithValue("$learners", row.TotalLearners);
                insert.Parameters.AddWithValue("$courses", row.Courses);
                insert.Parameters.AddWithValue("$enrollments", row.Enrollments);
                insert.Parameters.AddWithValue("$monthly", row.MonthlyActiveLearners);
                insert.Parameters.AddWithValue("$computed", row.ComputedUtc);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
