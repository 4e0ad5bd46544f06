using AdminPortal.Domain.Configuration;

namespace AdminPortal.Domain.Schedules;

/// <summary>"Create schedules for this course": schedules for one course while its site's <c>create_schedules</c> is off.</summary>
public sealed record CourseScheduleOverride(bool CreateSchedules) : IConfigValues
{
    public static CourseScheduleOverride Off { get; } = new(false);

    public IReadOnlyList<ConfigField> Fields => [new("create_schedules", CreateSchedules)];
}
