using Quartz;

namespace AdminPortal.Jobs;

/// <summary>The registered jobs with their schedules from configuration, checked once so a mistake stops the start.</summary>
public sealed class JobCatalog
{
    public const string DefaultTimeZone = "UTC";

    public JobCatalog(IEnumerable<JobDefinition> definitions, IConfiguration configuration)
    {
        var jobs = new List<ScheduledJob>();
        foreach (var definition in definitions)
        {
            if (jobs.Any(j => j.Name == definition.Name))
            {
                throw new JobConfigurationException($"Two jobs are registered as \"{definition.Name}\": job names must be unique.");
            }
            jobs.Add(new ScheduledJob(definition, ReadSchedule(definition, configuration)));
        }
        Jobs = [.. jobs.OrderBy(j => j.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ScheduledJob> Jobs { get; }

    public ScheduledJob? Find(string name) => Jobs.FirstOrDefault(j => j.Name == name);

    public static JobSchedule ReadSchedule(JobDefinition job, IConfiguration configuration)
    {
        var cron = configuration[job.CronKey] is { Length: > 0 } configured ? configured.Trim() : job.DefaultCron;
        try
        {
            _ = new CronExpression(cron);
        }
        catch (FormatException e)
        {
            throw new JobConfigurationException($"{job.CronKey} is not a valid cron expression (\"{cron}\"): {e.Message.TrimEnd('.')}. " +
                "Use Quartz's form with seconds first, such as \"0 30 3 * * ?\" for 03:30 every day.");
        }
        var zoneId = configuration[job.TimeZoneKey] is { Length: > 0 } zone ? zone.Trim() : DefaultTimeZone;
        try
        {
            return new JobSchedule(cron, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new JobConfigurationException(
                $"{job.TimeZoneKey} is not a known time zone (\"{zoneId}\"): use an IANA name such as \"UTC\" or \"Europe/Paris\".");
        }
    }
}

/// <summary>A job's configuration is wrong; the message names the setting to fix.</summary>
public sealed class JobConfigurationException(string message) : Hosting.PortalConfigurationException(message);
