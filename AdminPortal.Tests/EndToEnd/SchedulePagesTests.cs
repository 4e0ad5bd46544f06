using System.Text.RegularExpressions;
using AdminPortal.Data;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.UpgradeDeadlines;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SchedulePagesTests(PortalBrowserFixture portal)
{
    private async Task<string> SelfPacedVerifiedCourseOfAsync(string org)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Courses.Where(c => c.Org == org && c.SelfPaced && c.Modes.Any(m => m.Slug == "verified"))
            .OrderBy(c => c.Key).Select(c => c.Key).FirstAsync();
    }

    [Fact]
    public async Task ASuperuserChangesTheOrgDeadlineAndTheExplainerFollows()
    {
        var course = await SelfPacedVerifiedCourseOfAsync("MITx");
        var before = (await portal.Services.GetRequiredService<UpgradeDeadlineService>().OverrideAsync(DeadlineLevel.Org, "MITx", PortalServices.Admin))
            .Value!.Values.DeadlineDays;
        var after = before + 7;
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/schedules/deadlines");
        var explainer = page.GetByRole(AriaRole.Region, new() { Name = "Effective upgrade deadline" });
        var explanation = explainer.GetByTestId("deadline-explanation");

        await explainer.GetByLabel("Course key").FillAsync(course);
        await explainer.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Assertions.Expect(explanation).ToContainTextAsync($"Org MITx overrides global: {before} days");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the override of MITx" }).ClickAsync();
        await page.GetByLabel("Org deadline days").FillAsync(after.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the override of MITx" }).ClickAsync();

        await Assertions.Expect(page.GetByText(new Regex("^Saved as version"))).ToBeVisibleAsync(); // the snackbar
        await Assertions.Expect(explanation).ToContainTextAsync($"Org MITx overrides global: {after} days");
        await Assertions.Expect(page.GetByLabel("History of the override of MITx")).ToContainTextAsync($"deadline_days: {before} → {after}");

        // No enrollment date is no explanation, not one for the course start.
        await explainer.GetByLabel("Enrollment date").FillAsync("");
        await explainer.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Assertions.Expect(explainer.GetByRole(AriaRole.Alert)).ToHaveTextAsync(
            "Enter an enrollment date (yyyy-MM-dd): the deadline depends on the day the learner enrolls.");
        await Assertions.Expect(explanation).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task StaffSeesTheDeadlinesReadOnly()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Staff.Email, DemoAccounts.Staff.Password, "/schedules/deadlines");

        await Assertions.Expect(page.GetByText("You can read these settings; only a superuser can change them.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Global deadline days")).ToBeDisabledAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save the global setting" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Restore") }).CountAsync());
    }
}
