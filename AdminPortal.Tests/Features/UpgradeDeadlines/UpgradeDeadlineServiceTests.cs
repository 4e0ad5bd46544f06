using AdminPortal.Api;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Features.UpgradeDeadlines;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.UpgradeDeadlines;

[RunsOnPostgreSql]
public sealed class UpgradeDeadlineServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private UpgradeDeadlineService deadlines = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        deadlines = portal.Get<UpgradeDeadlineService>();
        await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task DeadlineDaysAreOneToThreeHundredSixtyFive(int days)
    {
        var global = await deadlines.SaveGlobalAsync(new GlobalDeadlineConfig(true, days), 0, PortalServices.Admin);
        var org = await deadlines.SaveOverrideAsync(DeadlineLevel.Org, "MITx", new DeadlineOverride(true, days, false), 0, PortalServices.Admin);

        Assert.Equal($"Deadline days must be between 1 and 365, not {days}.", Assert.Single(global.Errors).Message);
        Assert.Equal("deadline_days", Assert.Single(org.Errors).Field);
    }

    [Fact]
    public async Task AnOrgNoCourseUsesIsSavedWithAWarning()
    {
        var used = await deadlines.SaveOverrideAsync(DeadlineLevel.Org, "MITx", new DeadlineOverride(true, 14, false), 0, PortalServices.Admin);
        var unused = await deadlines.SaveOverrideAsync(DeadlineLevel.Org, "MlTx", new DeadlineOverride(true, 14, false), 0, PortalServices.Admin);

        Assert.Null(used.Value!.Warning);
        Assert.StartsWith("No course uses the org MlTx yet", unused.Value!.Warning);
        Assert.Equal(["MITx", "MlTx"], (await deadlines.OverridesAsync(DeadlineLevel.Org, PortalServices.Admin)).Select(o => o.Target));
    }

    [Fact]
    public async Task ACourseOverrideNeedsAnExistingCourse()
    {
        var missing = await deadlines.SaveOverrideAsync(DeadlineLevel.Course, "course-v1:MITx+Nope+2026", new DeadlineOverride(true, 7, false), 0, PortalServices.Admin);
        var saved = await deadlines.SaveOverrideAsync(DeadlineLevel.Course, "course-v1:MITx+6.00x+2026_T1", new DeadlineOverride(true, 7, true), 0, PortalServices.Admin);

        Assert.Equal("course", Assert.Single(missing.Errors).Field);
        Assert.True(saved.Succeeded);
        var row = Assert.Single(await deadlines.OverridesAsync(DeadlineLevel.Course, PortalServices.Admin));
        Assert.Equal(("course-v1:MITx+6.00x+2026_T1", true), (row.Target, row.Config.Values.OptOut));
    }

    [Fact]
    public async Task TheExplainerUsesEveryLevelAndTheVerifiedExpiration()
    {
        var explainer = portal.Get<DeadlineExplainer>();
        var overrides = (await deadlines.OverridesAsync(DeadlineLevel.Course, PortalServices.Admin)).Count;
        await deadlines.SaveGlobalAsync(new GlobalDeadlineConfig(true, 21), 0, PortalServices.Admin);
        await deadlines.SaveOverrideAsync(DeadlineLevel.Org, "MITx", new DeadlineOverride(true, 14, false), 0, PortalServices.Admin);
        var course = (await portal.Get<AdminPortal.Features.Accounts.CourseAssignmentService>().FindCoursesAsync("6.00x", PortalServices.Admin)).Single();

        var early = await explainer.ExplainAsync(course.Id, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), PortalServices.Admin);
        var late = await explainer.ExplainAsync(course.Id, new DateTime(2026, 12, 25, 0, 0, 0, DateTimeKind.Utc), PortalServices.Admin);

        Assert.Equal(0, overrides);
        Assert.Equal((DeadlineLevel.Org, 14), (early!.Level, early.Days));
        Assert.Equal(new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc), early.DeadlineUtc);
        Assert.Equal("Org MITx overrides global: 14 days, so the deadline is 2026-03-15 (the verified mode expires later, 2026-12-31)", early.Sentence);
        Assert.Equal(new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc), late!.DeadlineUtc);
        Assert.Contains("verified mode expires 2026-12-31, earlier", late.Sentence);
    }

    [Fact]
    public async Task HistoriesKeepEveryVersion()
    {
        await deadlines.SaveGlobalAsync(new GlobalDeadlineConfig(true, 21), 0, PortalServices.Admin);
        await deadlines.SaveGlobalAsync(new GlobalDeadlineConfig(true, 30), 1, PortalServices.Admin);

        await deadlines.SaveOverrideAsync(DeadlineLevel.Course, "course-v1:MITx+6.00x+2026_T1", new DeadlineOverride(true, 7, false), 0, PortalServices.Admin);
        await deadlines.RestoreGlobalAsync(1, 2, PortalServices.Admin);
        var stale = await deadlines.RestoreGlobalAsync(1, 2, PortalServices.Admin);

        var global = await deadlines.GlobalHistoryAsync(PortalServices.Admin);
        var course = await deadlines.OverrideHistoryAsync(DeadlineLevel.Course, "course-v1:MITx+6.00x+2026_T1", PortalServices.Admin);
        var unknown = await deadlines.OverrideHistoryAsync(DeadlineLevel.Course, "course-v1:MITx+Nope+2026", PortalServices.Admin);

        Assert.Equal([3, 2, 1], global.Select(v => v.Version));
        Assert.Equal(["deadline_days: 30 → 21"], global[0].Changes.Select(c => c.ToString()));
        Assert.Equal(["deadline_days: 21 → 30"], global[1].Changes.Select(c => c.ToString()));
        Assert.Equal(ErrorKind.Conflict, Assert.Single(stale.Errors).Kind);
        Assert.Equal(["enabled: — → on", "deadline_days: — → 7", "opt_out: — → off"], Assert.Single(course.Value!).Changes.Select(c => c.ToString()));
        Assert.Equal("No course has the key course-v1:MITx+Nope+2026.", Assert.Single(unknown.Errors).Message);
    }
}
