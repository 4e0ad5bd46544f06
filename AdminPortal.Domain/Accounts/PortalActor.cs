namespace AdminPortal.Domain.Accounts;

/// <summary>Who is acting: a signed-in portal account, or the system (unattended jobs, the command line).</summary>
public sealed record PortalActor(string Id, string Name, IReadOnlyList<string> Roles, bool IsSystem = false)
{
    public const string SystemId = "system";

    public static PortalActor System(string name) => new(SystemId, name, [], IsSystem: true);

    public bool Can(PortalPolicy policy) => IsSystem || policy.IsGrantedTo(Roles);

    /// <summary>Throws when the actor lacks the policy: services call this so no caller can skip the check.</summary>
    public void Demand(PortalPolicy policy)
    {
        if (!Can(policy))
        {
            throw new PortalForbiddenException(this, policy);
        }
    }
}

public sealed class PortalForbiddenException(PortalActor actor, PortalPolicy policy)
    : Exception($"{actor.Name} may not do this: it needs {Describe(policy)}.")
{
    public PortalPolicy Policy { get; } = policy;

    private static string Describe(PortalPolicy policy) =>
        policy.Roles.Count == 1
            ? $"the {PortalRoles.DisplayName(policy.Roles[0])} role"
            : "one of the roles " + string.Join(", ", policy.Roles.Select(PortalRoles.DisplayName));
}
