namespace AdminPortal.Domain.Accounts;

/// <summary>The four roles of the portal (docs/behaviour.md, "People and what they may do").</summary>
public static class PortalRoles
{
    public const string Superuser = nameof(Superuser);
    public const string Staff = nameof(Staff);
    public const string Support = nameof(Support);
    public const string CourseAuthor = nameof(CourseAuthor);

    public static IReadOnlyList<string> All { get; } = [Superuser, Staff, Support, CourseAuthor];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string DisplayName(string role) => role switch
    {
        CourseAuthor => "Course author",
        _ => role,
    };
}
