using AdminPortal.Domain.Metrics;
using AdminPortal.Features.Metrics;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class MetricsPageTests(PortalBrowserFixture portal)
{
    [Fact]
    public async Task StaffSeesTheDemoDataChartedWithItsCoursesAndCanDownloadThem()
    {
        var runner = portal.Services.GetRequiredService<DailyMetricsRunner>();
        var yesterday = MetricRules.DayFor(null, runner.Today);
        await runner.RunAsync(MetricRules.Range(yesterday.AddDays(-6), yesterday, runner.Today), (_, _) => Task.CompletedTask, CancellationToken.None);
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password, "/metrics");

        var chart = page.GetByRole(AriaRole.Region, new() { Name = "Learners per day" });
        await Assertions.Expect(chart.GetByRole(AriaRole.Img, new() { Name = "Active and monthly active learners per day" }).Locator("polyline")).ToHaveCountAsync(2);
        var courses = page.GetByLabel("Courses on the last day", new() { Exact = true }).GetByRole(AriaRole.Table);
        // Each course row has its sparkline (the rows come from the server after the table shows).
        await Assertions.Expect(courses.GetByRole(AriaRole.Img, new() { Name = "Active learners per day in", Exact = false }).First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("day,site,active_learners,monthly_active_learners,total_learners,courses,enrollments\n", csv);
        Assert.Contains(yesterday.ToString("yyyy-MM-dd"), csv);
    }
}
