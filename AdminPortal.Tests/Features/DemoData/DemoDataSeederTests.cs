using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.UpgradeDeadlines;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.DemoData;

public sealed class DemoDataSeederTests
{
    private static async Task<(PortalServices Portal, DemoDataResult Result)> SeedAsync(int learners, int seed)
    {
        var portal = await PortalServices.StartAsync();
        await portal.CreateAccountAsync("author@example.org", PortalRoles.CourseAuthor);
        return (portal, await portal.Get<DemoDataSeeder>().SeedAsync(learners, seed, PortalServices.Admin, today: new DateOnly(2026, 11, 22)));
    }

    private static async Task<T> QueryAsync<T>(PortalServices portal, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private static Task<string> FingerprintAsync(PortalServices portal) => QueryAsync(portal, async db =>
        string.Join("\n", await db.Learners.OrderBy(l => l.Id).Select(l => l.Username + "|" + l.Email + "|" + l.JoinedUtc).ToListAsync())
        + string.Join("\n", await db.Enrollments.OrderBy(e => e.Id).Select(e => $"{e.LearnerId}/{e.CourseId}/{e.Mode}/{e.IsActive}").ToListAsync())
        + string.Join("\n", await db.Courses.OrderBy(c => c.Id).Select(c => c.Key + c.DisplayName).ToListAsync()));

    [Fact]
    public async Task TheSameSeedGivesTheSameDataAndAnotherSeedOtherData()
    {
        var (a, _) = await SeedAsync(300, 7);
        var (b, _) = await SeedAsync(300, 7);
        var (c, _) = await SeedAsync(300, 8);
        await using (a)
        await using (b)
        await using (c)
        {
            Assert.Equal(await FingerprintAsync(a), await FingerprintAsync(b));
            Assert.NotEqual(await FingerprintAsync(a), await FingerprintAsync(c));
        }
    }

    [Fact]
    public async Task TheDemoPlatformHasSchedulesAndEverySettingTurnedOn()
    {
        var (portal, result) = await SeedAsync(2000, 42);
        await using var _ = portal;
        var configs = await portal.Get<ScheduleConfigService>().ListAsync(PortalServices.Admin);
        var deadlines = portal.Get<UpgradeDeadlineService>();

        Assert.All(configs, c => Assert.True(c.Config.Values is
            { CreateSchedules: true, EnqueueRecurringNudge: true, DeliverRecurringNudge: true, EnqueueUpgradeReminder: true,
              DeliverUpgradeReminder: true, EnqueueCourseUpdate: true, DeliverCourseUpdate: true }));
        Assert.Contains(configs, c => c.Config.Values.HoldBackRatio > 0);
        Assert.True((await deadlines.GlobalAsync(PortalServices.Admin)).Values.Enabled);
        Assert.Single(await deadlines.OverridesAsync(DeadlineLevel.Org, PortalServices.Admin));
        Assert.Single(await deadlines.OverridesAsync(DeadlineLevel.Course, PortalServices.Admin));
        await QueryAsync(portal, async db =>
        {
            var selfPacedEnrollments = await db.Enrollments.CountAsync(e => db.Courses.Any(c => c.Id == e.CourseId && c.SelfPaced));
            var heldBack = await db.ScheduleSkips.CountAsync(s => s.Reason == ScheduleSkipReason.HeldBack);
            Assert.Equal(result.Schedules, await db.Schedules.CountAsync());
            Assert.Equal(selfPacedEnrollments, result.Schedules + heldBack);
            Assert.InRange(heldBack, 1, selfPacedEnrollments / 5);
            Assert.True(await db.Schedules.AnyAsync(s => s.Experience == ScheduleExperience.CourseUpdates));
            Assert.True(await db.Schedules.AnyAsync(s => s.Experience == ScheduleExperience.RecurringNudgeAndUpgradeReminder));
            Assert.True(await db.Schedules.AnyAsync(s => s.UpgradeDeadlineUtc != null) && await db.Schedules.AnyAsync(s => s.UpgradeDeadlineUtc == null));
            return true;
        });
    }

    [Fact]
    public async Task TheDemoPlatformHasEveryCaseTheFeaturesHandle()
    {
        var (portal, result) = await SeedAsync(2000, 42);
        await using var _ = portal;
        var now = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal((3, 40, 2000L), (result.Sites, result.Courses, result.Learners));
        Assert.InRange(result.Enrollments, 3000, 5000);
        await QueryAsync(portal, async db =>
        {
            Assert.True(await db.Learners.AnyAsync(l => !l.IsActive));
            Assert.True(await db.Learners.AnyAsync(l => l.IsStaff));
            Assert.True(await db.Courses.AnyAsync(c => c.StartUtc > now));
            Assert.True(await db.Courses.AnyAsync(c => c.EndUtc < now));
            Assert.True(await db.Courses.AnyAsync(c => c.SelfPaced) && await db.Courses.AnyAsync(c => !c.SelfPaced));
            Assert.True(await db.CourseModes.AnyAsync(m => m.Slug == "verified" && m.ExpirationUtc < now));
            Assert.True(await db.Courses.AnyAsync(c => !c.Modes.Any(m => m.Slug == "verified")));
            Assert.True(await db.Enrollments.AnyAsync(e => e.Mode == "verified") && await db.Enrollments.AnyAsync(e => !e.IsActive));
            Assert.True(await db.CourseGrades.AnyAsync(g => g.PassedAtUtc != null) && await db.CourseGrades.AnyAsync(g => g.PassedAtUtc == null));
            Assert.Equal(await db.CourseGrades.CountAsync(g => g.PassedAtUtc != null), await db.Certificates.CountAsync());
            var sections = await db.Sections.ToListAsync();
            Assert.Contains(sections, s => s.HasHighlights);
            Assert.Contains(sections, s => !s.HasHighlights && db.Courses.Any(c => c.Id == s.CourseId && c.HighlightsEnabled));
            Assert.All(sections, s => Assert.InRange(s.Highlights.Count, 0, 5));
            Assert.Equal(3, await db.CourseAssignments.CountAsync());
            return true;
        });
    }

    [Fact]
    public async Task APortalWithDataIsNotSeededAgain()
    {
        var (portal, _) = await SeedAsync(50, 1);
        await using var _ = portal;

        var refused = await Assert.ThrowsAsync<DomainException>(() => portal.Get<DemoDataSeeder>().SeedAsync(50, 1, PortalServices.Admin));

        Assert.StartsWith("The portal already has courses or learners", refused.Message);
        Assert.Equal(50, await QueryAsync(portal, db => db.Learners.CountAsync()));
    }

    [Fact]
    public async Task OnlyASuperuserSeeds()
    {
        await using var portal = await PortalServices.StartAsync();

        await Assert.ThrowsAsync<PortalForbiddenException>(() =>
            portal.Get<DemoDataSeeder>().SeedAsync(10, 1, new PortalActor("x", "Stella", [PortalRoles.Staff])));
    }
}
