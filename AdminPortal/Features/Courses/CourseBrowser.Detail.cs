using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Courses;

public sealed record CourseDetail(
    int Id,
    string Key,
    string DisplayName,
    string Org,
    string? SiteDomain,
    DateTime StartUtc,
    DateTime? EndUtc,
    bool SelfPaced,
    string Language,
    IReadOnlyList<ModeRow> Modes,
    string? MarketingUrl,
    string? SocialSharingUrl,
    bool FinancialAidEnabled,
    bool HighlightsEnabled,
    IReadOnlyList<SectionRow> Sections,
    EnrollmentCounts Enrollments,
    IReadOnlyList<string> Authors);

public sealed record ModeRow(string Slug, DateTime? ExpirationUtc);

public sealed record SectionRow(int Id, string BlockId, int Position, string Title, bool Hidden, IReadOnlyList<string> Highlights);

public sealed record EnrollmentCounts(int Active, int Inactive, IReadOnlyDictionary<string, int> ActiveByMode, int Passing, int Certificates);

public sealed partial class CourseBrowser
{
    public async Task<CourseDetail?> DetailAsync(int id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (course is null)
        {
            return null;
        }
        var site = course.SiteId is null ? null
            : await db.Sites.Where(s => s.Id == course.SiteId).Select(s => s.Domain).SingleOrDefaultAsync(cancellationToken);
        var sections = await db.Sections.AsNoTracking().Where(s => s.CourseId == id).OrderBy(s => s.Position)
            .Select(s => new SectionRow(s.Id, s.BlockId, s.Position, s.Title, s.HiddenFromToc, s.Highlights))
            .ToListAsync(cancellationToken);
        var byMode = await db.Enrollments.Where(e => e.CourseId == id).GroupBy(e => new { e.Mode, e.IsActive })
            .Select(g => new { g.Key.Mode, g.Key.IsActive, Count = g.Count() }).ToListAsync(cancellationToken);
        var passing = await db.CourseGrades.CountAsync(g => g.CourseId == id && g.PassedAtUtc != null, cancellationToken);
        var certificates = await db.Certificates.CountAsync(c => c.CourseId == id, cancellationToken);
        var authors = await (
            from a in db.CourseAssignments
            join u in db.Users on a.UserId equals u.Id
            where a.CourseId == id
            orderby u.Email
            select u.Email!).ToListAsync(cancellationToken);
        var counts = new EnrollmentCounts(
            byMode.Where(m => m.IsActive).Sum(m => m.Count),
            byMode.Where(m => !m.IsActive).Sum(m => m.Count),
            byMode.Where(m => m.IsActive).ToDictionary(m => m.Mode, m => m.Count),
            passing,
            certificates);
        return new CourseDetail(course.Id, course.Key, course.DisplayName, course.Org, site, course.StartUtc, course.EndUtc,
            course.SelfPaced, course.Language, course.Modes.OrderBy(m => m.Slug).Select(m => new ModeRow(m.Slug, m.ExpirationUtc)).ToList(),
            course.MarketingUrl, course.SocialSharingUrl, course.FinancialAidEnabled, course.HighlightsEnabled, sections, counts, authors);
    }
}
