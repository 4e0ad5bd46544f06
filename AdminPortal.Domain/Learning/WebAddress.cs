namespace AdminPortal.Domain.Learning;

public static class WebAddress
{
    /// <summary>An absolute http(s) address, or null for an empty one.</summary>
    public static string? ValidOrNull(string? url, string what)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        url = url.Trim();
        return url.Length <= 2000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? url
            : throw new DomainException($"The {what} must be an absolute http or https address: '{url}' is not.");
    }
}
