using System.Text.Json;
using System.Text.Json.Nodes;
using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>The JSON a report sends: its counts, this platform's site id, the extra data and the report's creation time.</summary>
public sealed class SurveyPayloads(
    IDbContextFactory<PortalDbContext> contexts, IOptions<SurveyReportOptions> options, SurveyExtraData extraData, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<string> BuildAsync(DateTime createdUtc, SurveyCounts counts, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["site_id"] = await SiteIdAsync(cancellationToken),
            ["created"] = createdUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["courses_offered"] = counts.CoursesOffered,
            ["learners_active_last_4_weeks"] = counts.ActiveLearners,
            ["registered_learners"] = counts.RegisteredLearners,
            ["enrollments"] = counts.Enrollments,
            ["learners_with_passing_grade"] = counts.LearnersWithPassingGrade,
            ["extra_data"] = extraData.Read(),
        };
        return payload.ToJsonString(Indented);
    }

    /// <summary><c>SurveyReport:SiteId</c>, unless it is empty or <c>SurveyReport:Anonymous</c> is on: then the stored anonymous id.</summary>
    public async Task<string> SiteIdAsync(CancellationToken cancellationToken) =>
        !options.Value.Anonymous && !string.IsNullOrWhiteSpace(options.Value.SiteId)
            ? options.Value.SiteId.Trim()
            : (await AnonymousIdAsync(cancellationToken)).ToString();

    /// <summary>Created the first time and the same for ever after, also when two requests ask at once.</summary>
    private async Task<Guid> AnonymousIdAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SurveyInstallations.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing.AnonymousSiteId;
        }
        db.SurveyInstallations.Add(new SurveyInstallation(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConstraintViolation(e))
        {
            db.ChangeTracker.Clear();
        }
        return (await db.SurveyInstallations.AsNoTracking().SingleAsync(cancellationToken)).AnonymousSiteId;
    }
}
