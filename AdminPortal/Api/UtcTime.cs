namespace AdminPortal.Api;

public static class UtcTime
{
    /// <summary>Times without an offset are taken as UTC, the portal's only zone.</summary>
    public static DateTime AsUtc(this DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
