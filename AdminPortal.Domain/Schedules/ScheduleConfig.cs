using AdminPortal.Domain.Configuration;

namespace AdminPortal.Domain.Schedules;

/// <summary>
/// A site's schedule settings (Open edX's ScheduleConfig): whether enrollments get schedules, what share is held back,
/// and, per message type, whether messages are queued (<c>enqueue_*</c>) and sent (<c>deliver_*</c>).
/// </summary>
public sealed record ScheduleConfig(
    bool CreateSchedules,
    double HoldBackRatio,
    bool EnqueueRecurringNudge,
    bool DeliverRecurringNudge,
    bool EnqueueUpgradeReminder,
    bool DeliverUpgradeReminder,
    bool EnqueueCourseUpdate,
    bool DeliverCourseUpdate) : IConfigValues
{
    public const string HoldBackRatioMessage = "Invalid hold back ratio, the value must be between 0 and 1.";

    /// <summary>What a site without any saved version has: nothing created, queued or sent.</summary>
    public static ScheduleConfig Off { get; } = new(false, 0, false, false, false, false, false, false);

    public IReadOnlyList<ConfigField> Fields =>
    [
        new("create_schedules", CreateSchedules),
        new("hold_back_ratio", HoldBackRatio),
        new("enqueue_recurring_nudge", EnqueueRecurringNudge),
        new("deliver_recurring_nudge", DeliverRecurringNudge),
        new("enqueue_upgrade_reminder", EnqueueUpgradeReminder),
        new("deliver_upgrade_reminder", DeliverUpgradeReminder),
        new("enqueue_course_update", EnqueueCourseUpdate),
        new("deliver_course_update", DeliverCourseUpdate),
    ];

    public static bool IsValidHoldBackRatio(double ratio) => double.IsFinite(ratio) && ratio is >= 0 and <= 1;
}
