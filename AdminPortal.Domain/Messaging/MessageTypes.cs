using AdminPortal.Domain.Schedules;

namespace AdminPortal.Domain.Messaging;

public enum MessageKind
{
    RecurringNudge,
    UpgradeReminder,
    CourseUpdate,
}

/// <summary>Which schedule date a message looks at: the day the schedule started, or its upgrade deadline.</summary>
public enum ScheduleDate
{
    Start,
    UpgradeDeadline,
}

/// <summary>
/// One email of the messaging jobs (Open edX's message types): its name in events and UTM campaigns, the schedule date
/// it looks for, and the experiences that get it.
/// </summary>
/// <param name="DaysFromRunDate">
/// Where that date lies from the run date: -3 is three days before it. A course update's is one week's, taken once per week.
/// </param>
public sealed record MessageType(string Name, MessageKind Kind, ScheduleDate Date, int DaysFromRunDate, IReadOnlyList<ScheduleExperience> Experiences)
{
    public bool Reaches(ScheduleExperience experience) => Experiences.Contains(experience);

    /// <summary>The schedule date this type looks for on a run date (for a course update, that of week <paramref name="week"/>).</summary>
    public DateOnly DayFor(DateOnly runDate, int week = 1) => runDate.AddDays(DaysFromRunDate * week);
}

/// <summary>One message type resolved for one day of schedules; <see cref="Week"/> for course updates.</summary>
public sealed record MessageTarget(MessageType Type, DateOnly Day, int? Week);

public static class MessageTypes
{
    public const int Bins = 24;
    public const int CourseUpdateWeeks = 10;

    /// <summary>The run dates a person may ask for: wide enough for any real run, and far from DateOnly's ends, which the offsets would pass.</summary>
    public static DateOnly EarliestRunDate { get; } = new(2000, 1, 1);

    /// <inheritdoc cref="EarliestRunDate"/>
    public static DateOnly LatestRunDate { get; } = new(2099, 12, 31);

    private static readonly ScheduleExperience[] Both = [ScheduleExperience.RecurringNudgeAndUpgradeReminder, ScheduleExperience.CourseUpdates];
    private static readonly ScheduleExperience[] NudgesAndReminders = [ScheduleExperience.RecurringNudgeAndUpgradeReminder];

    public static MessageType NudgeDay3 { get; } = new("recurringnudge_day3", MessageKind.RecurringNudge, ScheduleDate.Start, -3, Both);

    public static MessageType NudgeDay10 { get; } = new("recurringnudge_day10", MessageKind.RecurringNudge, ScheduleDate.Start, -10, NudgesAndReminders);

    public static MessageType UpgradeReminder { get; } = new("upgradereminder", MessageKind.UpgradeReminder, ScheduleDate.UpgradeDeadline, 2, NudgesAndReminders);

    /// <summary>Week N looks for schedules that started 7 x N days before the run date.</summary>
    public static MessageType CourseUpdate { get; } = new("courseupdate", MessageKind.CourseUpdate, ScheduleDate.Start, -7, [ScheduleExperience.CourseUpdates]);

    public static IReadOnlyList<MessageType> All { get; } = [NudgeDay3, NudgeDay10, UpgradeReminder, CourseUpdate];

    /// <summary>The days of schedules one run of a kind looks at: two nudges, one reminder, or ten course-update weeks.</summary>
    public static IReadOnlyList<MessageTarget> TargetsFor(MessageKind kind, DateOnly runDate) => kind switch
    {
        MessageKind.RecurringNudge => [new(NudgeDay3, NudgeDay3.DayFor(runDate), null), new(NudgeDay10, NudgeDay10.DayFor(runDate), null)],
        MessageKind.UpgradeReminder => [new(UpgradeReminder, UpgradeReminder.DayFor(runDate), null)],
        _ => Enumerable.Range(1, CourseUpdateWeeks).Select(week => new MessageTarget(CourseUpdate, CourseUpdate.DayFor(runDate, week), week)).ToList(),
    };

    /// <summary>Learners are split into <see cref="Bins"/> bins by id, so a run works through them a bin at a time.</summary>
    public static int BinOf(int learnerId) => learnerId % Bins;

    /// <summary>The key that makes a message unique: a re-run or a restart finds it and sends nothing new.</summary>
    /// <remarks>A course update is per course (a learner can get two the same day), nudges and reminders per learner.</remarks>
    public static string Key(int siteId, MessageTarget target, int learnerId, int primaryCourseId) =>
        target.Type.Kind == MessageKind.CourseUpdate
            ? $"{siteId}:{target.Type.Name}:{learnerId}:{target.Day:yyyy-MM-dd}:{primaryCourseId}"
            : $"{siteId}:{target.Type.Name}:{learnerId}:{target.Day:yyyy-MM-dd}";
}
