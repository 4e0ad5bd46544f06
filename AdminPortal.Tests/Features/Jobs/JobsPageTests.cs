using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Jobs;

public sealed class JobsPageTests
{
    private static AngleSharp.Dom.IElement JobRow(IRenderedComponent<PageHost> page, string job) =>
        page.FindAll("[aria-label='Jobs'] tbody tr").Single(r => r.QuerySelector("strong")?.TextContent == job);

    [Fact]
    public async Task StaffSeesEachScheduleInWordsBesideItsCronButNoActions()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var page = context.Render<JobsPage>();

        page.WaitForAssertion(() => Assert.Contains("daily at 03:30 UTC", JobRow(page, DatabaseMaintenanceJob.Name).TextContent));
        Assert.Contains("0 30 3 * * ? (UTC)", JobRow(page, DatabaseMaintenanceJob.Name).TextContent);
        Assert.Contains("every minute", JobRow(page, "message-delivery").TextContent);
        Assert.Contains("on the 1st of January and July at 04:00 UTC", JobRow(page, "survey-report").TextContent);
        Assert.Empty(page.FindAll("button[aria-label='Run now: database-maintenance']"));
        Assert.Empty(page.FindAll("button[aria-label='Pause database-maintenance']"));
        Assert.DoesNotContain(page.FindAll("[aria-label='Jobs'] th"), th => th.TextContent.Contains("Actions"));
        Assert.Contains("No runs yet.", page.Find("[aria-label='Recent runs']").TextContent);
    }

    [Fact]
    public async Task ASuperuserHasRunNowAndPauseWhichWaitForAScheduler()
    {
        // The test host, like a command, runs no scheduler: the actions show but are disabled and the job is "not scheduled".
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = context.Render<JobsPage>();

        var runNow = page.WaitForElement("button[aria-label='Run now: database-maintenance']");
        Assert.True(runNow.HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Pause database-maintenance']").HasAttribute("disabled"));
        Assert.Contains("not scheduled", JobRow(page, DatabaseMaintenanceJob.Name).TextContent);
        Assert.Contains(page.FindAll("[aria-label='Jobs'] th"), th => th.TextContent.Contains("Actions"));
    }

    [Fact]
    public async Task ARunningRunShowsItsEndWithoutAReload()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var run = await context.Portal.Services.AddAsync(
            JobRun.Start(DatabaseMaintenanceJob.Name, "schedule", JobStarter.Schedule, null, DateTime.UtcNow));
        var page = context.Render<JobsPage>();
        page.WaitForAssertion(() => Assert.Contains("Running", page.Find("[aria-label='Recent runs'] tbody tr").TextContent));

        await FinishAsync(context, run.Id);

        page.WaitForAssertion(() => Assert.Contains("Succeeded", page.Find("[aria-label='Recent runs'] tbody tr").TextContent),
            TimeSpan.FromSeconds(5));
        Assert.Equal($"admin/jobs/runs/{run.Id}", page.Find("[aria-label='Recent runs'] tbody tr a").GetAttribute("href"));
    }

    internal static async Task FinishAsync(PageContext context, long runId, params JobRunLogLine[] lines)
    {
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId);
        run.Succeed(DateTime.UtcNow, new Dictionary<string, long> { ["pruned-runs"] = 3 }, lines);
        await db.SaveChangesAsync();
    }
}
