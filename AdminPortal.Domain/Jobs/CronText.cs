using System.Globalization;

namespace AdminPortal.Domain.Jobs;

/// <summary>
/// A Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]) in words, for the shapes the
/// portal's jobs use: every minute, every N minutes, hourly, daily, on weekdays, on days of chosen months. Any other shape
/// has no words (null), and the expression alone is shown.
/// </summary>
public static class CronText
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MON"] = "Monday", ["TUE"] = "Tuesday", ["WED"] = "Wednesday", ["THU"] = "Thursday", ["FRI"] = "Friday",
        ["SAT"] = "Saturday", ["SUN"] = "Sunday", ["2"] = "Monday", ["3"] = "Tuesday", ["4"] = "Wednesday", ["5"] = "Thursday",
        ["6"] = "Friday", ["7"] = "Saturday", ["1"] = "Sunday",
    };

    public static string? Describe(string cron, string timeZone)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is not (6 or 7) || f[0] != "0" || (f.Length == 7 && f[6] != "*"))
        {
            return null;
        }
        var (minute, hour, dayOfMonth, month, dayOfWeek) = (f[1], f[2], f[3], f[4], f[5]);
        var everyDay = dayOfMonth is "*" or "?" && month == "*" && dayOfWeek is "*" or "?";
        if (hour == "*" && everyDay)
        {
            return minute switch
            {
                "*" => "every minute",
                _ when minute.StartsWith("0/", StringComparison.Ordinal) && Number(minute[2..], 1, 59) is { } step => $"every {step} minutes",
                _ when Number(minute, 0, 59) is { } m => m == 0 ? "hourly, on the hour" : $"hourly at {m:00} minutes past",
                _ => null,
            };
        }
        if (Number(hour, 0, 23) is not { } h || Number(minute, 0, 59) is not { } min)
        {
            return null;
        }
        var at = $"at {h:00}:{min:00} {timeZone}";
        if (everyDay)
        {
            return $"daily {at}";
        }
        if (dayOfMonth == "?" && month == "*" && WeekDays(dayOfWeek) is { } days)
        {
            return $"{days} {at}";
        }
        if (dayOfWeek == "?" && Number(dayOfMonth, 1, 31) is { } day && MonthNames(month) is { } months)
        {
            return $"on the {Ordinal(day)} of {months} {at}";
        }
        return null;
    }

    private static string? WeekDays(string field)
    {
        if (field.Equals("MON-FRI", StringComparison.OrdinalIgnoreCase) || field == "2-6")
        {
            return "on weekdays";
        }
        var names = field.Split(',').Select(d => Days.GetValueOrDefault(d)).ToList();
        return names.Any(n => n is null) ? null : $"every {Join(names!)}";
    }

    private static string? MonthNames(string field)
    {
        if (field == "*")
        {
            return "every month";
        }
        var numbers = field.Split(',').Select(m => Number(m, 1, 12)).ToList();
        return numbers.Any(n => n is null) ? null : Join(numbers.Select(n => Months[n!.Value - 1]).ToList());
    }

    private static string Join(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} and {words[^1]}";

    private static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch
    {
        1 => $"{n}st",
        2 => $"{n}nd",
        3 => $"{n}rd",
        _ => $"{n}th",
    };
}
