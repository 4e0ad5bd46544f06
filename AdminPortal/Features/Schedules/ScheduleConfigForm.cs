using AdminPortal.Domain.Schedules;

namespace AdminPortal.Features.Schedules;

/// <summary>The editable copy of a ScheduleConfig that the settings page binds to.</summary>
public sealed class ScheduleConfigForm
{
    public bool CreateSchedules { get; set; }
    /// <summary>Null when the box is blank: no ratio, which the rule refuses, never 0 (that would end the control group).</summary>
    public double? HoldBackRatio { get; set; }
    public bool EnqueueRecurringNudge { get; set; }
    public bool DeliverRecurringNudge { get; set; }
    public bool EnqueueUpgradeReminder { get; set; }
    public bool DeliverUpgradeReminder { get; set; }
    public bool EnqueueCourseUpdate { get; set; }
    public bool DeliverCourseUpdate { get; set; }

    public static ScheduleConfigForm From(ScheduleConfig c) => new()
    {
        CreateSchedules = c.CreateSchedules,
        HoldBackRatio = c.HoldBackRatio,
        EnqueueRecurringNudge = c.EnqueueRecurringNudge,
        DeliverRecurringNudge = c.DeliverRecurringNudge,
        EnqueueUpgradeReminder = c.EnqueueUpgradeReminder,
        DeliverUpgradeReminder = c.DeliverUpgradeReminder,
        EnqueueCourseUpdate = c.EnqueueCourseUpdate,
        DeliverCourseUpdate = c.DeliverCourseUpdate,
    };

    public ScheduleConfig ToValues() => new(
        CreateSchedules, HoldBackRatio ?? double.NaN, EnqueueRecurringNudge, DeliverRecurringNudge,
        EnqueueUpgradeReminder, DeliverUpgradeReminder, EnqueueCourseUpdate, DeliverCourseUpdate);
}
