using System.Security.Claims;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Authentication;

namespace AdminPortal.Tests.Features.Accounts;

[RunsOnPostgreSql]
public sealed class DatabaseTicketStoreTests
{
    [Fact]
    public async Task ARetrievedSessionNamesItselfSoAnOpenTabCanTellItWasSignedOut()
    {
        await using var portal = await PortalServices.StartAsync();
        var store = portal.Get<DatabaseTicketStore>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1")], "Identity.Application"));
        var key = await store.StoreAsync(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "Identity.Application"));

        var retrieved = await store.RetrieveAsync(key);
        var signedIn = await store.IsSignedInAsync(retrieved!.Principal, CancellationToken.None);
        await store.RemoveAsync(key);

        Assert.Equal(key, retrieved.Principal.FindFirstValue(DatabaseTicketStore.SessionIdClaim));
        Assert.True(signedIn);
        Assert.False(await store.IsSignedInAsync(retrieved.Principal, CancellationToken.None));
        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task AnExpiredSessionIsNotAccepted()
    {
        await using var portal = await PortalServices.StartAsync();
        var store = portal.Get<DatabaseTicketStore>();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1")], "Identity.Application"));
        var key = await store.StoreAsync(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddSeconds(-1) }, "Identity.Application"));

        Assert.Null(await store.RetrieveAsync(key));
    }
}
