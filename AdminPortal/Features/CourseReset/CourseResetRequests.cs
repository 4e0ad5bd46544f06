using AdminPortal.Api;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using FluentValidation;

namespace AdminPortal.Features.CourseReset;

/// <summary>A reset as the HTTP API asks for it (as in Open edX): the course's key and the reason, which it calls comment.</summary>
public sealed record ResetRequest(string? CourseId, string? Comment);

/// <summary>A reset as the reset tab asks for it: the learner and the course it shows, and the reason.</summary>
public sealed record ResetOrder(int LearnerId, int CourseId, string? Reason)
{
    /// <summary>Settable, so the reset dialog's form binds its reason field to it (and the validator reads it there).</summary>
    public string? Reason { get; set; } = Reason;
}

/// <summary>The checks on the API's reset request.</summary>
public sealed class ResetRequestValidator : AbstractValidator<ResetRequest>
{
    public const string MissingCourse = "Must specify course id";

    public ResetRequestValidator()
    {
        RuleFor(r => r.CourseId).NotEmpty().WithMessage(MissingCourse)
            .DependentRules(() => RuleFor(r => r.CourseId).Satisfies(CourseKey.Parse));
        RuleFor(r => r.Comment).Satisfies(CourseResetRules.ValidReason);
    }
}

/// <summary>The checks on the reset tab's order: the same reason rule as the API's.</summary>
public sealed class ResetOrderValidator : AbstractValidator<ResetOrder>
{
    public ResetOrderValidator() => RuleFor(r => r.Reason).Satisfies(CourseResetRules.ValidReason);
}

public sealed record ResetLearner(int Id, string Username, string Email, string Name);

/// <summary>A row of the reset tab (and of the API's answer): one active enrollment in an actively opted-in course.</summary>
public sealed record ResetRow(
    int CourseId, string CourseKey, string DisplayName, ResetFacts Facts, CourseResetAudit? LatestAudit, ResetEligibility Eligibility)
{
    public bool CanReset => Eligibility.CanReset;

    public string Status => Eligibility.Status;

    /// <summary>The same row once its latest reset changed (the live status): nothing but the audit is read again.</summary>
    public ResetRow With(CourseResetAudit? latest, DateTime nowUtc) =>
        this with { LatestAudit = latest, Eligibility = CourseResetRules.Evaluate(Facts, latest, nowUtc) };
}

/// <param name="Learner">Null when nobody has that username or email.</param>
public sealed record ResetLookup(string Query, ResetLearner? Learner, IReadOnlyList<ResetRow> Rows);

/// <summary>The API's row: <c>{course_id, display_name, can_reset, status, comment}</c>.</summary>
public sealed record ResetApiRow(string CourseId, string DisplayName, bool CanReset, string Status, string Comment)
{
    public static ResetApiRow From(ResetRow row) => new(row.CourseKey, row.DisplayName, row.CanReset, row.Status, row.LatestAudit?.Reason ?? "");
}
