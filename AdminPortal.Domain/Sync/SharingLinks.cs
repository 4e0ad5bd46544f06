namespace AdminPortal.Domain.Sync;

public enum SharingSource
{
    Social,
    Marketing,
    About,
}

public sealed record SharingLink(string Url, SharingSource Source);

/// <summary>The settings that choose a course's sharing link: <c>Sharing:CustomCourseUrls</c> and <c>Sharing:MarketingSiteEnabled</c>.</summary>
public sealed record SharingSettings(bool CustomCourseUrls, bool MarketingSiteEnabled, string LmsRootUrl);

public static class SharingLinks
{
    /// <summary>
    /// The social-sharing URL when custom course URLs are on and the course has one; else the marketing URL when the
    /// marketing site is on and the course has one; else the LMS's about page of the course.
    /// </summary>
    public static SharingLink For(string courseKey, string? socialSharingUrl, string? marketingUrl, SharingSettings settings)
    {
        if (settings.CustomCourseUrls && !string.IsNullOrWhiteSpace(socialSharingUrl))
        {
            return new SharingLink(socialSharingUrl, SharingSource.Social);
        }
        if (settings.MarketingSiteEnabled && !string.IsNullOrWhiteSpace(marketingUrl))
        {
            return new SharingLink(marketingUrl, SharingSource.Marketing);
        }
        return new SharingLink($"{settings.LmsRootUrl.TrimEnd('/')}/courses/{courseKey}/about", SharingSource.About);
    }
}
