namespace AdminPortal.Domain.CourseReset;

/// <summary>A course whose learners support staff may reset; one per course, switched off rather than deleted.</summary>
public sealed class CourseResetOptIn
{
    private CourseResetOptIn()
    {
    }

    public CourseResetOptIn(int courseId, string createdBy, DateTime nowUtc)
    {
        CourseId = courseId;
        CreatedBy = createdBy;
        IsActive = true;
        CreatedUtc = ModifiedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int CourseId { get; private set; }
    public bool IsActive { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime ModifiedUtc { get; private set; }

    /// <returns>False when it already was in that state.</returns>
    public bool SetActive(bool active, DateTime nowUtc)
    {
        if (IsActive == active)
        {
            return false;
        }
        IsActive = active;
        ModifiedUtc = nowUtc;
        return true;
    }
}
