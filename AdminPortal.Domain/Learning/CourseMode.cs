using System.Text.RegularExpressions;

namespace AdminPortal.Domain.Learning;

/// <summary>A way to take a course (audit, verified, ...); the verified one may expire, ending upgrades.</summary>
public sealed partial class CourseMode
{
    private CourseMode()
    {
    }

    internal CourseMode(string slug, DateTime? expirationUtc)
    {
        Slug = slug;
        ExpirationUtc = expirationUtc;
    }

    public int CourseId { get; private set; }
    public string Slug { get; private set; } = "";
    public DateTime? ExpirationUtc { get; private set; }

    internal void ExpireAt(DateTime? expirationUtc) => ExpirationUtc = expirationUtc;

    public static string ValidSlug(string slug)
    {
        slug = slug.Trim().ToLowerInvariant();
        return SlugPattern().IsMatch(slug) ? slug : throw new DomainException($"'{slug}' is not a course mode such as audit or verified.");
    }

    [GeneratedRegex(@"^[a-z][a-z0-9\-_]{0,49}$")]
    private static partial Regex SlugPattern();
}
