using AdminPortal.Api;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Messaging;
using FluentValidation;

namespace AdminPortal.Features.Messaging;

/// <summary>The checks on a run asked for by a person, from the Messaging page or the command line.</summary>
public sealed class MessagingRequestValidator : AbstractValidator<MessagingRequest>
{
    public MessagingRequestValidator()
    {
        RuleFor(r => r.RunDate).Cascade(CascadeMode.Stop)
            .NotEqual(default(DateOnly)).WithMessage("Run date is required: a date such as 2026-12-01 (yyyy-MM-dd).")
            .InclusiveBetween(MessageTypes.EarliestRunDate, MessageTypes.LatestRunDate)
            .WithMessage($"Run date must be between {MessageTypes.EarliestRunDate:yyyy-MM-dd} and {MessageTypes.LatestRunDate:yyyy-MM-dd}.");
        When(r => r.OverrideRecipient is not null, () => RuleFor(r => r.OverrideRecipient).Satisfies(Learner.ValidEmail));
        RuleFor(r => r.Weeks).InclusiveBetween(1, MessageTypes.CourseUpdateWeeks)
            .WithMessage($"Weeks is between 1 and {MessageTypes.CourseUpdateWeeks}.");
        RuleFor(r => r.Weeks).Null().When(r => r.Kind != MessageKind.CourseUpdate).WithMessage("Weeks applies to course updates only.");
    }
}
