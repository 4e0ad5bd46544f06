using AdminPortal.Data;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

/// <summary>Schedule work that bulk writers (CSV import, demo data) run inside their own transaction.</summary>
public sealed class BulkSchedules(
    IDbContextFactory<PortalDbContext> contexts,
    ConfigStore configs,
    ScheduleRecompute recompute,
    IRandomSource random,
    TimeProvider clock)
{
    /// <summary>Gives every enrollment above <paramref name="afterEnrollmentId"/> without a decision its schedule or skip.</summary>
    public async Task<BulkScheduleResult> DecideNewAsync(
        DbConnection connection, DbTransaction transaction, long afterEnrollmentId, CancellationToken cancellationToken,
        IRandomSource? draws = null)
    {
        await using var db = await BoundContextAsync(connection, transaction, cancellationToken);
        var facts = await ScheduleFacts.LoadAsync(db, configs, null, cancellationToken);
        return BulkScheduleWriter.Write(connection, transaction, facts, draws ?? random, afterEnrollmentId, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<int> RecomputeAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken)
    {
        await using var db = await BoundContextAsync(connection, transaction, cancellationToken);
        var changed = 0;
        foreach (var courseId in courseIds)
        {
            changed += await recompute.ForCourseAsync(db, courseId, cancellationToken);
        }
        return changed;
    }

    public static async Task<long> MaxEnrollmentIdAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(\"Id\"), 0) FROM \"Enrollments\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An EF context on the writer's connection and transaction, so it sees what they have not committed yet.</summary>
    private async Task<PortalDbContext> BoundContextAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return db;
    }
}
