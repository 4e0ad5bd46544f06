using AdminPortal.Domain.Jobs;

namespace AdminPortal.Features.Jobs;

/// <summary>A job as the Jobs page and <c>jobs list</c> show it.</summary>
public sealed record JobSummary(
    string Name,
    string Description,
    string Cron,
    string TimeZone,
    bool IsScheduled,
    DateTime? NextRunUtc,
    bool IsPaused,
    JobRunSummary? LastRun);

public sealed record JobRunSummary(
    long Id,
    string JobName,
    JobRunStatus Status,
    string StartedBy,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc)
{
    public TimeSpan? Duration => FinishedAtUtc - StartedAtUtc;

    public static JobRunSummary From(JobRun run) =>
        new(run.Id, run.JobName, run.Status, run.DescribeStarter(), run.StartedAtUtc, run.FinishedAtUtc);
}

public sealed record JobRunDetail(
    JobRunSummary Run,
    string Trigger,
    IReadOnlyDictionary<string, long> Counts,
    string? Error,
    IReadOnlyList<JobRunLogLineView> LogLines);

public sealed record JobRunLogLineView(DateTime AtUtc, JobLogLevel Level, string Message);
