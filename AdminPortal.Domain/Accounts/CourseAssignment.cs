namespace AdminPortal.Domain.Accounts;

/// <summary>A course whose section highlights a course author may edit.</summary>
public sealed class CourseAssignment
{
    private CourseAssignment()
    {
    }

    public CourseAssignment(string userId, int courseId)
    {
        UserId = userId;
        CourseId = courseId;
    }

    public string UserId { get; private set; } = "";
    public int CourseId { get; private set; }
}
