using AdminPortal.Data;
using AdminPortal.Domain.Sync;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Sync;

/// <summary>A course's public sharing link, from what is stored (no call to the catalog): anyone may ask.</summary>
public sealed class SharingLinkService(IDbContextFactory<PortalDbContext> contexts, IConfiguration configuration)
{
    public SharingSettings Settings => new(
        configuration.GetValue("Sharing:CustomCourseUrls", false),
        configuration.GetValue("Sharing:MarketingSiteEnabled", false),
        configuration["Lms:RootUrl"] ?? "http://localhost:8000");

    /// <returns>Null for an unknown course.</returns>
    public async Task<SharingLink?> ForAsync(string courseKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.IgnoreAutoIncludes().AsNoTracking().Where(c => c.Key == courseKey)
            .Select(c => new { c.Key, c.SocialSharingUrl, c.MarketingUrl }).SingleOrDefaultAsync(cancellationToken);
        return course is null ? null : SharingLinks.For(course.Key, course.SocialSharingUrl, course.MarketingUrl, Settings);
    }
}
