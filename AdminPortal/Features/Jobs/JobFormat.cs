using System.Globalization;
using AdminPortal.Domain.Jobs;

namespace AdminPortal.Features.Jobs;

internal static class JobFormat
{
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "running",
        { TotalSeconds: < 60 } d => d.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes} min",
    };

    public static string TimeOfDay(DateTime utc) => utc.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>The schedule in words ("daily at 08:00 UTC"), or null for a shape that has none.</summary>
    public static string? Schedule(JobSummary job) => CronText.Describe(job.Cron, job.TimeZone);
}
