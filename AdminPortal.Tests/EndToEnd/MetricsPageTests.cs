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
        await Assertions.Expect(chart.Locator("svg path.rz-line").First).ToBeAttachedAsync();
        var courses = page.GetByRole(AriaRole.Table, new() { Name = "Courses on the last day" });
        await Assertions.Expect(courses.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        Assert.True(await courses.GetByRole(AriaRole.Img, new() { Name = "Active learners per day in", Exact = false }).CountAsync() > 0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("day,site,active_learners,monthly_active_learners,total_learners,courses,enrollments\n", csv);
        Assert.Contains(yesterday.ToString("yyyy-MM-dd"), csv);

        // A range that ends before it starts: one message, no chart or table left from the range before.
        await page.GetByLabel("From").FillAsync(yesterday.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("From").BlurAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("From is after To: pick a range that starts before it ends.");
        await Assertions.Expect(chart).ToHaveCountAsync(0);
        await Assertions.Expect(courses).ToHaveCountAsync(0);
    }
}
