using System.Globalization;

namespace AdminPortal.Data;

/// <summary>Values as a raw query returns them, read the same whichever provider returned them.</summary>
public static class StoredValues
{
    /// <summary>A UTC time: text on SQLite, a time on the server databases.</summary>
    public static DateTime Time(object value) => DateTime.SpecifyKind(
        value is string text ? DateTime.Parse(text, CultureInfo.InvariantCulture) : Convert.ToDateTime(value, CultureInfo.InvariantCulture),
        DateTimeKind.Utc);
}
