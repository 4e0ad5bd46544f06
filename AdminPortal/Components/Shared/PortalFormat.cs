using System.Globalization;

namespace AdminPortal.Components.Shared;

/// <summary>Times are stored and shown in UTC, labelled so, to avoid guessing the viewer's zone.</summary>
public static class PortalFormat
{
    /// <summary>"2026-12-06 18:20 UTC"; "never" for no time, and for DateTime's default, which a record never set holds.</summary>
    public static string Utc(DateTime? utc) =>
        utc is null || utc.Value == default ? "never" : utc.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? value) => Utc(value?.UtcDateTime);

    public static string Date(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
