namespace AdminPortal.Domain.Jobs;

/// <summary>One execution of a job: who started it, how it ended, what it counted and logged.</summary>
public sealed class JobRun
{
    /// <summary>What a run still marked running gets when its process is gone (the jobs host's recovery writes it).</summary>
    public const string InterruptedError = "interrupted: the process running it stopped";
    public const int MaxErrorLength = 2000;

    private readonly List<JobRunLogLine> logLines = [];

    private JobRun()
    {
    }

    public long Id { get; private set; }

    public string JobName { get; private set; } = "";

    /// <summary>What fired it, in words: the cron schedule, "Run now" or "jobs run".</summary>
    public string Trigger { get; private set; } = "";

    public JobStarter StartedBy { get; private set; }

    /// <summary>The account's email when a person started the run.</summary>
    public string? StartedByEmail { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    public JobRunStatus Status { get; private set; }

    /// <summary>The process running it, while it runs (see PortalProcess).</summary>
    public Guid? OwnerId { get; private set; }

    public Dictionary<string, long> Counts { get; private set; } = [];

    /// <summary>The failure's message; the full exception goes to the portal's log.</summary>
    public string? Error { get; private set; }

    public IReadOnlyList<JobRunLogLine> LogLines => logLines;

    /// <param name="ownerId">The process that runs it (a run whose owner died is marked interrupted); none for a run recorded by hand.</param>
    public static JobRun Start(string jobName, string trigger, JobStarter startedBy, string? startedByEmail, DateTime startedAtUtc, Guid? ownerId = null)
    {
        if (startedBy == JobStarter.User && string.IsNullOrWhiteSpace(startedByEmail))
        {
            throw new ArgumentException("A run started by a person records their email.", nameof(startedByEmail));
        }
        return new JobRun
        {
            JobName = jobName,
            Trigger = trigger,
            StartedBy = startedBy,
            StartedByEmail = startedBy == JobStarter.User ? startedByEmail : null,
            StartedAtUtc = startedAtUtc,
            Status = JobRunStatus.Running,
            OwnerId = ownerId,
        };
    }

    public void Succeed(DateTime finishedAtUtc, IReadOnlyDictionary<string, long> counts, IEnumerable<JobRunLogLine> lines) =>
        Finish(JobRunStatus.Succeeded, finishedAtUtc, null, counts, lines);

    public void Fail(DateTime finishedAtUtc, string error, IReadOnlyDictionary<string, long> counts, IEnumerable<JobRunLogLine> lines) =>
        Finish(JobRunStatus.Failed, finishedAtUtc, error, counts, lines);

    public string DescribeStarter() => RunStarters.Describe(StartedBy, StartedByEmail, Trigger);

    private void Finish(JobRunStatus status, DateTime finishedAtUtc, string? error, IReadOnlyDictionary<string, long> counts,
        IEnumerable<JobRunLogLine> lines)
    {
        if (Status != JobRunStatus.Running)
        {
            throw new InvalidOperationException($"Run {Id} of {JobName} already ended ({Status}); it cannot end again.");
        }
        Status = status;
        FinishedAtUtc = finishedAtUtc;
        Error = error is null || error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 1)] + "…";
        Counts = new Dictionary<string, long>(counts);
        logLines.AddRange(lines);
    }
}
