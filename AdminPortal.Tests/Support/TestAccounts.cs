using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

public static class TestAccounts
{
    public const string Password = "Own#account2026";

    public static string UniqueEmail(string name) => $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";

    /// <summary>Creates an account through the real service, as the system; returns its id.</summary>
    public static async Task<string> CreateAccountAsync(this IServiceProvider services, string email, string role, string password = Password)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var actor = PortalActor.System("test");
        var result = await accounts.CreateAsync(
            new NewAccountRequest { Email = email, DisplayName = email.Split('@')[0], Roles = [role], Password = password }, actor);
        Assert.True(result.Succeeded, result.ToString());
        return (await accounts.ListAsync(actor)).Single(a => a.Email == email).Id;
    }

    /// <summary>Every account, through the page's search (the tests hold fewer than a page).</summary>
    public static async Task<IReadOnlyList<AccountSummary>> ListAsync(this AccountService accounts, PortalActor actor)
    {
        var page = await accounts.SearchAsync(null, new PageRequest(0, PageRequest.MaxTake), actor);
        Assert.True(page.Total <= PageRequest.MaxTake, "more accounts than one page holds");
        return page.Items;
    }
}
