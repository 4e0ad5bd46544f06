using AdminPortal.Domain.Schedules;
using FluentValidation;

namespace AdminPortal.Features.Schedules;

public sealed class ScheduleConfigValidator : AbstractValidator<ScheduleConfig>
{
    public ScheduleConfigValidator() =>
        RuleFor(c => c.HoldBackRatio).Must(ScheduleConfig.IsValidHoldBackRatio).WithMessage(ScheduleConfig.HoldBackRatioMessage);
}
