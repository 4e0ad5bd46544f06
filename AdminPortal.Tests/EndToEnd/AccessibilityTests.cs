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

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/system")]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/import")]
    [InlineData("/admin/api-keys")]
    [InlineData("/courses")]
    [InlineData("/courses/1")]
    [InlineData("/learners")]
    [InlineData("/learners/1")]
    [InlineData("/schedules")]
    [InlineData("/schedules/config")]
    [InlineData("/schedules/deadlines")]
    [InlineData("/messaging")]
    [InlineData("/messaging/messages")]
    [InlineData("/highlights")]
    [InlineData("/highlights/1")]
    [InlineData("/support/course-reset")]
    [InlineData("/support/course-reset/history")]
    [InlineData("/support/course-reset/opt-ins")]
    [InlineData("/admin/survey-reports")]
    [InlineData("/sync/catalog")]
    [InlineData("/metrics")]
    public async Task PortalPagesHaveNoUnnamedControls(string path)
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, path);

        Assert.Empty(await page.EvaluateAsync<string[]>(FindUnnamedControls));
        await page.AssertAccessibleAsync();
        Assert.Empty(page.PolicyViolations());
        if (path == "/admin/accounts")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).WaitForAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>(FindUnnamedControls));
            await page.AssertAccessibleAsync();
        }
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
