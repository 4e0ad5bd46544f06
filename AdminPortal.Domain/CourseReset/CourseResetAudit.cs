namespace AdminPortal.Domain.CourseReset;

public enum CourseResetStatus
{
    Enqueued,
    InProgress,
    Complete,
    Failed,
}

/// <summary>
/// One reset asked for by a support agent: who, when, why, and how it went (enqueued, in progress, then complete or
/// failed). A learner has at most one reset per course that is not failed; a failed one may be followed by a new one.
/// </summary>
public sealed class CourseResetAudit
{
    public const int MaxReasonLength = 255;

    private CourseResetAudit()
    {
    }

    public CourseResetAudit(int learnerId, int courseId, int enrollmentId, string requestedBy, string reason, DateTime nowUtc)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        EnrollmentId = enrollmentId;
        RequestedBy = requestedBy;
        Reason = CourseResetRules.ValidReason(reason);
        Status = CourseResetStatus.Enqueued;
        CreatedUtc = ModifiedUtc = nowUtc;
    }

    public long Id { get; private set; }
    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public int EnrollmentId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public CourseResetStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? StartedUtc { get; private set; }

    /// <summary>Set when the reset committed; a failed reset has none.</summary>
    public DateTime? CompletedUtc { get; private set; }
    public DateTime ModifiedUtc { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The process carrying out a reset in progress (see PortalProcess).</summary>
    public Guid? OwnerId { get; private set; }
    public DateTime? EmailedUtc { get; private set; }
    public string? EmailError { get; private set; }

    public bool IsStuckCandidate => Status is CourseResetStatus.Enqueued or CourseResetStatus.InProgress;

    /// <param name="ownerId">The process carrying it out: if it dies before the commit, the reset is marked failed.</param>
    public void Start(DateTime nowUtc, Guid? ownerId = null)
    {
        if (Status != CourseResetStatus.Enqueued)
        {
            throw new DomainException($"Only an enqueued reset can start; this one is {Status}.");
        }
        (Status, StartedUtc, ModifiedUtc, OwnerId) = (CourseResetStatus.InProgress, nowUtc, nowUtc, ownerId);
    }

    public void Complete(DateTime nowUtc)
    {
        if (Status != CourseResetStatus.InProgress)
        {
            throw new DomainException($"Only a reset in progress can complete; this one is {Status}.");
        }
        (Status, CompletedUtc, ModifiedUtc) = (CourseResetStatus.Complete, nowUtc, nowUtc);
    }

    public void Fail(string error, DateTime nowUtc)
    {
        if (!IsStuckCandidate)
        {
            throw new DomainException($"Only an enqueued or in-progress reset can fail; this one is {Status}.");
        }
        Status = CourseResetStatus.Failed;
        Error = error.Length <= 500 ? error : error[..500];
        ModifiedUtc = nowUtc;
    }

    public void RecordEmail(string? error, DateTime nowUtc)
    {
        (EmailedUtc, EmailError) = error is null ? (nowUtc, null) : ((DateTime?)null, error.Length <= 500 ? error : error[..500]);
        ModifiedUtc = nowUtc;
    }
}
