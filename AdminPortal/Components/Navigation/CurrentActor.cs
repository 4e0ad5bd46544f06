using System.Security.Claims;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace AdminPortal.Components.Navigation;

/// <summary>The signed-in person of this circuit as a <see cref="PortalActor"/> for the services.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public const string DisplayNameClaim = "portal:display_name";

    public async Task<PortalActor> GetAsync() =>
        FromPrincipal((await authentication.GetAuthenticationStateAsync()).User);

    public static PortalActor FromPrincipal(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "anonymous",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
}
