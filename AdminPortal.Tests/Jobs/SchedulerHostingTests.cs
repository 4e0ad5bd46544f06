using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Jobs;

/// <summary>Quartz keeps schedulers, data sources and its log provider per process; hosts sharing a process must not trip on each other.</summary>
[RunsOnPostgreSql]
public sealed class SchedulerHostingTests
{
    [Fact]
    public async Task AHostKeepsRunningJobsAfterAnotherHostInTheProcessStopped()
    {
        await using var survivor = new PortalWebFactory(TestDirectory.CreateMigrated("survivor"), TestJobs.Register);
        _ = survivor.Services;
        await using (var other = new PortalWebFactory())
        {
            _ = other.Services;
        }

        await survivor.Services.GetRequiredService<JobsService>().RunNowAsync(ReportingJob.Name, PortalActor.System("test"));

        Assert.Equal(JobRunStatus.Succeeded, (await survivor.Services.WaitForFinishedRunAsync(ReportingJob.Name)).Status);
        await survivor.DisposeAsync();
        survivor.Directory.Dispose();
    }

    [Fact]
    public async Task TwoHostsWithOneSchedulerNameInOneProcessEachRunTheirJobsOnTheirOwnDatabase()
    {
        // Quartz 3 kept schedulers in a process-wide registry by name; Quartz 4 keeps them per container.
        using var otherFolder = TestDirectory.CreateMigrated("same-name");
        await using var first = new PortalWebFactory(TestDirectory.CreateMigrated("same-name"), TestJobs.Register);
        await using var second = new PortalWebFactory(otherFolder, TestJobs.Register, ("Jobs:SchedulerName", first.Directory.SchedulerName));

        await first.Services.GetRequiredService<JobsService>().RunNowAsync(ReportingJob.Name, PortalActor.System("first"));
        await second.Services.GetRequiredService<JobsService>().RunNowAsync(ReportingJob.Name, PortalActor.System("second"));

        Assert.Equal(JobRunStatus.Succeeded, (await first.Services.WaitForFinishedRunAsync(ReportingJob.Name)).Status);
        Assert.Equal(JobRunStatus.Succeeded, (await second.Services.WaitForFinishedRunAsync(ReportingJob.Name)).Status);
        Assert.Single(await first.Services.AllAsync(ReportingJob.Name));
        Assert.Single(await second.Services.AllAsync(ReportingJob.Name));
        await first.DisposeAsync();
        first.Directory.Dispose();
    }
}
