using System.Globalization;

namespace AdminPortal.Components.Shared;

/// <summary>Times are stored and shown in UTC, labelled so, to avoid guessing the viewer's zone.</summary>
public static class PortalFormat
{
    public static string Utc(DateTime? utc) =>
        utc is null ? "never" : utc.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? value) => Utc(value?.UtcDateTime);

    public static string Date(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
