namespace AdminPortal.Domain.Jobs;

/// <summary>A line a job wrote about its run, kept with the run for its detail page.</summary>
public sealed class JobRunLogLine
{
    public const int MaxMessageLength = 2000;

    private JobRunLogLine()
    {
    }

    public JobRunLogLine(DateTime atUtc, JobLogLevel level, string message)
    {
        AtUtc = atUtc;
        Level = level;
        Message = message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
    }

    public long Id { get; private set; }

    public long JobRunId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public JobLogLevel Level { get; private set; }

    public string Message { get; private set; } = "";
}
