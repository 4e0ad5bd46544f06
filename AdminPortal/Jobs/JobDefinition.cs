using System.Text.RegularExpressions;

namespace AdminPortal.Jobs;

/// <summary>A job as a feature registers it; its schedule comes from configuration (<see cref="JobCatalog"/>).</summary>
/// <param name="KeepIdleRuns">
/// False for a job that runs every minute or so: a run that counted nothing and logged nothing is not kept, so the runs
/// that did something are not buried under a thousand empty ones a day.
/// </param>
public sealed partial record JobDefinition(string Name, Type JobType, string DefaultCron, string Description, bool KeepIdleRuns = true)
{
    public static JobDefinition Create<TJob>(string name, string defaultCron, string description, bool keepIdleRuns = true) where TJob : IPortalJob
    {
        if (!JobName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Job name \"{name}\" must be lower-case words joined by hyphens, such as \"database-maintenance\".", nameof(name));
        }
        return new JobDefinition(name, typeof(TJob), defaultCron, description, keepIdleRuns);
    }

    public string CronKey => $"{JobsOptions.Section}:{Name}:Cron";

    public string TimeZoneKey => $"{JobsOptions.Section}:{Name}:TimeZone";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex JobName();
}

/// <summary>When a job runs: a Quartz cron expression read in a time zone.</summary>
public sealed record JobSchedule(string Cron, TimeZoneInfo TimeZone)
{
    public override string ToString() => $"{Cron} ({TimeZone.Id})";
}

/// <summary>A registered job with the schedule configuration gives it.</summary>
public sealed record ScheduledJob(JobDefinition Definition, JobSchedule Schedule)
{
    public string Name => Definition.Name;
}
