using AdminPortal.Tests.Support;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

/// <summary>
/// axe-core (npm @axe-core/playwright, installed by scripts/test.sh under tools/browser) run in the page, as AxeBuilder does:
/// its script evaluated in the page, then axe.run on the whole document.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(FindScript()));

    private const string RunSeriousAndCritical = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.html.slice(0, 120)).join(' | ')}`);
        }
        """;

    /// <summary>The serious and critical violations on the page as it is now: none, where the page is accessible.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(this IPage page)
    {
        // Once per document: a page opened inside the portal (FollowToAsync) keeps the script.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        return await page.EvaluateAsync<string[]>(RunSeriousAndCritical);
    }

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var violations = await page.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, $"axe-core found on {page.Url}:\n" + string.Join("\n", violations));
    }

    private static string FindScript() => RepositoryFile.Find("tools", "browser", "node_modules", "axe-core", "axe.min.js")
        ?? throw new FileNotFoundException("axe-core is missing: run scripts/test.sh, which installs it (npm ci --prefix tools/browser).");
}
