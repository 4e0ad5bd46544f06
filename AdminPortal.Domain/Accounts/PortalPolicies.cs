namespace AdminPortal.Domain.Accounts;

/// <summary>A named permission and the roles that hold it.</summary>
public sealed record PortalPolicy(string Name, string Description, IReadOnlyList<string> Roles)
{
    public bool IsGrantedTo(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}

/// <summary>
/// The permission matrix of docs/behaviour.md "People and what they may do": every page, endpoint and command names one of these,
/// and the web host turns each into an ASP.NET authorization policy.
/// </summary>
public static class PortalPolicies
{
    public static PortalPolicy SignedIn { get; } = new(
        PolicyNames.SignedIn, "Any portal account", PortalRoles.All);

    public static PortalPolicy ViewOperations { get; } = new(
        PolicyNames.ViewOperations, "Read schedules, messaging, reports, sync and metrics",
        [PortalRoles.Superuser, PortalRoles.Staff]);

    public static PortalPolicy ManagePortal { get; } = new(
        PolicyNames.ManagePortal, "Change site-wide configuration and portal accounts",
        [PortalRoles.Superuser]);

    public static PortalPolicy ResetCourses { get; } = new(
        PolicyNames.ResetCourses, "Look up a learner and reset an eligible course",
        [PortalRoles.Superuser, PortalRoles.Support]);

    public static PortalPolicy EditHighlights { get; } = new(
        PolicyNames.EditHighlights, "Edit section highlights of assigned courses",
        [PortalRoles.Superuser, PortalRoles.CourseAuthor]);

    public static IReadOnlyList<PortalPolicy> All { get; } =
        [SignedIn, ViewOperations, ManagePortal, ResetCourses, EditHighlights];

    public static PortalPolicy? Find(string? name) => All.FirstOrDefault(p => p.Name == name);
}
