using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;
using Bunit;

namespace AdminPortal.Tests.Features.Jobs;

public sealed class JobRunPageTests
{
    [Fact]
    public async Task ARunningRunShowsItsCountsAndLogWhenItEndsWithoutAReload()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var run = await context.Portal.Services.AddAsync(
            JobRun.Start(DatabaseMaintenanceJob.Name, "Run now", JobStarter.User, "sam@example.org", DateTime.UtcNow));
        var page = context.Render<JobRunPage>(p => p.Add(x => x.Id, run.Id));
        page.WaitForAssertion(() => Assert.Contains($"Run {run.Id} of database-maintenance", page.Find("h1").TextContent));
        Assert.Contains("The job reported no counts yet.", page.Markup);
        Assert.Contains("The run's lines are stored when it ends.", page.Find("[aria-label='Log lines']").TextContent);
        Assert.Contains("sam@example.org", page.Find("dl.portal-facts").TextContent);

        await JobsPageTests.FinishAsync(context, run.Id, new JobRunLogLine(DateTime.UtcNow, JobLogLevel.Information, "PRAGMA optimize done."));

        page.WaitForAssertion(() => Assert.Contains("PRAGMA optimize done.", page.Find("[aria-label='Log lines']").TextContent),
            TimeSpan.FromSeconds(5));
        Assert.Contains("Succeeded", page.Find("dl.portal-facts").TextContent);
        Assert.Contains("pruned-runs", page.Find("dl[aria-label='Counts']").TextContent);
    }

    [Fact]
    public async Task AnUnknownRunSaysItMayHaveBeenPruned()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Superuser);

        var page = context.Render<JobRunPage>(p => p.Add(x => x.Id, 424242));

        page.WaitForAssertion(() => Assert.Equal("Run 424242 not found", page.Find("h1").TextContent));
        Assert.Contains("runs older than the retention period are pruned", page.Markup);
    }
}
