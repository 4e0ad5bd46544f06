namespace AdminPortal.Domain.Accounts;

/// <summary>Rules that keep the portal administrable whatever a superuser clicks.</summary>
public static class AccountRules
{
    /// <summary>
    /// Returns why a change to <paramref name="target"/> is refused, or null when it is allowed.
    /// </summary>
    /// <param name="activeSuperusers">Superusers that can sign in now, the target included when it is one.</param>
    public static string? RefuseChange(AccountChange change, AccountState target, PortalActor actor, int activeSuperusers)
    {
        var isActiveSuperuser = target.Roles.Contains(PortalRoles.Superuser) && !target.IsDisabled;
        var losesSuperuser = change switch
        {
            AccountChange.SetRoles setRoles => !setRoles.Roles.Contains(PortalRoles.Superuser),
            AccountChange.Disable => true,
            _ => false,
        };
        if (change is AccountChange.Disable && target.Id == actor.Id)
        {
            return "You cannot disable your own account.";
        }
        if (isActiveSuperuser && losesSuperuser && activeSuperusers <= 1)
        {
            return "At least one active superuser must remain: make another account a superuser first.";
        }
        return null;
    }
}

public sealed record AccountState(string Id, IReadOnlyCollection<string> Roles, bool IsDisabled);

public abstract record AccountChange
{
    public sealed record SetRoles(IReadOnlyCollection<string> Roles) : AccountChange
    {
        public override string ToString() => "roles set to " + string.Join(", ", Roles);
    }

    public sealed record Disable : AccountChange
    {
        public override string ToString() => "disabled";
    }

    public sealed record Enable : AccountChange
    {
        public override string ToString() => "enabled";
    }
}
