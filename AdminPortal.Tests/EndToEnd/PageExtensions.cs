using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

public static class PageExtensions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Violations = [];

    /// <summary>Keeps what Chromium reports of the Content-Security-Policy refusing something on this page.</summary>
    public static void RecordPolicyViolations(this IPage page)
    {
        var violations = Violations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
    }

    /// <summary>The Content-Security-Policy refusals seen on this page so far: none, where the portal works under its policy.</summary>
    public static IReadOnlyList<string> PolicyViolations(this IPage page)
    {
        var violations = Violations.GetOrCreateValue(page);
        lock (violations)
        {
            return [.. violations];
        }
    }

    // Per browser (each browser collection has a portal of its own): the cookies of each account's first sign-in.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowser, ConcurrentDictionary<string, IReadOnlyList<Cookie>>> SignedIn = [];

    /// <summary>
    /// Opens <paramref name="startPath"/> signed in as the account: the first time through the login form, as a person would,
    /// then with the session that sign-in started (as a person's next tab does), or through the form again when the portal
    /// sends the page to it (the session ended). Waits for the portal's interactive shell.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string startPath = "/")
    {
        var sessions = SignedIn.GetOrCreateValue(page.Context.Browser!);
        if (sessions.TryGetValue(email, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            await page.GotoAsync(startPath);
        }
        else
        {
            await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(startPath)}");
        }
        if (new Uri(page.Url).AbsolutePath == "/account/login")
        {
            await page.SubmitLoginAsync(email, password);
            await page.WaitForInteractiveAsync();
            sessions[email] = [.. (await page.Context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            })];
            return;
        }
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Fills and sends the login form already on the page.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Sends the login form with a wrong password <paramref name="times"/> times, from the login page.</summary>
    public static async Task FailSignInAsync(this IPage page, string email, int times)
    {
        await page.GotoAsync("/account/login");
        for (var attempt = 1; attempt <= times; attempt++)
        {
            await page.SubmitLoginAsync(email, $"Wrong#password{attempt}");
        }
    }

    /// <summary>Opens an interactive page by its address and waits until it handles input.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Opens <paramref name="path"/> inside the running portal, as its menu's links do (no new page load, the same circuit), and
    /// waits for the new page's heading.
    /// </summary>
    public static async Task FollowToAsync(this IPage page, string path)
    {
        await page.EvaluateAsync("path => { document.querySelectorAll('h1').forEach(h => h.dataset.left = 'yes'); Blazor.navigateTo(path); }", path);
        await page.WaitForFunctionAsync(
            "path => location.pathname === path && [...document.querySelectorAll('h1')].some(h => !h.dataset.left)", path);
    }

    /// <summary>The circuit attaches a moment after the page loads; clicks before that are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive='true']").WaitForAsync();

    /// <summary>Picks an option of a select and waits until the list closes: the server has the choice.</summary>
    public static async Task ChooseAsync(this IPage page, string select, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = select }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    public static async Task<IReadOnlyList<string>> MenuEntriesAsync(this IPage page)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        var entries = await menu.Locator(".mud-nav-link-text").AllTextContentsAsync();
        return entries.Select(e => e.Trim()).Distinct().ToList();
    }
}
