using AdminPortal.Api;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Schedules;
using FluentValidation;

namespace AdminPortal.Features.Enrollments;

/// <summary>The LMS's enrollment event, as POST /api/enrollments receives it.</summary>
public sealed record EnrollmentEvent(string? Username, string? Email, string? Name, string? CourseKey, string? Mode, DateTime? Created);

/// <summary>POST /api/enrollments/deactivate.</summary>
public sealed record DeactivationEvent(string? Username, string? CourseKey);

public enum EnrollmentChange
{
    Created,
    Updated,
    Unchanged,
}

public sealed record EnrollmentOutcome(
    int EnrollmentId, string Username, string CourseKey, string Mode, bool Active, DateTime Created, EnrollmentChange Change, bool LearnerCreated)
{
    /// <summary>The enrollment's schedule, or null with <see cref="ScheduleSkippedReason"/>.</summary>
    public EnrollmentSchedule? Schedule { get; init; }

    public ScheduleSkipReason? ScheduleSkippedReason { get; init; }
}

public sealed record EnrollmentSchedule(DateTime Start, DateTime? UpgradeDeadline, ScheduleExperience Experience);

public sealed class EnrollmentEventValidator : AbstractValidator<EnrollmentEvent>
{
    public EnrollmentEventValidator()
    {
        RuleFor(e => e.Username).Satisfies(Learner.ValidUsername);
        RuleFor(e => e.Email).Satisfies(Learner.ValidEmail);
        RuleFor(e => e.Name).MaximumLength(255).WithMessage("A name has at most 255 characters.").NoControlCharacters("A name");
        RuleFor(e => e.CourseKey).Satisfies(CourseKey.Parse);
        RuleFor(e => e.Mode).Satisfies(CourseMode.ValidSlug);
    }
}

public sealed class DeactivationEventValidator : AbstractValidator<DeactivationEvent>
{
    public DeactivationEventValidator()
    {
        RuleFor(e => e.Username).Satisfies(Learner.ValidUsername);
        RuleFor(e => e.CourseKey).Satisfies(CourseKey.Parse);
    }
}
