using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Jobs;

/// <summary>Quartz keeps schedulers, data sources and its log provider per process; hosts sharing a process must not trip on each other.</summary>
public sealed class SchedulerHostingTests
{
    [Fact]
    public async Task AHostKeepsRunningJobsAfterAnotherHostInTheProcessStopped()
    {
        await using var survivor = new PortalWebFactory(TestDirectory.Create("survivor"), TestJobs.Register);
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
    public async Task ASecondHostWithTheSameSchedulerNameIsRefusedWithTheSettingNamed()
    {
        await using var first = new PortalWebFactory();
        _ = first.Services;
        await using var second = new PortalWebFactory("Production", ("Jobs:SchedulerName", first.Directory.SchedulerName));

        var error = Assert.Throws<InvalidOperationException>(() => second.Services);

        Assert.Equal($"A job scheduler named {first.Directory.SchedulerName} already runs in this process: " +
            "give each portal host its own Jobs:SchedulerName.", error.Message);
    }
}
