using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

/// <summary>
/// No serious or critical axe-core violation on any page; every input has a label and every button a name, on every page, so people and tests can use them by role and label;
/// and every page works under the portal's Content-Security-Policy (Chromium reports no refusal).
/// </summary>
[Collection(AccessEndToEndCollection.Name)]
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

    // At 1280 x 800: nothing scrolls sideways (the page or a region in it), and no column header or button breaks inside a word.
    private const string FindLayoutProblems = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page is ${root.scrollWidth} px wide`);
          for (const el of document.querySelectorAll('main *')) {
            const overflow = getComputedStyle(el).overflowX;
            if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1)
              problems.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth})`);
          }
          for (const el of document.querySelectorAll('main th, main button')) {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const match of node.textContent.matchAll(/[^\s-]+/g)) { // a break after a hyphen is fine
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) problems.push(`"${match[0]}" breaks inside the word in ${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`);
              }
            }
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

    // One sign-in, then every page in turn as the menu's links open them, in one circuit (a sign-in per page cost more than
    // the scans, and a page load per page a third of the test's time); the failure names each page. The first page is a
    // whole load, so the policy is checked on the portal's start as well as on every page it renders.
    [Fact]
    public async Task EveryPortalPageIsAccessibleAndWorksUnderThePolicy()
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, PortalPages[0]);
        var problems = new List<string>();

        foreach (var path in PortalPages)
        {
            if (path != PortalPages[0])
            {
                await page.FollowToAsync(path);
            }
            await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
            problems.AddRange((await page.EvaluateAsync<string[]>(FindUnnamedControls)).Select(p => $"{path}: unnamed {p}"));
            problems.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{path}: {v}"));
            problems.AddRange((await page.EvaluateAsync<string[]>(FindLayoutProblems)).Select(p => $"{path} at 1280 x 800: {p}"));
            if (path == "/admin/accounts")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).WaitForAsync();
                problems.AddRange((await page.EvaluateAsync<string[]>(FindUnnamedControls)).Select(p => $"{path} dialog: unnamed {p}"));
                problems.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{path} dialog: {v}"));
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).WaitForAsync(new() { State = WaitForSelectorState.Detached });
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
