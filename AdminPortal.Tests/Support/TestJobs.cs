using AdminPortal.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>Jobs that exist only in tests, registered on a test host with <see cref="Register"/>.</summary>
public static class TestJobs
{
    /// <summary>A schedule that will not fire while a test runs, so only "Run now" and <c>jobs run</c> start these.</summary>
    public const string Never = "0 0 0 1 1 ? 2099";

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<JobProbe>();
        services.AddScoped<ScopeMarker>();
        services.AddPortalJob<ReportingJob>(ReportingJob.Name, Never, "Reports two lines and a count.");
        services.AddPortalJob<FailingJob>(FailingJob.Name, Never, "Logs a line, then fails.");
        services.AddPortalJob<SlowJob>(SlowJob.Name, Never, "Runs until the test releases it.");
    }
}

public sealed class ReportingJob(JobProbe probe, ScopeMarker marker) : IPortalJob
{
    public const string Name = "test-report";

    public Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        probe.Markers.Add(marker);
        run.Log("Looked at 3 items.");
        run.Count("items", 2);
        run.Count("items");
        run.Warn("One item looked odd.");
        return Task.CompletedTask;
    }
}

public sealed class FailingJob : IPortalJob
{
    public const string Name = "test-failing";
    public const string Failure = "the source is unreachable";

    public Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        run.Log("Calling the source.");
        run.Count("calls");
        throw new InvalidOperationException(Failure);
    }
}

public sealed class SlowJob(JobProbe probe) : IPortalJob
{
    public const string Name = "test-slow";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        await probe.Release.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        run.Log("Released.");
    }
}

/// <summary>What the test jobs saw, for the test to check.</summary>
public sealed class JobProbe
{
    public System.Collections.Concurrent.ConcurrentBag<ScopeMarker> Markers { get; } = [];

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A scoped service: one per job execution if the job factory gives each its own scope.</summary>
public sealed class ScopeMarker : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}
