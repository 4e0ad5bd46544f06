namespace AdminPortal.Domain.Messaging;

/// <summary>
/// Decides who gets a message of one type for one target day and bin (Open edX's resolvers): the rules every type
/// shares, then its own. The candidates come from a query that may pre-filter; these rules are the truth.
/// </summary>
public abstract class MessageResolver
{
    public Resolution Resolve(MessageTarget target, MessageSite site, int bin, DateOnly runDate, IEnumerable<MessageCandidate> candidates)
    {
        var skipped = new Dictionary<MessageSkip, int>();
        var eligible = new List<MessageCandidate>();
        var count = 0;
        // Another bin's learners, another day's schedules and other sites' courses are not this run's candidates at all.
        foreach (var candidate in candidates.Where(c => MessageTypes.BinOf(c.LearnerId) == bin && IsOnDay(target, c) && site.Covers(c.Course.Org)))
        {
            count++;
            if ((CommonSkip(target, runDate, candidate) ?? OwnSkip(target, runDate, candidate)) is { } skip)
            {
                skipped[skip] = skipped.GetValueOrDefault(skip) + 1;
                continue;
            }
            eligible.Add(candidate);
        }
        var messages = Build(target, runDate, eligible.OrderBy(c => c.LearnerId).ThenBy(c => c.StartUtc).ThenBy(c => c.ScheduleId));
        return new Resolution(messages, count, skipped);
    }

    protected virtual MessageSkip? OwnSkip(MessageTarget target, DateOnly runDate, MessageCandidate candidate) => null;

    protected abstract IReadOnlyList<ResolvedMessage> Build(MessageTarget target, DateOnly runDate, IEnumerable<MessageCandidate> eligible);

    public static MessageResolver For(MessageKind kind) => kind switch
    {
        MessageKind.RecurringNudge => new RecurringNudgeResolver(),
        MessageKind.UpgradeReminder => new UpgradeReminderResolver(),
        _ => new CourseUpdateResolver(),
    };

    private static bool IsOnDay(MessageTarget target, MessageCandidate candidate) =>
        (target.Type.Date == ScheduleDate.Start ? candidate.StartUtc : candidate.UpgradeDeadlineUtc) is { } date
        && DateOnly.FromDateTime(date) == target.Day;

    private static MessageSkip? CommonSkip(MessageTarget target, DateOnly runDate, MessageCandidate c) =>
        !c.ScheduleActive ? MessageSkip.ScheduleInactive
        : !c.EnrollmentActive ? MessageSkip.EnrollmentInactive
        : !c.LearnerActive ? MessageSkip.LearnerInactive
        : c.Course.HasEndedBefore(runDate) ? MessageSkip.CourseEnded
        : !target.Type.Reaches(c.Experience) ? MessageSkip.OtherExperience
        : null;

    /// <summary>One message per learner listing every matching course, the first as primary.</summary>
    protected static IReadOnlyList<ResolvedMessage> PerLearner(MessageTarget target, DateOnly runDate, IEnumerable<MessageCandidate> eligible) =>
        eligible.GroupBy(c => c.LearnerId).Select(learner =>
        {
            var first = learner.First();
            return new ResolvedMessage(target, first.LearnerId, first.Username, first.Email, first.LearnerName, first.Language,
                learner.Select(c => Ref(c.Course)).DistinctBy(c => c.Id).ToList(), [], first.UpgradeDeadlineUtc, first.Course.VerifiedExpirationUtc,
                CanUpgrade(first, runDate));
        }).ToList();

    protected static MessageCourseRef Ref(MessageCourse course) => new(course.Id, course.Key, course.Name);

    /// <summary>Not verified yet, the course has a verified mode, and neither the deadline nor the mode's expiration has passed.</summary>
    public static bool CanUpgrade(MessageCandidate c, DateOnly runDate)
    {
        var today = runDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return !string.Equals(c.EnrollmentMode, Learning.Course.VerifiedMode, StringComparison.Ordinal)
            && c.Course.HasVerifiedMode
            && c.UpgradeDeadlineUtc is { } deadline && deadline >= today
            && (c.Course.VerifiedExpirationUtc is not { } expires || expires >= today);
    }
}

/// <summary>Day 3 and day 10 after the schedule's start: keep learning.</summary>
public sealed class RecurringNudgeResolver : MessageResolver
{
    protected override IReadOnlyList<ResolvedMessage> Build(MessageTarget target, DateOnly runDate, IEnumerable<MessageCandidate> eligible) =>
        PerLearner(target, runDate, eligible);
}

/// <summary>Two days before the upgrade deadline, to learners who can still upgrade.</summary>
public sealed class UpgradeReminderResolver : MessageResolver
{
    protected override MessageSkip? OwnSkip(MessageTarget target, DateOnly runDate, MessageCandidate c) =>
        string.Equals(c.EnrollmentMode, Learning.Course.VerifiedMode, StringComparison.Ordinal) ? MessageSkip.AlreadyVerified
        : !c.Course.HasVerifiedMode ? MessageSkip.NoVerifiedMode
        : c.Course.VerifiedExpirationUtc is { } expires && expires < runDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ? MessageSkip.UpgradeExpired
        : null;

    protected override IReadOnlyList<ResolvedMessage> Build(MessageTarget target, DateOnly runDate, IEnumerable<MessageCandidate> eligible) =>
        PerLearner(target, runDate, eligible);
}

/// <summary>Week N of a course: the N-th section with highlights, one message per learner and course.</summary>
public sealed class CourseUpdateResolver : MessageResolver
{
    protected override MessageSkip? OwnSkip(MessageTarget target, DateOnly runDate, MessageCandidate c) =>
        c.Course.SectionOfWeek(target.Week ?? 0) is null ? MessageSkip.NoHighlights : null;

    protected override IReadOnlyList<ResolvedMessage> Build(MessageTarget target, DateOnly runDate, IEnumerable<MessageCandidate> eligible) =>
        eligible.DistinctBy(c => (c.LearnerId, c.Course.Id)).Select(c => new ResolvedMessage(
            target, c.LearnerId, c.Username, c.Email, c.LearnerName, c.Language, [Ref(c.Course)],
            [.. c.Course.SectionOfWeek(target.Week!.Value)!.Highlights], c.UpgradeDeadlineUtc, c.Course.VerifiedExpirationUtc, CanUpgrade(c, runDate))).ToList();
}
