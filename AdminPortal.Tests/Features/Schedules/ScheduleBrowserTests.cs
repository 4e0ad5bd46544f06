using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Schedules;

/// <summary>The Schedules page's filters and bulk actions, on real SQLite.</summary>
[RunsOnPostgreSql]
public sealed class ScheduleBrowserTests : IAsyncLifetime
{
    private const string Python = "course-v1:MITx+6.00x+2026_T1";
    private const string Stats = "course-v1:MITx+18.05x+2026_T1";
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;
    private ScheduleBrowser browser = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(sql.AddTo);
        browser = portal.Get<ScheduleBrowser>();
        var site = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin)).Site.Id;
        var imports = portal.Get<ImportService>();
        await imports.ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await imports.ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        var stats = TestData.WriteCsv(portal.Folder, "stats.csv",
            "key,display_name,site,start,end,self_paced,language,modes,verified_expires,marketing_url,social_sharing_url,financial_aid,highlights_enabled",
            $"{Stats},Probability and Statistics,learn.example.org,2026-01-05,,true,en,audit,,,,false,false");
        await imports.ImportAsync(ImportKind.Courses, stats, "stats.csv", PortalServices.Admin);
        await portal.Get<ScheduleConfigService>().SaveAsync(site, ScheduleConfig.Off with { CreateSchedules = true }, 0, PortalServices.Admin);
        foreach (var (learner, course) in new[] { ("ada", Python), ("bob", Python), ("cy", Python), ("dee", Stats), ("eve", Stats) })
        {
            var enrolled = await portal.Get<EnrollmentService>().EnrollAsync(
                new EnrollmentEvent(learner, $"{learner}@example.org", null, course, "audit", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.NotNull(enrolled.Value!.Schedule);
        }
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<Page<ScheduleRow>> SearchAsync(ScheduleFilter filter, int size = 20) =>
        browser.SearchAsync(filter, new PageRequest(0, size), PortalServices.Admin);

    [Fact]
    public async Task FiltersNarrowByCourseExperienceAndState()
    {
        var all = await SearchAsync(new ScheduleFilter());
        var python = await SearchAsync(new ScheduleFilter(Course: "6.00x"));
        var byName = await SearchAsync(new ScheduleFilter(Course: "probability"));
        var nudges = await SearchAsync(new ScheduleFilter(Experience: ScheduleExperience.RecurringNudgeAndUpgradeReminder));
        var inactive = await SearchAsync(new ScheduleFilter(Active: false));

        Assert.Equal(5, all.Total);
        Assert.Equal(["ada", "bob", "cy"], python.Items.Select(r => r.Username).Order());
        Assert.All(python.Items, r => Assert.Equal(Python, r.CourseKey));
        Assert.Equal(["dee", "eve"], byName.Items.Select(r => r.Username).Order());
        Assert.Equal(["dee", "eve"], nudges.Items.Select(r => r.Username).Order()); // the statistics course has no highlights
        Assert.Equal(0, inactive.Total);
    }

    [Fact]
    public async Task PagesAreCountedAndSortedInSql()
    {
        sql.Reset();
        var first = await browser.SearchAsync(new ScheduleFilter(), new PageRequest(0, 2, nameof(ScheduleRow.Id), false), PortalServices.Admin);
        var statements = sql.Count;
        var last = await browser.SearchAsync(new ScheduleFilter(), new PageRequest(4, 2, nameof(ScheduleRow.Id), false), PortalServices.Admin);

        Assert.Equal((5, 2), (first.Total, first.Items.Count));
        Assert.Single(last.Items);
        Assert.True(first.Items[0].Id < first.Items[1].Id && first.Items[1].Id < last.Items[0].Id);
        Assert.Equal(2, statements); // the count and the page, whatever the page size
    }

    [Fact]
    public async Task BulkActionsChangeEveryMatchingScheduleAndSayHowMany()
    {
        var deactivated = await browser.ApplyAsync(new ScheduleFilter(Course: Stats), ScheduleBulkAction.Deactivate, PortalServices.Admin);
        var again = await browser.ApplyAsync(new ScheduleFilter(Course: Stats), ScheduleBulkAction.Deactivate, PortalServices.Admin);
        var switched = await browser.ApplyAsync(new ScheduleFilter(Active: true), ScheduleBulkAction.UseRecurringNudgeAndUpgradeReminder, PortalServices.Admin);
        var reactivated = await browser.ApplyAsync(new ScheduleFilter(), ScheduleBulkAction.Activate, PortalServices.Admin);

        Assert.Equal((2, 0, 3, 2), (deactivated, again, switched, reactivated));
        var rows = (await SearchAsync(new ScheduleFilter())).Items;
        Assert.All(rows, r => Assert.True(r.IsActive));
        Assert.All(rows, r => Assert.Equal(ScheduleExperience.RecurringNudgeAndUpgradeReminder, r.Experience));
    }

    [Fact]
    public async Task StartBeforeCourseStartFindsSchedulesTheCourseMovedPast()
    {
        // A start date changed behind the portal's back (straight in the database) leaves schedules starting too early.
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Courses.Where(c => c.Key == Stats).ExecuteUpdateAsync(u => u.SetProperty(c => c.StartUtc, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        var early = await SearchAsync(new ScheduleFilter(StartBeforeCourseStart: true));
        var deactivated = await browser.ApplyAsync(new ScheduleFilter(StartBeforeCourseStart: true), ScheduleBulkAction.Deactivate, PortalServices.Admin);
        var stillActive = await SearchAsync(new ScheduleFilter(Active: true));

        Assert.Equal(["dee", "eve"], early.Items.Select(r => r.Username).Order());
        Assert.Equal(2, deactivated);
        Assert.Equal(["ada", "bob", "cy"], stillActive.Items.Select(r => r.Username).Order());
    }

    [Fact]
    public async Task StaffReadsButOnlyASuperuserActs()
    {
        var staff = new PortalActor("staff-id", "staff@example.org", [PortalRoles.Staff]);

        var rows = await browser.SearchAsync(new ScheduleFilter(), new PageRequest(0, 20), staff);

        Assert.Equal(5, rows.Total);
        await Assert.ThrowsAsync<PortalForbiddenException>(() => browser.ApplyAsync(new ScheduleFilter(), ScheduleBulkAction.Deactivate, staff));
    }
}
