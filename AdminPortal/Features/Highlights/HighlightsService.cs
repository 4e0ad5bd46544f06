using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.Messaging.Emails;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Highlights;

public sealed record HighlightsSection(int Id, int Position, string Title, bool Hidden, IReadOnlyList<string> Highlights);

public sealed record HighlightsCourse(int Id, string Key, string Name, bool HighlightsEnabled, IReadOnlyList<HighlightsSection> Sections);

/// <summary>
/// Section highlights, edited by superusers for every course and by course authors for the courses assigned to them
/// (checked here, on the server, for every read and write).
/// </summary>
public sealed class HighlightsService(
    IDbContextFactory<PortalDbContext> contexts, CourseAssignmentService assignments, EmailRenderer renderer, ILogger<HighlightsService> logger)
{
    /// <summary>A superuser's search over every course, or an author's assigned courses.</summary>
    public const int MaxListed = 50;

    /// <summary>The first <see cref="MaxListed"/> courses the actor may edit, by key; Truncated when more match.</summary>
    public async Task<Page<AssignedCourse>> EditableCoursesAsync(PortalActor actor, string? term = null, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.EditHighlights);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = db.Courses.IgnoreAutoIncludes().AsNoTracking();
        if (!actor.Can(PortalPolicies.ManagePortal))
        {
            courses = courses.Where(c => db.CourseAssignments.Any(a => a.UserId == actor.Id && a.CourseId == c.Id));
        }
        var found = await courses.WhereKeyOrNameContains(term).OrderBy(c => c.Key).Take(MaxListed + 1).Select(c => new AssignedCourse(c.Id, c.Key, c.DisplayName)).ToListAsync(cancellationToken);
        return new Page<AssignedCourse>([.. found.Take(MaxListed)], Math.Min(found.Count, MaxListed), Truncated: found.Count > MaxListed);
    }

    /// <summary>The course with its sections in order; null when it does not exist. Throws when the actor may not edit it.</summary>
    public async Task<HighlightsCourse?> CourseAsync(int courseId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, courseId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.IgnoreAutoIncludes().AsNoTracking().SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return null;
        }
        var sections = await db.Sections.AsNoTracking().Where(s => s.CourseId == courseId).OrderBy(s => s.Position)
            .Select(s => new HighlightsSection(s.Id, s.Position, s.Title, s.HiddenFromToc, s.Highlights)).ToListAsync(cancellationToken);
        return new HighlightsCourse(course.Id, course.Key, course.DisplayName, course.HighlightsEnabled, sections);
    }

    public const string NoLongerAssigned =
        "You are no longer assigned to this course: your changes were not saved. Ask a superuser to assign it to you again.";

    public async Task<ServiceResult<IReadOnlyList<string>>> SaveAsync(
        int courseId, int sectionId, IReadOnlyList<string?> highlights, PortalActor actor, CancellationToken cancellationToken = default)
    {
        // The editor may have been open since before a superuser removed the author from the course: say so, do not fail.
        actor.Demand(PortalPolicies.EditHighlights);
        if (!await assignments.MayEditAsync(actor, courseId, cancellationToken))
        {
            return new ServiceError(ErrorKind.Forbidden, "course", NoLongerAssigned);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId && s.CourseId == courseId, cancellationToken);
        if (section is null)
        {
            return new ServiceError(ErrorKind.NotFound, "section", "This section is no longer in the course: reload the page.");
        }
        try
        {
            section.SetHighlights(highlights);
        }
        catch (DomainException e)
        {
            return new ServiceError(ErrorKind.Invalid, "highlights", e.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} set {Count} highlight(s) on section {SectionId} of course {CourseId}", actor.Name, section.Highlights.Count, sectionId, courseId);
        return ServiceResult.Of(section.Highlights);
    }

    public async Task SetEnabledAsync(int courseId, bool enabled, PortalActor actor, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, courseId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.HighlightsEnabled, enabled), cancellationToken);
        logger.LogInformation("{Actor} turned highlights for messaging {State} for course {CourseId} ({Changed} row)", actor.Name, enabled ? "on" : "off", courseId, changed);
    }

    /// <summary>
    /// The weekly email a learner would get for this section with these (unsaved) highlights, or why there is none. The
    /// week is the section's place among the visible sections that have highlights.
    /// </summary>
    public async Task<(RenderedEmail? Email, int? Week, string? WhyNone)> PreviewAsync(
        HighlightsCourse course, int sectionId, IReadOnlyList<string?> draft, PortalActor actor, CancellationToken cancellationToken = default)
    {
        await DemandAsync(actor, course.Id, cancellationToken);
        IReadOnlyList<string> highlights;
        try
        {
            highlights = Section.ValidHighlights(draft);
        }
        catch (DomainException e)
        {
            return (null, null, e.Message);
        }
        var sections = course.Sections.Select(s => new MessageSection(s.Title, s.Hidden, s.Id == sectionId ? highlights : s.Highlights)).ToList();
        var index = course.Sections.ToList().FindIndex(s => s.Id == sectionId);
        var section = sections[index];
        if (section.Hidden || section.Highlights.Count == 0)
        {
            return (null, null, section.Hidden
                ? "This section is hidden from the table of contents, so it has no week of its own."
                : "Without highlights this section has no weekly email: the weeks skip it.");
        }
        var week = sections.Take(index + 1).Count(s => !s.Hidden && s.Highlights.Count > 0);
        if (week > MessageTypes.CourseUpdateWeeks)
        {
            return (null, week, $"This is week {week}; course updates are sent for weeks 1 to {MessageTypes.CourseUpdateWeeks} only.");
        }
        var message = new ResolvedMessage(new MessageTarget(MessageTypes.CourseUpdate, DateOnly.MinValue, week), 0, "learner", "learner@example.org",
            "A learner", "en", [new MessageCourseRef(course.Id, course.Key, course.Name)], highlights, null, null, false);
        var rendered = (await renderer.RenderAsync([(message, Guid.Empty)]))[0];
        if (rendered.Email is null)
        {
            return (null, week, $"The weekly email could not be rendered: {rendered.Error}");
        }
        var note = course.HighlightsEnabled ? null : "Highlights are not enabled for messaging in this course: turn them on for the emails to go out.";
        return (rendered.Email, week, note);
    }

    private async Task DemandAsync(PortalActor actor, int courseId, CancellationToken cancellationToken)
    {
        actor.Demand(PortalPolicies.EditHighlights);
        if (!await assignments.MayEditAsync(actor, courseId, cancellationToken))
        {
            throw new PortalForbiddenException(actor, PortalPolicies.EditHighlights);
        }
    }
}
