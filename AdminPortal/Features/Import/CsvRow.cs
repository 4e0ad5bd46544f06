using System.Globalization;
using AdminPortal.Domain;

namespace AdminPortal.Features.Import;

/// <summary>
/// One data row of a CSV file. The typed readers record an error against the column and return a default, so one
/// pass finds every problem of the row.
/// </summary>
public sealed class CsvRow(long line, IReadOnlyDictionary<string, int> columns, string[] fields, ImportErrors errors)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK"];

    public long Line { get; } = line;

    public bool HasErrors { get; private set; }

    public string Raw(string column) => fields[columns[column]].Trim();

    public void Fail(string column, string message)
    {
        errors.Add(new ImportError(Line, column, message));
        HasErrors = true;
    }

    /// <summary>A required text checked by a domain rule, which normalizes it (trimmed, lower-cased where the rule says).</summary>
    public string Text(string column, Func<string, string> rule) => Parsed(column, rule) ?? "";

    /// <summary>A required value made by a domain rule (a course key from its text); null, with the row failed, when it cannot be.</summary>
    public T? Parsed<T>(string column, Func<string, T> rule) where T : class
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            Fail(column, "a value is required");
            return null;
        }
        try
        {
            return rule(value);
        }
        catch (DomainException e)
        {
            Fail(column, e.Message);
            return null;
        }
    }

    public string? OptionalText(string column, Func<string, string> rule) => Raw(column).Length == 0 ? null : Text(column, rule);

    public DateTime? Date(string column, bool required)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Fail(column, "a date is required, such as 2026-01-31 or 2026-01-31T14:00:00Z");
            }
            return null;
        }
        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }
        Fail(column, $"'{value}' is not a date such as 2026-01-31 or 2026-01-31T14:00:00Z");
        return null;
    }

    public bool Bool(string column, bool empty)
    {
        var value = Raw(column).ToLowerInvariant();
        switch (value)
        {
            case "":
                return empty;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                Fail(column, $"'{value}' is not true or false");
                return empty;
        }
    }

    public double? Number(string column, bool required)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Fail(column, "a number is required");
            }
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        Fail(column, $"'{value}' is not a number");
        return null;
    }

    public int Integer(string column, int empty)
    {
        var value = Raw(column);
        if (value.Length == 0)
        {
            return empty;
        }
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Fail(column, $"'{value}' is not a whole number");
        return empty;
    }

    /// <summary>Runs a domain rule on parsed values, recording its message against the column.</summary>
    public void Check(string column, Action rule)
    {
        try
        {
            rule();
        }
        catch (DomainException e)
        {
            Fail(column, e.Message);
        }
    }
}
