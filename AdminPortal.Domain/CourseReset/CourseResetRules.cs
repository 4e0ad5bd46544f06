using System.Globalization;
using AdminPortal.Domain.Text;

namespace AdminPortal.Domain.CourseReset;

/// <summary>What support sees on a row: whether the course can be reset now, and the status that says why (or why not).</summary>
public sealed record ResetEligibility(bool CanReset, string Status);

/// <summary>The facts about one learner in one opted-in course that decide whether it can be reset.</summary>
public sealed record ResetFacts(DateTime CourseStartUtc, DateTime? CourseEndUtc, bool HasPassingGrade);

public static class CourseResetRules
{
    public const string NotStarted = "Course Not Started";
    public const string Ended = "Course Ended";
    public const string Passing = "Learner Has Passing Grade";
    public const string Available = "Available";

    /// <summary>
    /// The order of docs/behaviour.md (5): not started, ended, passing grade, no reset yet, latest reset failed (available again),
    /// otherwise blocked by the latest reset. Ended and passing at once is "Course Ended".
    /// </summary>
    public static ResetEligibility Evaluate(ResetFacts facts, CourseResetAudit? latest, DateTime nowUtc)
    {
        if (facts.CourseStartUtc > nowUtc)
        {
            return new(false, NotStarted);
        }
        if (facts.CourseEndUtc is { } end && end <= nowUtc)
        {
            return new(false, Ended);
        }
        if (facts.HasPassingGrade)
        {
            return new(false, Passing);
        }
        return latest is null ? new(true, Available) : new(latest.Status == CourseResetStatus.Failed, StatusOf(latest));
    }

    /// <summary>The newest of a learner's resets in one course: the one created last (the id breaks a tie).</summary>
    public static CourseResetAudit? Latest(IEnumerable<CourseResetAudit> audits) =>
        audits.OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id).FirstOrDefault();

    /// <summary>
    /// The one word for each status, as the reset tab, the history and the API say it ("Completed", never "complete"):
    /// <see cref="StatusOf"/> starts with it.
    /// </summary>
    public static string Word(CourseResetStatus status) => status switch
    {
        CourseResetStatus.Enqueued => "Enqueued",
        CourseResetStatus.InProgress => "In progress",
        CourseResetStatus.Complete => "Completed",
        _ => "Failed",
    };

    public static string StatusOf(CourseResetAudit audit) => audit.Status switch
    {
        CourseResetStatus.Enqueued => $"{Word(audit.Status)} - Created {Time(audit.CreatedUtc)} by {audit.RequestedBy}",
        CourseResetStatus.InProgress => $"{Word(audit.Status)} - Started on {Time(audit.StartedUtc ?? audit.ModifiedUtc)} by {audit.RequestedBy}",
        CourseResetStatus.Complete => $"{Word(audit.Status)} on {Time(audit.CompletedUtc ?? audit.ModifiedUtc)} by {audit.RequestedBy}",
        _ => $"{Word(audit.Status)} on {Time(audit.ModifiedUtc)}",
    };

    public static string ValidReason(string? reason)
    {
        reason = reason?.Trim() ?? "";
        return reason.Length switch
        {
            0 => throw new DomainException("A reason is required."),
            > CourseResetAudit.MaxReasonLength => throw new DomainException(
                $"A reason has at most {CourseResetAudit.MaxReasonLength} characters; this one has {reason.Length}."),
            _ => ControlCharacters.Refuse(reason, "A reason"),
        };
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
