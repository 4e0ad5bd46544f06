namespace AdminPortal.Email;

/// <summary>Settings the emails need: <c>Messaging:PlatformName</c>, <c>Lms:RootUrl</c>, <c>Messaging:TrackingUrl</c>.</summary>
public sealed class EmailOptions
{
    public string PlatformName { get; set; } = "Open Learning";

    /// <summary>The LMS the links lead to.</summary>
    public string LmsRootUrl { get; set; } = "http://localhost:8000";

    /// <summary>This portal's public address, for the open-tracking pixel.</summary>
    public string TrackingUrl { get; set; } = "http://localhost:5000";
}
