using AdminPortal.Data;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AdminPortal.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class CourseResetPagesTests(PortalBrowserFixture portal, ITestOutputHelper output)
{
    /// <summary>A running course opted in to reset and a learner of it with progress; names of their own, apart from the demo data.</summary>
    private async Task<(string Username, string CourseName)> LearnerWithProgressAsync(bool optIn = true)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var course = new Course(CourseKey.Parse($"course-v1:ResetX+R{id}+2026"), $"Resettable {id}", now.AddDays(-30));
        var learner = new Learner($"reset-{id}", $"reset-{id}@example.org", $"Reset Learner {id}", now.AddDays(-40));
        db.AddRange(course, learner);
        await db.SaveChangesAsync();
        db.Enrollments.Add(new Enrollment(learner.Id, course.Id, "audit", now.AddDays(-20)));
        if (optIn)
        {
            db.CourseResetOptIns.Add(new CourseResetOptIn(course.Id, "test", now));
        }
        for (var i = 0; i < 20; i++)
        {
            var state = new BlockState(learner.Id, course.Id, $"block-{i}");
            state.Record(1, 0.2, 1, now);
            db.BlockStates.Add(state);
        }
        await db.SaveChangesAsync();
        return (learner.Username, course.DisplayName);
    }

    private async Task<IPage> FindAsync((string Email, string Password) account, string username)
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(account.Email, account.Password, "/support/course-reset");
        await page.GetByLabel("Username or email").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task SupportResetsACourseWithAReasonAndBothOpenTabsSeeItCompleteWithoutReloading()
    {
        var (username, courseName) = await LearnerWithProgressAsync();
        var agent = await FindAsync((DemoAccounts.Support.Email, DemoAccounts.Support.Password), username);
        var colleague = await FindAsync(await portal.CreateAccountAsync("Support"), $"{username}@example.org");
        var status = agent.GetByRole(AriaRole.Status, new() { Name = $"Status of {courseName}" });
        await Assertions.Expect(status).ToHaveTextAsync("Available");
        await Assertions.Expect(colleague.GetByRole(AriaRole.Status, new() { Name = $"Status of {courseName}" })).ToHaveTextAsync("Available");

        // A mark on each tab's window: it is still there at the end only if neither tab reloaded.
        await agent.EvaluateAsync("window.notReloaded = true");
        await colleague.EvaluateAsync("window.notReloaded = true");
        await NoteWhenCompletedShowsAsync(agent, courseName);
        await NoteWhenCompletedShowsAsync(colleague, courseName);
        await agent.GetByRole(AriaRole.Button, new() { Name = $"Reset {courseName}" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync(username);
        await Assertions.Expect(dialog).ToContainTextAsync(courseName);
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Reset the course" });
        await Assertions.Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel("Reason (required)").FillAsync("Failed after a hospital stay; asked to retake");
        await Assertions.Expect(dialog.GetByText("45 / 255 characters")).ToBeVisibleAsync();
        await confirm.ClickAsync();

        await Assertions.Expect(status).ToContainTextAsync("Completed on");
        await Assertions.Expect(colleague.GetByRole(AriaRole.Status, new() { Name = $"Status of {courseName}" })).ToContainTextAsync("Completed on");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = $"Reset {courseName}" })).ToHaveCountAsync(0);
        Assert.True(await agent.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.True(await colleague.EvaluateAsync<bool>("window.notReloaded === true"));

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var audit = await db.CourseResetAudits.AsNoTracking().SingleAsync(a => db.Learners.Any(l => l.Id == a.LearnerId && l.Username == username));
        Assert.Equal((CourseResetStatus.Complete, DemoAccounts.Support.Email, "Failed after a hospital stay; asked to retake"), (audit.Status, audit.RequestedBy, audit.Reason));
        Assert.Equal(0, await db.BlockStates.CountAsync(b => b.LearnerId == audit.LearnerId));
        // The budget: an open tab shows a change within 2 s of it.
        var agentDelay = await WhenCompletedShowedAsync(agent) - audit.CompletedUtc!.Value;
        var colleagueDelay = await WhenCompletedShowedAsync(colleague) - audit.CompletedUtc!.Value;
        output.WriteLine($"Completed shown {agentDelay.TotalMilliseconds:0} ms (agent) and {colleagueDelay.TotalMilliseconds:0} ms (colleague) after the commit");
        Assert.InRange(agentDelay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(colleagueDelay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    // The tab itself notes when its status first reads "Completed on": the test's own polling (up to a second between
    // looks, and one tab looked at after the other) would otherwise count as the portal's delay.
    private static Task NoteWhenCompletedShowsAsync(IPage page, string courseName) => page.EvaluateAsync("""
        label => {
            const observer = new MutationObserver(() => {
                const status = document.querySelector(`[role=status][aria-label="${CSS.escape(label)}"]`);
                if (status?.textContent.includes('Completed on')) {
                    window.completedShownAt = Date.now();
                    observer.disconnect();
                }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """, $"Status of {courseName}");

    private static async Task<DateTime> WhenCompletedShowedAsync(IPage page) =>
        DateTime.UnixEpoch.AddMilliseconds(await page.EvaluateAsync<double>("window.completedShownAt"));

    [Fact]
    public async Task ASuperuserOptsACourseInAndSupportThenSeesIt()
    {
        var (username, courseName) = await LearnerWithProgressAsync(optIn: false);
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            Assert.False(await db.CourseResetOptIns.AnyAsync(o => db.Courses.Any(c => c.Id == o.CourseId && c.DisplayName == courseName)));
        }
        var key = $"course-v1:ResetX+R{username[6..]}+2026";
        var admin = await portal.NewPageAsync();
        await admin.SignInAsync(DemoAccounts.Superuser.Email, DemoAccounts.Superuser.Password, "/support/course-reset/opt-ins");

        await admin.GetByLabel("Course key").FillAsync(key);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"{key} is opted in")).ToBeVisibleAsync(); // the snackbar
        await Assertions.Expect(admin.GetByLabel("Course key")).ToBeEmptyAsync();
        await admin.GetByLabel("Course key").FillAsync(key);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main").GetByText($"{key} is already opted in")).ToBeVisibleAsync();

        var agent = await FindAsync((DemoAccounts.Support.Email, DemoAccounts.Support.Password), username);
        await Assertions.Expect(agent.GetByRole(AriaRole.Status, new() { Name = $"Status of {courseName}" })).ToHaveTextAsync("Available");
    }
}
