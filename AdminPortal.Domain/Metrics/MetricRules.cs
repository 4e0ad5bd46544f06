using System.Globalization;

namespace AdminPortal.Domain.Metrics;

public static class MetricRules
{
    public const int MaxBackfillDays = 366;

    /// <summary>The day to compute: none or today is yesterday (today is not over); a past day is itself; a future day is refused.</summary>
    public static DateOnly DayFor(DateOnly? asked, DateOnly today)
    {
        if (asked is null || asked == today)
        {
            return today.AddDays(-1);
        }
        return asked < today ? asked.Value : throw new DomainException($"{Text(asked.Value)} is in the future: metrics are computed for days that are over.");
    }

    /// <summary>A backfill: both ends by the day rule, in order, at most a year.</summary>
    public static IReadOnlyList<DateOnly> Range(DateOnly from, DateOnly to, DateOnly today)
    {
        var (first, last) = (DayFor(from, today), DayFor(to, today));
        if (first > last)
        {
            throw new DomainException($"The range starts ({Text(first)}) after it ends ({Text(last)}).");
        }
        var days = last.DayNumber - first.DayNumber + 1;
        return days <= MaxBackfillDays
            ? Enumerable.Range(0, days).Select(first.AddDays).ToList()
            : throw new DomainException($"A backfill covers at most {MaxBackfillDays} days, not {days}.");
    }

    /// <summary>Month over month: "new" when the value before was zero, never N/A or infinity; "no data" when that day was never computed.</summary>
    public static string Change(double current, double? previous) => (current, previous) switch
    {
        (_, null) => "no data",
        (0, 0) => "no change",
        (_, 0) => "new",
        _ => ((current - previous.Value) / previous.Value).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture),
    };

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
