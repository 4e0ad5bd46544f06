using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Tests.Data;

/// <summary>A database of the release before: its runs' starters become data and its outbox keeps every message, bodies included.</summary>
public sealed class ExactlyOnceDeliveryMigrationTests
{
    [Fact]
    public async Task QueuedMessagesKeepTheirBodiesInTheirNewTable()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ProcessOwners");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO OutboxMessages (Key, RunId, SiteId, SiteDomain, MessageName, TargetDay, LearnerId, Username, Recipient, Language, PrimaryCourseKey,
                CourseKeys, CourseCount, Uuid, SendUuid, Subject, HtmlBody, TextBody, State, Attempts, CreatedUtc, NextAttemptUtc)
            VALUES ('1|upgradereminder|7|2026-12-03', 1, 1, 'learn.example.org', 'upgradereminder', '2026-12-03', 7, 'ada', 'ada@example.org', 'en',
                'course-v1:MITx+6.00x+2026_T1', '["course-v1:MITx+6.00x+2026_T1"]', 1, '6F9619FF-8B86-D011-B42D-00C04FC964FF',
                '6F9619FF-8B86-D011-B42D-00C04FC964FE', 'Only two days left', '<p>Upgrade</p>', 'Upgrade', 'Queued', 0, '2026-12-01 08:15:00',
                '2026-12-01 08:15:00')
            """);

        await migrator.MigrateAsync();

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(("<p>Upgrade</p>", "Upgrade", AdminPortal.Domain.Messaging.OutboxState.Queued, null), (message.HtmlBody, message.TextBody, message.State, message.ClaimedBy));
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('OutboxMessages')").ToListAsync();
        Assert.DoesNotContain("HtmlBody", columns);
    }

    [Fact]
    public async Task StoredStarterTextBecomesStarterEmailAndTrigger()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ProcessOwners");
        string[] stored =
        [
            "JobStart { StartedBy = Schedule, Email = , Trigger = 0 0 8 * * ? (UTC) }",
            "JobStart { StartedBy = User, Email = sam@example.org, Trigger = Run now }",
            "JobStart { StartedBy = Cli, Email = , Trigger = jobs run }",
            "command line",
            "superuser@portal.local",
        ];
        foreach (var startedBy in stored)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO MessageRuns (SiteId, SiteDomain, Kind, RunDate, SendUuid, StartedBy, DryRun, StartedUtc, Status, BinsDone, Candidates, Queued,
                    AlreadyQueued, Suppressed, NoHighlights, Sent, NotDelivered, Failed, ResolveMs, WriteMs, DeliverMs)
                VALUES (1, 'learn.example.org', 'UpgradeReminder', '2026-12-01', {Guid.NewGuid()}, {startedBy}, 0, '2026-12-01 08:15:00', 'Completed',
                    24, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                """);
        }

        await migrator.MigrateAsync();

        var runs = await db.MessageRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(
        [
            (JobStarter.Schedule, null, "0 0 8 * * ? (UTC)", "the schedule (daily at 08:00 UTC)"),
            (JobStarter.User, "sam@example.org", "Run now", "sam@example.org"),
            (JobStarter.Cli, null, "jobs run", "the command line"),
            (JobStarter.Cli, null, "send-upgrade-reminder", "the command line"),
            (JobStarter.User, "superuser@portal.local", "Run now", "superuser@portal.local"),
        ], runs.Select(r => (r.StartedBy, r.StartedByEmail, r.Trigger, r.DescribeStarter())));
    }
}
