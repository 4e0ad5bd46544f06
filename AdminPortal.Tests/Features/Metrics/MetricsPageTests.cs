using System.Text.RegularExpressions;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Metrics;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Metrics;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Metrics;

public sealed class MetricsPageTests : IAsyncLifetime
{
    private PageContext context = default!;
    private DateOnly yesterday;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Staff);
        await context.Get<DemoDataSeeder>().SeedAsync(60, 7, PortalServices.Admin);
        var runner = context.Get<DailyMetricsRunner>();
        yesterday = MetricRules.DayFor(null, runner.Today);
        await runner.RunAsync(MetricRules.Range(yesterday.AddDays(-6), yesterday, runner.Today), (_, _) => Task.CompletedTask, CancellationToken.None);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<PageHost> Open()
    {
        var page = context.Render<MetricsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='Courses on the last day'] tbody tr")));
        return page;
    }

    [Fact]
    public void EveryChartIsTitledAndItsValueAxisStartsAtZero()
    {
        var page = Open();

        var charts = page.FindAll("figure.portal-chart");
        Assert.Equal(["Active and monthly active learners per day", "Enrollments per day"], charts.Select(c => c.QuerySelector("figcaption")!.TextContent.Trim()));
        Assert.All(charts, chart =>
        {
            Assert.Equal(chart.GetAttribute("aria-label"), chart.QuerySelector("svg > title")!.TextContent);
            Assert.Equal("0", chart.QuerySelector("text.portal-chart-tick")!.TextContent);
            Assert.NotEmpty(chart.QuerySelectorAll("polyline.portal-chart-line"));
        });
        Assert.Contains(yesterday.ToString("yyyy-MM-dd"), charts[0].QuerySelector(".portal-chart-days")!.TextContent);
    }

    [Fact]
    public void PercentagesHaveOneFormat()
    {
        var page = Open();

        var rows = page.FindAll("[aria-label='Courses on the last day'] tbody tr");
        Assert.All(rows, row =>
        {
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Matches(@"^(\d+%|no data|no change|new|[+-]\d+%|0%)$", cells[2]);
            Assert.Matches(@"^\d+%$", cells[6]);
            Assert.NotNull(row.QuerySelector("svg[role=img] title"));
        });
    }

    [Fact]
    public void TheDatesAreIsoWhateverTheBrowser()
    {
        var page = Open();

        Assert.Equal(yesterday.AddDays(-29).ToString("yyyy-MM-dd"), page.Find("#MetricsFrom").GetAttribute("value"));
        Assert.Equal(yesterday.ToString("yyyy-MM-dd"), page.Find("#MetricsTo").GetAttribute("value"));
        Assert.Contains("From (yyyy-MM-dd)", page.Find("label[for=MetricsFrom]").TextContent);
    }

    [Fact]
    public async Task AFromDateAfterTheToDateShowsOneMessageAndNoChartOrTable()
    {
        var page = Open();

        await page.Find("#MetricsFrom").ChangeAsync(new ChangeEventArgs { Value = yesterday.AddDays(1).ToString("yyyy-MM-dd") });

        page.WaitForAssertion(() => Assert.Equal("From is after To: pick a range that starts before it ends.", page.Find("[role=alert]").TextContent.Trim()));
        Assert.Single(page.FindAll("[role=alert]"));
        Assert.Empty(page.FindAll("figure.portal-chart"));
        Assert.Empty(page.FindAll("[aria-label='Courses on the last day']"));
        Assert.Empty(page.FindAll("[aria-label='On the last day']"));
        Assert.DoesNotContain("No metrics for", page.Markup);
    }

    [Fact]
    public async Task ARangeWithoutMetricsSaysSo()
    {
        var page = Open();

        await page.Find("#MetricsTo").ChangeAsync(new ChangeEventArgs { Value = yesterday.AddDays(-20).ToString("yyyy-MM-dd") });

        page.WaitForAssertion(() => Assert.Contains($"between {yesterday.AddDays(-29):yyyy-MM-dd} and {yesterday.AddDays(-20):yyyy-MM-dd}", page.Find("p[role=status]").TextContent));
        Assert.Empty(page.FindAll("figure.portal-chart"));
    }

    [Fact]
    public async Task TheSiteAndRangeLiveInTheAddress()
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        var site = (await context.Get<MetricsDashboard>().SitesAsync(PortalServices.Admin))[^1];
        var (from, to) = (yesterday.AddDays(-5), yesterday.AddDays(-1));
        navigation.NavigateTo($"/metrics?site={site}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        var page = Open();

        Assert.Equal((from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd")), (page.Find("#MetricsFrom").GetAttribute("value"), page.Find("#MetricsTo").GetAttribute("value")));
        Assert.Contains($"Active learners on {to:yyyy-MM-dd}", page.Find("[aria-label='On the last day']").TextContent);
        Assert.Contains($"site={Uri.EscapeDataString(site)}&from={from:yyyy-MM-dd}", page.Find("a[download]").GetAttribute("href"));

        await page.Find("#MetricsTo").ChangeAsync(new ChangeEventArgs { Value = yesterday.ToString("yyyy-MM-dd") });

        page.WaitForAssertion(() => Assert.EndsWith($"/metrics?site={site}&from={from:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}", navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains($"Active learners on {yesterday:yyyy-MM-dd}", page.Find("[aria-label='On the last day']").TextContent));
    }

    [Fact]
    public async Task WithoutMetricsThePageSaysHowToMakeThem()
    {
        await using var empty = await PageContext.StartAsync(PortalRoles.Staff);

        var page = empty.Render<MetricsPage>();

        page.WaitForAssertion(() => Assert.Contains("No metrics yet", page.Find("p[role=status]").TextContent));
    }
}

public sealed class LineChartTests
{
    [Fact]
    public async Task TheValueAxisStartsAtZeroEvenWhenTheValuesDoNot()
    {
        await using var context = await PageContext.StartAsync(null);

        var chart = context.Bunit.Render<LineChart>(p => p
            .Add(x => x.Title, "Learners")
            .Add(x => x.Labels, ["2026-01-01", "2026-01-02"])
            .Add(x => x.Series, [new ChartLine("Active", [100, 105])]));

        Assert.Equal(["0", "100", "200"], chart.FindAll("text.portal-chart-tick").Select(t => t.TextContent));
        var ys = Regex.Matches(chart.Find("polyline").GetAttribute("points")!, @",([\d.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(ys, y => Assert.InRange(y, 100, 120));
        Assert.Equal("Learners", chart.Find("figcaption").TextContent.Trim());
    }
}
