using AdminPortal.Domain.Jobs;

namespace AdminPortal.Jobs;

/// <summary>
/// What a running job reports: log lines (kept with the run and written to the portal's log) and counts
/// (a few named numbers, shown with the run).
/// </summary>
public sealed class JobRunContext(long runId, string jobName, JobStart start, TimeProvider clock, ILogger logger)
{
    /// <summary>Enough for a run's story; beyond it lines go to the portal's log only, so one noisy run cannot fill the table.</summary>
    public const int MaxStoredLines = 500;

    private readonly List<JobRunLogLine> lines = [];
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
    private int droppedLines;

    public long RunId { get; } = runId;

    public string JobName { get; } = jobName;

    public JobStart Start { get; } = start;

    public IReadOnlyDictionary<string, long> Counts => counts;

    /// <summary>Nothing counted, nothing logged: the run found no work.</summary>
    public bool IsIdle
    {
        get
        {
            lock (lines)
            {
                lock (counts)
                {
                    return lines.Count == 0 && droppedLines == 0 && counts.Values.All(c => c == 0);
                }
            }
        }
    }

    public void Log(string message) => Write(JobLogLevel.Information, message);

    public void Warn(string message) => Write(JobLogLevel.Warning, message);

    /// <summary>Adds <paramref name="by"/> to the named count, starting from zero.</summary>
    public void Count(string name, long by = 1)
    {
        lock (counts)
        {
            counts[name] = counts.GetValueOrDefault(name) + by;
        }
    }

    internal void Error(string message) => Write(JobLogLevel.Error, message);

    /// <summary>The lines to store with the run, ending with a note when some were left out.</summary>
    internal IReadOnlyList<JobRunLogLine> StoredLines()
    {
        lock (lines)
        {
            return droppedLines == 0
                ? [.. lines]
                : [.. lines, new JobRunLogLine(clock.GetUtcNow().UtcDateTime, JobLogLevel.Warning,
                    $"{droppedLines} more line(s) were written to the portal's log only.")];
        }
    }

    private void Write(JobLogLevel level, string message)
    {
        logger.Log(level switch
        {
            JobLogLevel.Warning => LogLevel.Warning,
            JobLogLevel.Error => LogLevel.Error,
            _ => LogLevel.Information,
        }, "Job {Job} run {RunId}: {Message}", JobName, RunId, message);
        lock (lines)
        {
            if (lines.Count < MaxStoredLines)
            {
                lines.Add(new JobRunLogLine(clock.GetUtcNow().UtcDateTime, level, message));
            }
            else
            {
                droppedLines++;
            }
        }
    }
}

/// <summary>Who or what started a run, and the trigger in words.</summary>
public sealed record JobStart(JobStarter StartedBy, string? Email, string Trigger)
{
    public static JobStart Cli { get; } = new(JobStarter.Cli, null, "jobs run");
}
