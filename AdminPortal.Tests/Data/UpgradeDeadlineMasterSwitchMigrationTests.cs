using AdminPortal.Data;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Tests.Data;

/// <summary>Schedules that got an org's deadline while the global setting was off lose it; those made while it was on keep theirs.</summary>
public sealed class UpgradeDeadlineMasterSwitchMigrationTests
{
    [Fact]
    public async Task OnlySchedulesCreatedWhileTheGlobalSettingWasOffLoseTheirDeadline()
    {
        await using var portal = await PortalServices.StartAsync();
        var site = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin)).Site.Id;
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ScheduleConfigService>().SaveAsync(site, ScheduleConfig.Off with { CreateSchedules = true }, 0, PortalServices.Admin);
        await portal.Get<ConfigStore>().SaveAsync(ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, 21), 0, PortalServices.Admin);
        foreach (var learner in new[] { "off", "on" })
        {
            await portal.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent(learner, $"{learner}@example.org", null,
                "course-v1:MITx+6.00x+2026_T1", "verified", new DateTime(2026, 2, 1, 10, 0, 0, DateTimeKind.Utc)));
        }
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("ExactlyOnceDelivery");
        // (Braces doubled: the raw SQL goes through string.Format.) The history an earlier release could leave: the global setting off until June, on since; a schedule made in
        // March with an org override's deadline, and one made in July.
        await db.Database.ExecuteSqlRawAsync("""
            UPDATE ConfigVersions SET ValuesJson = '{{"Enabled":false,"DeadlineDays":21}}', ChangedAtUtc = '2026-01-01 00:00:00' WHERE Kind = 'GlobalDeadline';
            INSERT INTO ConfigVersions (Kind, Key, Version, ValuesJson, ChangedBy, ChangedAtUtc)
                VALUES ('GlobalDeadline', '', 2, '{{"Enabled":true,"DeadlineDays":21}}', 'test', '2026-06-01 00:00:00');
            UPDATE Schedules SET UpgradeDeadlineUtc = '2026-02-15 10:00:00', CreatedUtc = '2026-03-01 00:00:00'
                WHERE LearnerId = (SELECT Id FROM Learners WHERE Username = 'off');
            UPDATE Schedules SET UpgradeDeadlineUtc = '2026-02-22 10:00:00', CreatedUtc = '2026-07-01 00:00:00'
                WHERE LearnerId = (SELECT Id FROM Learners WHERE Username = 'on');
            """);

        await migrator.MigrateAsync();

        var deadlines = await (from s in db.Schedules join l in db.Learners on s.LearnerId equals l.Id orderby l.Username select s.UpgradeDeadlineUtc).ToListAsync();
        Assert.Equal([null, new DateTime(2026, 2, 22, 10, 0, 0)], deadlines.Select(d => d is { } v ? new DateTime(v.Ticks) : (DateTime?)null));
    }
}
