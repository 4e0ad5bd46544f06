using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace AdminPortal.Jobs;

/// <summary>The "Jobs" section; each job's schedule lives beside these, under <c>Jobs:&lt;name&gt;:Cron</c> and <c>:TimeZone</c>.</summary>
public sealed partial class JobsOptions
{
    public const string Section = "Jobs";
    public const string SchedulerNameKey = $"{Section}:{nameof(SchedulerName)}";
    public const string DefaultSchedulerName = "AdminPortal";

    /// <summary>Names this portal's rows in the job store (Quartz's SCHED_NAME), and its scheduler in the container.</summary>
    [Required, RegularExpression(SchedulerNamePattern)]
    public string SchedulerName { get; init; } = DefaultSchedulerName;

    /// <summary>How long stopping the portal waits for running jobs to finish.</summary>
    [Range(1, 3600)]
    public int ShutdownSeconds { get; init; } = 30;

    /// <summary>Job runs older than this are pruned by the database-maintenance job.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; init; } = 90;

    private const string SchedulerNamePattern = "^[A-Za-z0-9_-]{1,100}$";

    /// <summary>The scheduler's name, needed when the services are registered (Quartz registers a named scheduler under it).</summary>
    public static string SchedulerNameIn(IConfiguration configuration)
    {
        var name = configuration[SchedulerNameKey] is { Length: > 0 } configured ? configured : DefaultSchedulerName;
        return SchedulerNameRule().IsMatch(name)
            ? name
            : throw new JobConfigurationException($"{SchedulerNameKey} (\"{name}\") must be 1 to 100 letters, digits, '-' or '_'.");
    }

    [GeneratedRegex(SchedulerNamePattern)]
    private static partial Regex SchedulerNameRule();
}
