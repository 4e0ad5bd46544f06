namespace AdminPortal.Domain.Learning;

/// <summary>A learner's enrollment in a course, in a mode; deactivated rather than deleted.</summary>
public sealed class Enrollment
{
    private Enrollment()
    {
    }

    public Enrollment(int learnerId, int courseId, string mode, DateTime createdUtc)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        Mode = CourseMode.ValidSlug(mode);
        CreatedUtc = createdUtc;
        IsActive = true;
    }

    public int Id { get; private set; }
    public int LearnerId { get; private set; }
    public int CourseId { get; private set; }
    public string Mode { get; private set; } = "";
    public bool IsActive { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    public bool IsVerified => Mode == Course.VerifiedMode;

    public void ChangeMode(string mode) => Mode = CourseMode.ValidSlug(mode);

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;
}
