using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DatabaseMaintenance;
using AdminPortal.Tests.EndToEnd;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdminPortal.Tests.Hosting;

/// <summary>
/// Two portal processes on one PostgreSQL database (a cluster of the test's own) behind nginx with the README's
/// configuration, driven in Chromium as a person works: the scheduled jobs fire once across both, and when the instance
/// that runs them dies, the other takes its jobs over and runs the next one.
/// </summary>
[StartsEarly]
public sealed class TwoInstancesBehindNginxTests(ITestOutputHelper output)
{
    // A job that is quick and harmless every two seconds; its runs are kept even when there was nothing to do.
    private const string FrequentJob = DatabaseMaintenanceJob.Name;

    [Fact]
    public async Task APersonResetsACourseThroughTheBalancerAndWhenTheJobsInstanceDiesTheOtherRunsTheNextJob()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var directory = TestDirectory.Create("instances");
        (string Key, string? Value)[] settings =
        [
            ("Database:Provider", "PostgreSql"),
            ("ConnectionStrings:Portal", cluster.ConnectionString("portal")),
            ($"Jobs:{FrequentJob}:Cron", "0/2 * * * * ?"),
            // What the README asks of an instance behind a proxy: the scheme and client address from its headers.
            ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
        ];
        var support = TestAccounts.UniqueEmail("support");
        await using var setup = await PortalServices.StartOnAsync(directory, null, settings);
        // A superuser exists, so the portal does not ask for its first-run set-up.
        await setup.CreateAccountAsync(TestAccounts.UniqueEmail("superuser"), PortalRoles.Superuser);
        await setup.CreateAccountAsync(support, PortalRoles.Support);
        await CourseResetWorld.SeedAsync(setup.Services);
        await CourseResetWorld.AddProgressAsync(setup.Services, "ada", CourseResetWorld.Running, blocks: 20);

        // Both at once: two instances starting on one new job store must not trip over each other.
        var (first, second) = await StartBothAsync(directory, settings);
        await using var _ = first;
        await using var __ = second;
        await using var nginx = await NginxBalancer.StartAsync(Path.Combine(directory.Path, "nginx"), first.Port, second.Port);
        var (playwright, browser) = await PortalBrowserFixture.StartChromiumAsync();
        using var ___ = playwright;
        await using var ____ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = nginx.Url });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        await page.SignInAsync(support, TestAccounts.Password, "/support/course-reset");
        // The cookie opens the page on either instance: both read the same keys and sign-in sessions from the database.
        foreach (var instance in new[] { first, second })
        {
            var direct = await context.NewPageAsync();
            await direct.GotoAsync($"{instance.Url}/support/course-reset");
            await Assertions.Expect(direct.GetByRole(AriaRole.Heading, new() { Name = "Course reset" })).ToBeVisibleAsync();
            await direct.CloseAsync();
        }
        await page.GetByLabel("Username or email").FillAsync("ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reset {CourseResetWorld.RunningName}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason (required)").FillAsync("Asked to retake after a long absence");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reset the course" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = $"Status of {CourseResetWorld.RunningName}" }))
            .ToContainTextAsync("Completed on");
        Assert.Equal((0, 0, 0), await CourseResetWorld.ProgressAsync(setup.Services, "ada", CourseResetWorld.Running));

        var contexts = setup.Get<IDbContextFactory<PortalDbContext>>();
        var runs = await Eventually.WaitForAsync(async () => await RunsAsync(contexts) is { Count: >= 3 } found ? found : null,
            $"three runs of {FrequentJob}");
        var pids = await ProcessIdsAsync(contexts);
        foreach (var run in runs)
        {
            output.WriteLine($"{run.StartedUtc:HH:mm:ss.fff} on process {pids.GetValueOrDefault(run.OwnerId)}");
        }
        // Once per firing: a firing run by both instances would start two runs, one on each, within moments of each other.
        // One instance's own runs may come closer: on a busy machine a firing starts a second late and the next on time.
        Assert.All(runs.Zip(runs.Skip(1)).Where(pair => pair.First.OwnerId != pair.Second.OwnerId), pair => Assert.True(
            pair.Second.StartedUtc - pair.First.StartedUtc > TimeSpan.FromSeconds(1),
            $"runs at {pair.First.StartedUtc:HH:mm:ss.fff} and {pair.Second.StartedUtc:HH:mm:ss.fff} on both instances"));
        Assert.All(runs, run => Assert.Contains(pids[run.OwnerId], new[] { first.ProcessId, second.ProcessId }));

        var jobsInstance = pids[runs[^1].OwnerId] == first.ProcessId ? first : second;
        var survivor = jobsInstance == first ? second : first;
        await jobsInstance.KillAsync();
        var killedUtc = DateTime.UtcNow;
        // The survivor sees the dead instance stop checking in (Quartz's 7.5 s), takes over the triggers it held, and fires.
        var next = await Eventually.WaitForAsync(async () => (await RunsAsync(contexts)).FirstOrDefault(r => r.StartedUtc > killedUtc),
            $"a run of {FrequentJob} after the instance that ran it died", timeoutSeconds: 45);
        output.WriteLine($"the next run started {(next.StartedUtc - killedUtc).TotalSeconds:0.0} s after the kill");
        Assert.Equal(survivor.ProcessId, (await ProcessIdsAsync(contexts))[next.OwnerId]);

        // The person goes on through the balancer, on the surviving instance if theirs was the one that died. Blazor reloads
        // by itself a page whose circuit died with its instance: a reload of ours that meets that one is aborted, and is
        // made again, as a person would press reload again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.ReloadAsync();
                break;
            }
            catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("ERR_ABORTED"))
            {
                output.WriteLine($"reload {attempt} was aborted by the page's own: {e.Message.Split('\n')[0]}");
            }
        }
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Username or email").FillAsync("ada");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status, new() { Name = $"Status of {CourseResetWorld.RunningName}" }))
            .ToContainTextAsync("Completed on");
    }

    private static async Task<(PortalInstance First, PortalInstance Second)> StartBothAsync(TestDirectory directory, (string Key, string? Value)[] settings)
    {
        var starting = new[] { "first", "second" }.Select(name => PortalInstance.StartAsync(directory, name, settings)).ToArray();
        try
        {
            await Task.WhenAll(starting);
            return (starting[0].Result, starting[1].Result);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
    }

    private sealed record Run(DateTime StartedUtc, Guid OwnerId);

    private static async Task<List<Run>> RunsAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.JobRuns.Where(r => r.JobName == FrequentJob && r.OwnerId != null).OrderBy(r => r.StartedAtUtc)
            .Select(r => new Run(r.StartedAtUtc, r.OwnerId!.Value)).ToListAsync();
    }

    /// <summary>The operating system's process id of each portal process that registered in the database.</summary>
    private static async Task<Dictionary<Guid, int>> ProcessIdsAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.PortalProcesses.ToDictionaryAsync(p => p.Id, p => p.ProcessId);
    }
}
