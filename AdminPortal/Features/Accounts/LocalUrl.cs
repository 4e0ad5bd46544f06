namespace AdminPortal.Features.Accounts;

public static class LocalUrl
{
    /// <summary>The return address when it stays on this site, else the dashboard: no open redirect after sign-in.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) &&
        !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
