using FluentValidation;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Schedules;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Enrollments;

/// <summary>
/// Enrollment events from the LMS. Idempotent: the same event twice gives the same enrollment, reported unchanged.
/// Each event runs in one write transaction, so two copies arriving together cannot both create the learner.
/// </summary>
public sealed class EnrollmentService(
    IDbContextFactory<PortalDbContext> contexts,
    IValidator<EnrollmentEvent> enrollValidator,
    IValidator<DeactivationEvent> deactivateValidator,
    ScheduleCreator schedules,
    TimeProvider clock,
    ILogger<EnrollmentService> logger)
{
    public async Task<ServiceResult<EnrollmentOutcome>> EnrollAsync(EnrollmentEvent request, CancellationToken cancellationToken = default)
    {
        var checks = new ValidationContext<EnrollmentEvent>(request);
        var validation = enrollValidator.Validate(checks);
        if (!validation.IsValid)
        {
            return ServiceResult<EnrollmentOutcome>.Fail(validation.ToApiErrors());
        }
        // The domain's own forms (trimmed, lower-cased where it says), as the validator parsed them, so look-ups find what it stores.
        request = request with
        {
            Username = checks.Parsed<EnrollmentEvent, string>(nameof(EnrollmentEvent.Username)),
            Email = checks.Parsed<EnrollmentEvent, string>(nameof(EnrollmentEvent.Email)),
            CourseKey = checks.Parsed<EnrollmentEvent, CourseKey>(nameof(EnrollmentEvent.CourseKey)).ToString(),
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var created = request.Created?.AsUtc() ?? now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Key == request.CourseKey, cancellationToken);
        if (course is null)
        {
            return new ServiceError(ErrorKind.NotFound, "course_key", $"No course has the key {request.CourseKey}: publish it first (PUT /api/courses/{{key}}).");
        }
        var mode = checks.Parsed<EnrollmentEvent, string>(nameof(EnrollmentEvent.Mode));
        if (course.Modes.Count > 0 && course.Modes.All(m => m.Slug != mode))
        {
            return new ServiceError(ErrorKind.Invalid, "mode", $"The course has no '{mode}' mode; its modes are {string.Join(", ", course.Modes.Select(m => m.Slug))}.");
        }
        var learner = await FindOrCreateLearnerAsync(db, request, created, cancellationToken);
        if (!learner.Succeeded)
        {
            return ServiceResult<EnrollmentOutcome>.Fail(learner.Errors);
        }
        var (found, learnerCreated) = learner.Value!;
        var enrollment = found.Id == 0 ? null
            : await db.Enrollments.SingleOrDefaultAsync(e => e.LearnerId == found.Id && e.CourseId == course.Id, cancellationToken);
        var change = EnrollmentChange.Unchanged;
        if (enrollment is null)
        {
            await db.SaveChangesAsync(cancellationToken); // gives a new learner its id
            enrollment = db.Enrollments.Add(new Enrollment(found.Id, course.Id, mode, created)).Entity;
            change = EnrollmentChange.Created;
        }
        else if (!enrollment.IsActive || enrollment.Mode != mode)
        {
            enrollment.Activate();
            enrollment.ChangeMode(mode);
            change = EnrollmentChange.Updated;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (change != EnrollmentChange.Unchanged)
        {
            logger.LogInformation("Enrollment of {Username} in {Course} {Change} ({Mode})", found.Username, course.Key, change, mode);
        }
        // After the commit: whatever happens to the schedule, the enrollment stands.
        var schedule = await schedules.DecideAsync(enrollment.Id, cancellationToken);
        return new EnrollmentOutcome(enrollment.Id, found.Username, course.Key, enrollment.Mode, enrollment.IsActive,
            enrollment.CreatedUtc, change, learnerCreated)
        {
            Schedule = schedule.Schedule is { } s ? new EnrollmentSchedule(s.StartUtc, s.UpgradeDeadlineUtc, s.Experience) : null,
            ScheduleSkippedReason = schedule.Skipped,
        };
    }

    public async Task<ServiceResult<EnrollmentOutcome>> DeactivateAsync(DeactivationEvent request, CancellationToken cancellationToken = default)
    {
        var checks = new ValidationContext<DeactivationEvent>(request);
        var validation = deactivateValidator.Validate(checks);
        if (!validation.IsValid)
        {
            return ServiceResult<EnrollmentOutcome>.Fail(validation.ToApiErrors());
        }
        request = request with
        {
            Username = checks.Parsed<DeactivationEvent, string>(nameof(DeactivationEvent.Username)),
            CourseKey = checks.Parsed<DeactivationEvent, CourseKey>(nameof(DeactivationEvent.CourseKey)).ToString(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await (
            from e in db.Enrollments
            join l in db.Learners on e.LearnerId equals l.Id
            join c in db.Courses on e.CourseId equals c.Id
            where l.Username == request.Username && c.Key == request.CourseKey
            select new { Enrollment = e, l.Username, c.Key }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new ServiceError(ErrorKind.NotFound, "username", $"{request.Username} is not enrolled in {request.CourseKey}.");
        }
        var change = found.Enrollment.IsActive ? EnrollmentChange.Updated : EnrollmentChange.Unchanged;
        found.Enrollment.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        if (change == EnrollmentChange.Updated)
        {
            logger.LogInformation("Enrollment of {Username} in {Course} deactivated", found.Username, found.Key);
        }
        var enrollment = found.Enrollment;
        return new EnrollmentOutcome(enrollment.Id, found.Username, found.Key, enrollment.Mode, enrollment.IsActive,
            enrollment.CreatedUtc, change, LearnerCreated: false);
    }

    /// <summary>The learner by username; a new one when unknown, unless another learner has the email.</summary>
    private static async Task<ServiceResult<(Learner Learner, bool Created)>> FindOrCreateLearnerAsync(
        PortalDbContext db, EnrollmentEvent request, DateTime joinedUtc, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.SingleOrDefaultAsync(l => l.Username == request.Username, cancellationToken);
        if (learner is not null)
        {
            return (learner, false);
        }
        var owner = await db.Learners.Where(l => l.Email == request.Email).Select(l => l.Username).FirstOrDefaultAsync(cancellationToken);
        if (owner is not null)
        {
            return new ServiceError(ErrorKind.Conflict, "email", $"The email {request.Email} belongs to the learner {owner}, not {request.Username}.");
        }
        learner = new Learner(request.Username!, request.Email!, request.Name ?? "", joinedUtc);
        db.Learners.Add(learner);
        return (learner, true);
    }
}
