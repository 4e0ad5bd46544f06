using System.ComponentModel.DataAnnotations;

namespace AdminPortal.Jobs;

/// <summary>The "Jobs" section; each job's schedule lives beside these, under <c>Jobs:&lt;name&gt;:Cron</c> and <c>:TimeZone</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Names this portal's rows in the job store; two schedulers in one process need different names. No dots: it also
    /// names the scheduler's data source inside Quartz's dotted settings.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string SchedulerName { get; init; } = "AdminPortal";

    /// <summary>How long stopping the portal waits for running jobs to finish.</summary>
    [Range(1, 3600)]
    public int ShutdownSeconds { get; init; } = 30;

    /// <summary>Job runs older than this are pruned by the database-maintenance job.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; init; } = 90;
}
