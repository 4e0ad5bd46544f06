using FluentValidation;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Schedules;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Courses;

/// <summary>
/// Creates or updates a course from the LMS's publish event. Sections are matched by their id. A section the outline
/// no longer has is removed, unless authors wrote highlights for it: then it is hidden, highlights kept, since a publish
/// never loses what was entered in the portal. A list left out of the event (modes, sections) leaves what is stored.
/// </summary>
public sealed class CoursePublishService(
    IDbContextFactory<PortalDbContext> contexts,
    IValidator<CoursePublish> validator,
    ScheduleRecompute schedules,
    ILogger<CoursePublishService> logger)
{
    public async Task<ServiceResult<PublishOutcome>> PublishAsync(string key, CoursePublish request, CancellationToken cancellationToken = default)
    {
        if (!CourseKey.TryParse(key, out var courseKey, out var keyError))
        {
            return new ServiceError(ErrorKind.Invalid, "key", $"'{key}' is not a course key: {keyError}.");
        }
        var checks = new ValidationContext<CoursePublish>(request);
        var validation = validator.Validate(checks);
        if (!validation.IsValid)
        {
            return ServiceResult<PublishOutcome>.Fail(validation.ToApiErrors());
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int? siteId = null;
        if (!string.IsNullOrWhiteSpace(request.Site))
        {
            siteId = await db.Sites.Where(s => s.Domain == request.Site.Trim().ToLower()).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken);
            if (siteId is null)
            {
                return new ServiceError(ErrorKind.NotFound, "site", $"No site has the domain {request.Site}: create it first (sites set --domain ...).");
            }
        }
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Key == key, cancellationToken);
        var created = course is null;
        var startBefore = course?.StartUtc;
        course ??= db.Courses.Add(new Course(courseKey, request.DisplayName!, request.Start!.Value.AsUtc())).Entity;
        course.Rename(request.DisplayName!);
        course.Reschedule(request.Start!.Value.AsUtc(), request.End?.AsUtc());
        course.Publish(siteId, request.SelfPaced ?? course.SelfPaced, request.Language ?? course.Language);
        if (request.Modes is not null)
        {
            course.SetModes(request.Modes.Select(m => (m.Mode!, m.Expiration?.AsUtc())));
        }
        await db.SaveChangesAsync(cancellationToken);
        var sections = request.Sections is null ? new SectionSync(0, 0, 0, 0) : await SyncSectionsAsync(db, course.Id, request.Sections, checks, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (startBefore is { } before && before != course.StartUtc)
        {
            await schedules.ForCourseAsync(db, course.Id, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Course {Course} {Change} by a publish: sections {Sections}", course.Key, created ? "created" : "updated", sections);
        return new PublishOutcome(course.Key, created, sections.Added, sections.Updated, sections.Removed, sections.Hidden);
    }

    private sealed record SectionSync(int Added, int Updated, int Removed, int Hidden);

    /// <param name="checks">The validated request, which holds each section's id as the domain parsed it.</param>
    private static async Task<SectionSync> SyncSectionsAsync(
        PortalDbContext db, int courseId, IReadOnlyList<SectionPublish> published, ValidationContext<CoursePublish> checks, CancellationToken cancellationToken)
    {
        var existing = await db.Sections.Where(s => s.CourseId == courseId).ToDictionaryAsync(s => s.BlockId, cancellationToken);
        int added = 0, updated = 0;
        foreach (var (section, index) in published.Select((section, index) => (section, index)))
        {
            var id = checks.Parsed<CoursePublish, string>($"{nameof(CoursePublish.Sections)}[{index}].{nameof(SectionPublish.Id)}");
            if (existing.Remove(id, out var current))
            {
                var before = (current.Position, current.Title, current.HiddenFromToc);
                current.Update(section.Position!.Value, section.Title!, section.Hidden ?? false);
                updated += before == (current.Position, current.Title, current.HiddenFromToc) ? 0 : 1;
            }
            else
            {
                db.Sections.Add(new Section(courseId, id, section.Position!.Value, section.Title!, section.Hidden ?? false));
                added++;
            }
        }
        var (keep, remove) = (existing.Values.Where(s => s.HasHighlights).ToList(), existing.Values.Where(s => !s.HasHighlights).ToList());
        foreach (var retired in keep.Where(s => !s.HiddenFromToc))
        {
            retired.Update(retired.Position, retired.Title, hidden: true);
        }
        db.Sections.RemoveRange(remove);
        return new SectionSync(added, updated, remove.Count, keep.Count);
    }
}
