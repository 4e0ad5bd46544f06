using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

public static class PageExtensions
{
    /// <summary>Signs in through the login form, as a person would, and waits for the portal's interactive shell.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string startPath = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(startPath)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The circuit attaches a moment after the page loads; clicks before that are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive='true']").WaitForAsync();

    public static async Task<IReadOnlyList<string>> MenuEntriesAsync(this IPage page)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        var entries = await menu.Locator(".rz-navigation-item-text").AllTextContentsAsync();
        return entries.Select(e => e.Trim()).ToList();
    }
}
