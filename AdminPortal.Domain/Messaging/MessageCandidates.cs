using AdminPortal.Domain.Schedules;

namespace AdminPortal.Domain.Messaging;

/// <summary>A section as the course-update resolver sees it, in course order.</summary>
public sealed record MessageSection(string Title, bool Hidden, IReadOnlyList<string> Highlights);

/// <summary>What the resolvers know of a course: its dates, verified mode, and its sections in course order.</summary>
public sealed record MessageCourse(
    int Id,
    string Key,
    string Name,
    string Org,
    DateTime? EndUtc,
    bool HasVerifiedMode,
    DateTime? VerifiedExpirationUtc,
    bool HighlightsEnabled,
    IReadOnlyList<MessageSection> Sections,
    string Language = "en")
{
    /// <summary>Week N's content: the N-th section that is visible and has highlights; none past the last, or when disabled.</summary>
    public MessageSection? SectionOfWeek(int week) =>
        HighlightsEnabled && week >= 1
            ? Sections.Where(s => !s.Hidden && s.Highlights.Count > 0).ElementAtOrDefault(week - 1)
            : null;

    public bool HasEndedBefore(DateOnly day) => EndUtc is { } end && end < day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <summary>One schedule the job's query found for a target day, with its learner and enrollment.</summary>
public sealed record MessageCandidate(
    long ScheduleId,
    int LearnerId,
    string Username,
    string Email,
    string? LearnerName,
    string Language,
    bool LearnerActive,
    bool EnrollmentActive,
    string EnrollmentMode,
    bool ScheduleActive,
    ScheduleExperience Experience,
    DateTime StartUtc,
    DateTime? UpgradeDeadlineUtc,
    MessageCourse Course);

/// <summary>The site a run is for, and the orgs it covers (its list, or every org no other site lists).</summary>
public sealed record MessageSite(int Id, string Domain, string Name, IReadOnlyList<string> Orgs, IReadOnlySet<string> OrgsClaimedByOtherSites)
{
    public bool Covers(string org) => Orgs.Count == 0 ? !OrgsClaimedByOtherSites.Contains(org) : Orgs.Contains(org);
}

/// <summary>A course as a message lists it.</summary>
public sealed record MessageCourseRef(int Id, string Key, string Name);

/// <summary>
/// One email to one learner, built fresh for them: the courses it lists (the first is the primary one), and for a
/// course update its week and highlights; the upgrade deadline, and whether the learner can still upgrade in the primary
/// course (not verified yet, a verified mode, the deadline still ahead).
/// </summary>
public sealed record ResolvedMessage(
    MessageTarget Target,
    int LearnerId,
    string Username,
    string Email,
    string? LearnerName,
    string Language,
    IReadOnlyList<MessageCourseRef> Courses,
    IReadOnlyList<string> Highlights,
    DateTime? UpgradeDeadlineUtc,
    DateTime? VerifiedExpirationUtc,
    bool CanUpgrade)
{
    public MessageCourseRef PrimaryCourse => Courses[0];

    public string Key(int siteId) => MessageTypes.Key(siteId, Target, LearnerId, PrimaryCourse.Id);
}

/// <summary>Why a candidate got no message, as a run counts them.</summary>
public enum MessageSkip
{
    ScheduleInactive,
    EnrollmentInactive,
    LearnerInactive,
    CourseEnded,
    OtherExperience,
    AlreadyVerified,
    NoVerifiedMode,
    UpgradeExpired,
    NoHighlights,
}

/// <summary>The messages of one target day and bin, and how many candidates were skipped, by reason.</summary>
public sealed record Resolution(IReadOnlyList<ResolvedMessage> Messages, int Candidates, IReadOnlyDictionary<MessageSkip, int> Skipped)
{
    public int NoHighlights => Skipped.GetValueOrDefault(MessageSkip.NoHighlights);

    public int Suppressed => Skipped.Where(s => s.Key != MessageSkip.NoHighlights).Sum(s => s.Value);
}
