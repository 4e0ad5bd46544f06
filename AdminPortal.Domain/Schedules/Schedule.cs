namespace AdminPortal.Domain.Schedules;

/// <summary>
/// A learner's schedule in a self-paced course (one per enrollment): when their course started for them, their upgrade
/// deadline, and which emails they get. The learner and course are the enrollment's, kept here for the daily jobs.
/// </summary>
public sealed class Schedule
{
    private Schedule()
    {
    }

    public Schedule(int enrollmentId, int learnerId, int courseId, SchedulePlan plan, DateTime nowUtc)
    {
        EnrollmentId = enrollmentId;
        LearnerId = learnerId;
        CourseId = courseId;
        StartUtc = plan.StartUtc;
        UpgradeDeadlineUtc = plan.UpgradeDeadlineUtc;
        Experience = plan.Experience;
        IsActive = true;
        CreatedUtc = ModifiedUtc = nowUtc;
    }

    public long Id { get; private set; }
    public int EnrollmentId { get; private set; }
    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime? UpgradeDeadlineUtc { get; private set; }
    public ScheduleExperience Experience { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime ModifiedUtc { get; private set; }
}

/// <summary>Why an enrollment got no schedule, kept so the same event gets the same answer and operators can count them.</summary>
public sealed class ScheduleSkip
{
    private ScheduleSkip()
    {
    }

    public ScheduleSkip(int enrollmentId, int courseId, ScheduleSkipReason reason, DateTime atUtc)
    {
        EnrollmentId = enrollmentId;
        CourseId = courseId;
        Reason = reason;
        AtUtc = atUtc;
    }

    public int EnrollmentId { get; private set; }
    public int CourseId { get; private set; }
    public ScheduleSkipReason Reason { get; private set; }
    public DateTime AtUtc { get; private set; }
}
