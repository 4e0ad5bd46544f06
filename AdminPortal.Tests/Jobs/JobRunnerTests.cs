using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Jobs;

/// <summary>Every execution, whoever starts it, leaves a JobRun with its outcome, counts, log lines and starter.</summary>
[RunsOnPostgreSql]
public sealed class JobRunnerTests : IAsyncLifetime
{
    private readonly PortalWebFactory portal = new(TestDirectory.CreateMigrated("runs"), TestJobs.Register);

    private IServiceProvider Services => portal.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        portal.Directory.Dispose();
    }

    private async Task<PortalActor> SuperuserAsync(string email)
    {
        var id = await Services.CreateAccountAsync(email, PortalRoles.Superuser);
        return new PortalActor(id, "Sam", [PortalRoles.Superuser]);
    }

    [Fact]
    public async Task RunNowRecordsTheCountsTheLogLinesAndThePersonsEmail()
    {
        var actor = await SuperuserAsync("sam@example.org");

        await Services.GetRequiredService<JobsService>().RunNowAsync(ReportingJob.Name, actor);
        var run = await Services.WaitForFinishedRunAsync(ReportingJob.Name);

        Assert.Equal((JobRunStatus.Succeeded, JobStarter.User, "sam@example.org", "Run now"), (run.Status, run.StartedBy, run.StartedByEmail, run.Trigger));
        Assert.Equal(new Dictionary<string, long> { ["items"] = 3 }, run.Counts);
        Assert.Equal([(JobLogLevel.Information, "Looked at 3 items."), (JobLogLevel.Warning, "One item looked odd.")],
            run.LogLines.Select(l => (l.Level, l.Message)));
        Assert.True(run.FinishedAtUtc >= run.StartedAtUtc);
        Assert.Null(run.Error);
    }

    [Fact]
    public async Task AFailingRunIsRecordedWithItsMessageAndWhatItLoggedBefore()
    {
        var job = Services.GetRequiredService<JobCatalog>().Find(FailingJob.Name)!;

        var returned = await Services.GetRequiredService<JobRunner>().RunAsync(job, JobStart.Cli, CancellationToken.None);
        var run = Assert.Single(await Services.AllAsync(FailingJob.Name));

        Assert.Equal(returned.Id, run.Id);
        Assert.Equal((JobRunStatus.Failed, FailingJob.Failure, JobStarter.Cli, "jobs run"), (run.Status, run.Error, run.StartedBy, run.Trigger));
        Assert.Equal(1, run.Counts["calls"]);
        Assert.Equal([(JobLogLevel.Information, "Calling the source."), (JobLogLevel.Error, FailingJob.Failure)],
            run.LogLines.Select(l => (l.Level, l.Message)));
    }

    [Fact]
    public async Task EachExecutionGetsItsOwnScopeDisposedWhenItEnds()
    {
        var actor = await SuperuserAsync("scopes@example.org");
        var jobs = Services.GetRequiredService<JobsService>();

        await jobs.RunNowAsync(ReportingJob.Name, actor);
        await Eventually.WaitForAsync(async () => (await Services.AllAsync(ReportingJob.Name)).Count(r => r.Status != JobRunStatus.Running) == 1 ? "" : null, "the first run");
        // The first run's trigger lingers a moment after its run is recorded, and a run-now is refused while it does.
        await Eventually.WaitForAsync(async () => await StartedAsync(() => jobs.RunNowAsync(ReportingJob.Name, actor)) ? "" : null, "the second run to start");
        await Eventually.WaitForAsync(async () => (await Services.AllAsync(ReportingJob.Name)).Count(r => r.Status != JobRunStatus.Running) == 2 ? "" : null, "the second run");

        // The run is recorded as ended just before Quartz disposes the run's scope.
        var markers = Services.GetRequiredService<JobProbe>().Markers;
        await Eventually.WaitForAsync(() => Task.FromResult(markers.All(m => m.Disposed) ? "" : null), "each run's scope to be disposed");
        Assert.Equal(2, markers.Select(m => m.Id).Distinct().Count());
    }

    private static async Task<bool> StartedAsync(Func<Task> runNow)
    {
        try
        {
            await runNow();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [Fact]
    public async Task ADoubleClickOnRunNowStartsOneRunAndTheSecondSaysWhichRuns()
    {
        var actor = await SuperuserAsync("double@example.org");
        var jobs = Services.GetRequiredService<JobsService>();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => StartedAsync(() => jobs.RunNowAsync(SlowJob.Name, actor)))));
        var running = await Eventually.WaitForAsync(async () => (await Services.AllAsync(SlowJob.Name)).SingleOrDefault(), "the slow job to start");
        var later = await Assert.ThrowsAsync<InvalidOperationException>(() => jobs.RunNowAsync(SlowJob.Name, actor));
        Services.GetRequiredService<JobProbe>().Release.SetResult();
        await Services.WaitForFinishedRunAsync(SlowJob.Name);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second run, had one been started, would have begun by now

        Assert.Equal(1, clicks.Count(started => started));
        Assert.Equal($"{SlowJob.Name} is already running: run {running.Id}, started {running.StartedAtUtc:yyyy-MM-dd HH:mm} UTC by double@example.org. Wait for it to end.",
            later.Message);
        Assert.Single(await Services.AllAsync(SlowJob.Name));
    }

    [Fact]
    public async Task StoppingThePortalWaitsForARunningJobToFinish()
    {
        var actor = await SuperuserAsync("slow@example.org");
        await Services.GetRequiredService<JobsService>().RunNowAsync(SlowJob.Name, actor);
        await Eventually.WaitForAsync(async () => (await Services.AllAsync(SlowJob.Name)).SingleOrDefault(), "the slow job to start");
        var probe = Services.GetRequiredService<JobProbe>();
        var database = portal.Directory;

        var stopping = portal.DisposeAsync().AsTask();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stoppedBeforeTheJobEnded = stopping.IsCompleted;
        probe.Release.SetResult();
        await stopping;

        Assert.False(stoppedBeforeTheJobEnded);
        var run = Assert.Single(await database.AllAsync(SlowJob.Name));
        Assert.Equal((JobRunStatus.Succeeded, "Released."), (run.Status, Assert.Single(run.LogLines).Message));
    }
}
