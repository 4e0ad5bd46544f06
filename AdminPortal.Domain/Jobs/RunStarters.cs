using System.Globalization;

namespace AdminPortal.Domain.Jobs;

/// <summary>
/// Who started a run, as a person reads it: "the schedule (daily at 08:00 UTC)", "sam@example.org", "the command line".
/// Runs store the parts (starter, email, trigger) as data; this is the only place they become words.
/// </summary>
public static class RunStarters
{
    /// <param name="trigger">For the schedule, "{cron} ({time zone})" as the scheduler fired it, or another reason in words.</param>
    public static string Describe(JobStarter starter, string? email, string? trigger) => starter switch
    {
        JobStarter.User => string.IsNullOrWhiteSpace(email) ? "a person" : email,
        JobStarter.Cli => "the command line",
        _ => trigger is null ? "the schedule" : Schedule(trigger) is { } when ? $"the schedule ({when})" : trigger,
    };

    /// <summary>"daily at 08:00 UTC", "every minute", "hourly"; the expression itself when it is none of the common shapes.</summary>
    public static string? Schedule(string trigger)
    {
        var open = trigger.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || !trigger.EndsWith(')'))
        {
            return null;
        }
        var (cron, zone) = (trigger[..open], trigger[(open + 2)..^1]);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
        {
            return null;
        }
        var (second, minute, hour, day, month, weekday) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        var everyDay = day == "*" && month == "*" && weekday == "?" && fields.Length == 6 && second == "0";
        return everyDay switch
        {
            true when minute == "*" && hour == "*" => "every minute",
            true when minute == "0" && hour == "*" => "hourly",
            true when Number(minute) is { } m && hour == "*" => $"hourly at minute {m}",
            true when Number(minute) is { } m && Number(hour) is { } h => $"daily at {h:00}:{m:00} {zone}",
            _ => $"{cron} {zone}",
        };
    }

    private static int? Number(string field) => int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
