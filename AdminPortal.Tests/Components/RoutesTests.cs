using AdminPortal.Components;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Components;

/// <summary>Every page of the menu, opened by address as each role: it shows, or says access denied and why.</summary>
public sealed class RoutesTests
{
    public static TheoryData<string> Roles() => [.. PortalRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleOpensExactlyThePagesItsPoliciesAllow(string role)
    {
        await using var context = await PageContext.StartAsync(role);
        var actor = new PortalActor(context.UserId, context.Email, [role]);
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();

        foreach (var page in PortalNavigation.Areas.SelectMany(a => a.Pages).Prepend(PortalNavigation.Dashboard))
        {
            navigation.NavigateTo(page.Path);
            var routes = context.Bunit.Render<Routes>();

            routes.WaitForAssertion(() => Assert.NotEmpty(routes.FindAll("h1")));
            var heading = routes.Find("h1").TextContent.Trim();
            if (actor.Can(page.Policy))
            {
                Assert.NotEqual("Access denied", heading);
            }
            else
            {
                Assert.Equal("Access denied", heading);
                Assert.Contains($"may not open {page.Title}", routes.Markup);
            }
            await context.Bunit.DisposeComponentsAsync();
        }
    }
}
