using AdminPortal.Components.Layout;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Tests.Support;
using Bunit;
using MudBlazor.Extensions;

namespace AdminPortal.Tests.Components.Layout;

public sealed class MainLayoutTests
{
    [Fact]
    public async Task TheHeaderNamesThePersonAndTheirRolesWithTheirAccountLinks()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);

        var layout = RenderLayout(context);

        Assert.Equal(context.Email.Split('@')[0], layout.Find("[data-testid=current-user-name]").TextContent);
        Assert.Equal("(Staff)", layout.Find("[data-testid=current-user-roles]").TextContent);
        Assert.Contains(layout.FindAll("a"), a => a.TextContent.Trim() == "Change password");
        Assert.Contains(layout.FindAll("button[type=submit]"), b => b.TextContent.Trim() == "Log out");
        Assert.Equal("Page content", layout.Find("main").TextContent.Trim());
        Assert.NotNull(layout.FindComponent<NavMenu>());
    }

    [Fact]
    public async Task TheDarkThemeIsRememberedForTheAccount()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Support);
        var layout = RenderLayout(context);
        Assert.False(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));

        await layout.Find("button[aria-label='Use the dark theme']").ClickAsync(new());

        Assert.True(layout.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.True(await context.Get<IThemePreferences>().PrefersDarkAsync(context.UserId));
        await context.Bunit.DisposeComponentsAsync();
        var again = RenderLayout(context);
        Assert.True(again.FindComponent<MudBlazor.MudThemeProvider>().Instance.GetState(x => x.IsDarkMode));
        Assert.NotNull(again.Find("button[aria-label='Use the light theme']"));
    }

    [Fact]
    public async Task TheMenuButtonHidesAndShowsTheMenu()
    {
        await using var context = await PageContext.StartAsync(PortalRoles.Staff);
        var layout = RenderLayout(context);
        var wasOpen = layout.FindComponent<MudBlazor.MudDrawer>().Instance.GetState(x => x.Open);

        await layout.Find("button[aria-label='Show or hide the menu']").ClickAsync(new());

        Assert.Equal(!wasOpen, layout.FindComponent<MudBlazor.MudDrawer>().Instance.GetState(x => x.Open));
        await layout.Find("button[aria-label='Show or hide the menu']").ClickAsync(new());
        Assert.Equal(wasOpen, layout.FindComponent<MudBlazor.MudDrawer>().Instance.GetState(x => x.Open));
    }

    private static IRenderedComponent<MainLayout> RenderLayout(PageContext context) =>
        context.Bunit.Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "Page content")));
}
