using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Data;

/// <summary>A person who signs in to the portal (not a learner of the platform).</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>The portal's dark theme instead of the light one, chosen in the header.</summary>
    public bool PrefersDarkTheme { get; set; }

    /// <summary>Disabled accounts are locked out until the end of time; a lockout after failed sign-ins ends.</summary>
    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}
