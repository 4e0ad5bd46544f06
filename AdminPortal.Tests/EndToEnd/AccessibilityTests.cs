using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

/// <summary>
/// No serious or critical axe-core violation on any page; every input has a label and every button a name, on every page, so people and tests can use them by role and label;
/// and every page works under the portal's Content-Security-Policy (Chromium reports no refusal).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(PortalBrowserFixture portal)
{
    private const string FindUnnamedControls = """
        () => {
          const named = el => (el.getAttribute('aria-label') || '').trim() || (el.getAttribute('aria-labelledby') || '').trim()
            || (el.getAttribute('title') || '').trim();
          const problems = [];
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!(el.labels && el.labels.length) && !named(el)) problems.push('input ' + (el.id || el.name || el.outerHTML.slice(0, 80)));
          }
          for (const el of document.querySelectorAll('button, [role=button]')) {
            if (!el.textContent.trim() && !named(el)) problems.push('button ' + el.outerHTML.slice(0, 120));
          }
          return problems;
        }
        """;

    private static readonly string[] PortalPages =
    [
        "/",
        "/admin/accounts",
        "/admin/system",
        "/admin/jobs",
        "/admin/import",
        "/admin/api-keys",
        "/courses",
        "/courses/1",
        "/learners",
        "/learners/1",
        "/schedules",
        "/schedules/config",
        "/schedules/deadlines",
        "/messaging",
        "/messaging/messages",
        "/highlights",
        "/highlights/1",
        "/support/course-reset",
        "/support/course-reset/history",
        "/support/course-reset/opt-ins",
        "/admin/survey-reports",
        "/sync/catalog",
        "/metrics",
    ];

    // One sign-in, then every page in turn (a sign-in per page cost more than the scans); the failure names each page.
    [Fact]
    public async Task EveryPortalPageIsAccessibleAndWorksUnderThePolicy()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password);
        var problems = new List<string>();

        foreach (var path in PortalPages)
        {
            await page.OpenAsync(path);
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
            problems.AddRange((await page.EvaluateAsync<string[]>(FindUnnamedControls)).Select(p => $"{path}: unnamed {p}"));
            problems.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{path}: {v}"));
            if (path == "/admin/accounts")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).WaitForAsync();
                problems.AddRange((await page.EvaluateAsync<string[]>(FindUnnamedControls)).Select(p => $"{path} dialog: unnamed {p}"));
                problems.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{path} dialog: {v}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(page.PolicyViolations());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/password")]
    public async Task AccountPagesHaveNoUnnamedControls(string path)
    {
        var page = await portal.NewPageAsync();
        if (path != "/account/login")
        {
            await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password);
        }

        await page.GotoAsync(path);

        Assert.NotEmpty(await page.Locator("input:not([type=hidden])").AllAsync());
        Assert.Empty(await page.EvaluateAsync<string[]>(FindUnnamedControls));
        await page.AssertAccessibleAsync();
        Assert.Empty(page.PolicyViolations());
    }
}
