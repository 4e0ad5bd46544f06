using AdminPortal.Domain.UpgradeDeadlines;

namespace AdminPortal.Domain.Schedules;

public enum ScheduleExperience
{
    /// <summary>"Recurring Nudge and Upgrade Reminder".</summary>
    RecurringNudgeAndUpgradeReminder,

    /// <summary>"Course Updates": the weekly highlights.</summary>
    CourseUpdates,
}

public enum ScheduleSkipReason
{
    NotSelfPaced,
    CreationOff,
    HeldBack,
    Error,
}

public static class ScheduleNames
{
    /// <summary>The experience as operators know it from Open edX.</summary>
    public static string DisplayName(this ScheduleExperience experience) => experience switch
    {
        ScheduleExperience.CourseUpdates => "Course Updates",
        _ => "Recurring Nudge and Upgrade Reminder",
    };

    public static string DisplayName(this ScheduleSkipReason reason) => reason switch
    {
        ScheduleSkipReason.NotSelfPaced => "course not self-paced",
        ScheduleSkipReason.CreationOff => "schedule creation off",
        ScheduleSkipReason.HeldBack => "held back",
        _ => "error",
    };
}

/// <summary>What schedule creation needs to know of a course, gathered once per course.</summary>
/// <param name="CreateSchedulesOverride">The course's own "create schedules for this course", for when the site's is off.</param>
/// <param name="SendsHighlights">Highlights are enabled for messaging and a visible section has some.</param>
public sealed record ScheduleCourse(
    bool SelfPaced,
    DateTime StartUtc,
    bool CreateSchedulesOverride,
    bool SendsHighlights,
    DeadlineDecision Deadline,
    bool HasVerifiedMode,
    DateTime? VerifiedExpirationUtc);

public sealed record SchedulePlan(DateTime StartUtc, DateTime? UpgradeDeadlineUtc, ScheduleExperience Experience);

/// <summary>A schedule to create, or why none is.</summary>
public sealed record ScheduleDecision(SchedulePlan? Plan, ScheduleSkipReason? Skipped)
{
    public static ScheduleDecision Create(SchedulePlan plan) => new(plan, null);

    public static ScheduleDecision Skip(ScheduleSkipReason reason) => new(null, reason);
}

/// <summary>A source of chances in [0, 1): tests pass a seeded or fixed one to make the hold-back draw predictable.</summary>
public interface IRandomSource
{
    double NextDouble();
}

public static class ScheduleRules
{
    /// <summary>
    /// Whether a new enrollment gets a schedule (Open edX's rules): only in a self-paced course, only when the site's
    /// <c>create_schedules</c> or the course's override is on, and not when the hold-back draw falls under
    /// <c>hold_back_ratio</c>. The schedule starts at the later of the enrollment and the course start.
    /// </summary>
    public static ScheduleDecision Decide(ScheduleConfig site, ScheduleCourse course, DateTime enrollmentCreatedUtc, IRandomSource random)
    {
        if (!course.SelfPaced)
        {
            return ScheduleDecision.Skip(ScheduleSkipReason.NotSelfPaced);
        }
        if (!site.CreateSchedules && !course.CreateSchedulesOverride)
        {
            return ScheduleDecision.Skip(ScheduleSkipReason.CreationOff);
        }
        if (site.HoldBackRatio > 0 && random.NextDouble() < site.HoldBackRatio)
        {
            return ScheduleDecision.Skip(ScheduleSkipReason.HeldBack);
        }
        return ScheduleDecision.Create(Plan(course, enrollmentCreatedUtc));
    }

    /// <summary>A schedule's start, deadline and experience: also what a course-start change recomputes.</summary>
    public static SchedulePlan Plan(ScheduleCourse course, DateTime enrollmentCreatedUtc)
    {
        var start = ToSecond(enrollmentCreatedUtc > course.StartUtc ? enrollmentCreatedUtc : course.StartUtc);
        var deadline = UpgradeDeadlinePolicy.DeadlineFor(course.Deadline, start, course.HasVerifiedMode, course.VerifiedExpirationUtc).DeadlineUtc;
        return new SchedulePlan(start, deadline, course.SendsHighlights ? ScheduleExperience.CourseUpdates : ScheduleExperience.RecurringNudgeAndUpgradeReminder);
    }

    /// <summary>Schedules keep whole seconds, so times computed here and in set-based SQL compare equal.</summary>
    public static DateTime ToSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
