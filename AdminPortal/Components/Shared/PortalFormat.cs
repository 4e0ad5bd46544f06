using System.Globalization;

namespace AdminPortal.Components.Shared;

/// <summary>Times are stored and shown in UTC, labelled so, to avoid guessing the viewer's zone.</summary>
public static class PortalFormat
{
    private const string IsoDay = "yyyy-MM-dd";

    /// <summary>"2026-12-06 18:20 UTC"; "never" for no time, and for DateTime's default, which a record never set holds.</summary>
    public static string Utc(DateTime? utc) =>
        utc is null || utc.Value == default ? "never" : utc.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset? value) => Utc(value?.UtcDateTime);

    public static string Date(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString(IsoDay, CultureInfo.InvariantCulture);

    /// <summary>A day as it is entered and kept in addresses: "2026-12-06".</summary>
    public static string Day(DateOnly day) => day.ToString(IsoDay, CultureInfo.InvariantCulture);

    /// <summary>A day picked in a date field, as <see cref="Day(DateOnly)"/> writes it; null for none.</summary>
    public static string? Day(DateTime? picked) => picked is { } day ? Day(DateOnly.FromDateTime(day)) : null;

    /// <summary>A day written yyyy-MM-dd; null for anything else.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, IsoDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
