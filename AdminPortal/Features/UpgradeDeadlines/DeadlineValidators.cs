using AdminPortal.Domain.UpgradeDeadlines;
using FluentValidation;

namespace AdminPortal.Features.UpgradeDeadlines;

public sealed class GlobalDeadlineValidator : AbstractValidator<GlobalDeadlineConfig>
{
    public GlobalDeadlineValidator() => RuleFor(c => c.DeadlineDays).MustBeDeadlineDays();
}

public sealed class DeadlineOverrideValidator : AbstractValidator<DeadlineOverride>
{
    public DeadlineOverrideValidator() => RuleFor(c => c.DeadlineDays).MustBeDeadlineDays();
}

internal static class DeadlineDaysRule
{
    public static IRuleBuilderOptions<T, int> MustBeDeadlineDays<T>(this IRuleBuilder<T, int> rule) =>
        rule.Must(DeadlineDays.IsValid)
            .WithMessage((_, days) => $"Deadline days must be between {DeadlineDays.Min} and {DeadlineDays.Max}, not {days}.");
}
