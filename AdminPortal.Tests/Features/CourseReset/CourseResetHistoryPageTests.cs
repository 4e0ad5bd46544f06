using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.CourseReset;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>The reset history on the real services: ada's reset of the running course completed by the job, bob's of the second course waiting.</summary>
public sealed class CourseResetHistoryPageTests : IAsyncLifetime
{
    private const string RangeError = "Asked from is after Asked until: pick a range that starts before it ends.";
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Support);
        await SeedAsync(context.Portal.Services);
        var resets = context.Get<CourseResetService>();
        Assert.True((await resets.ResetAsync("ada", new ResetRequest(Running, "Retake after illness"), PortalServices.Admin)).Succeeded);
        Assert.Equal(JobRunStatus.Succeeded,
            (await context.Get<JobRunner>().RunAsync(context.Get<JobCatalog>().Find(CourseResetJob.Name)!, JobStart.Cli, CancellationToken.None)).Status);
        Assert.True((await resets.ResetAsync("bob", new ResetRequest(Second, "Asked twice"), PortalServices.Admin)).Succeeded);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private NavigationManager Navigation => context.Bunit.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<PageHost> RenderAt(string query)
    {
        Navigation.NavigateTo($"/support/course-reset/history{query}");
        return context.Render<CourseResetHistoryPage>();
    }

    private static List<string> Rows(IRenderedComponent<PageHost> page) =>
        page.FindAll("[aria-label=Resets] tbody tr").Select(r => r.TextContent).ToList();

    private static string StatusOf(IRenderedComponent<PageHost> page, string username) =>
        page.FindAll("[aria-label=Resets] tbody tr").Single(r => r.TextContent.Contains($"{username}@example.org")).QuerySelector(".reset-status")!.TextContent.Trim();

    [Fact]
    public void AFromDateAfterTheToDateShowsOneMessageAndNoGrid()
    {
        var page = RenderAt("?from=2026-02-01&to=2026-01-01");

        page.WaitForAssertion(() => Assert.Equal(RangeError, Assert.Single(page.FindAll(".mud-alert")).TextContent.Trim()));
        Assert.Empty(page.FindAll("[aria-label=Resets]"));
        Assert.Equal("2026-02-01", page.Input("Asked from (yyyy-MM-dd)").GetAttribute("value"));
        Assert.Equal("2026-01-01", page.Input("Asked until (yyyy-MM-dd)").GetAttribute("value"));

        Navigation.NavigateTo("/support/course-reset/history?from=2025-12-01&to=2099-01-01");

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.Empty(page.FindAll(".mud-alert"));
    }

    [Fact]
    public void TheFiltersInTheAddressPickTheResets()
    {
        var page = RenderAt("?status=Enqueued");
        page.WaitForAssertion(() => Assert.Contains("bob@example.org", Assert.Single(Rows(page))));

        Navigation.NavigateTo("/support/course-reset/history?learner=ad");
        page.WaitForAssertion(() => Assert.Contains("ada@example.org", Assert.Single(Rows(page))));

        Navigation.NavigateTo("/support/course-reset/history?course=Second");
        page.WaitForAssertion(() => Assert.Contains("bob@example.org", Assert.Single(Rows(page))));

        Navigation.NavigateTo("/support/course-reset/history?from=2099-01-01");
        page.WaitForAssertion(() => Assert.Contains("No reset matches these filters.", page.Find("[aria-label=Resets]").TextContent));
    }

    [Fact]
    public async Task TypingInTheLearnerSearchPutsItInTheAddress()
    {
        var page = RenderAt("");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        await page.Input("Learner (username or email starts with)").TypeAsync("bo");

        page.WaitForAssertion(() => Assert.EndsWith("/support/course-reset/history?learner=bo", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Contains("bob@example.org", Assert.Single(Rows(page))));
    }

    [Fact]
    public void StatusesAndWhoAskedReadAsOnTheResetTab()
    {
        var page = RenderAt("");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        var history = (Ada: StatusOf(page, "ada"), Bob: StatusOf(page, "bob"));
        Assert.Equal(("Completed", "Enqueued"), history);

        Navigation.NavigateTo("/support/course-reset?learner=ada");
        var tab = context.Bunit.Render<CourseResetPage>(); // beside the history: one set of dialog providers per context
        tab.WaitForAssertion(() => Assert.StartsWith($"{history.Ada} on ", tab.Find($"[role=status][aria-label='Status of {RunningName}']").TextContent.Trim()));
        Navigation.NavigateTo("/support/course-reset?learner=bob");
        tab.WaitForAssertion(() => Assert.StartsWith($"{history.Bob} - ", tab.Find("[role=status][aria-label='Status of Second course']").TextContent.Trim()));
        // Who asked: the same name on both pages.
        Assert.EndsWith($"by {PortalServices.Admin.Name}", tab.Find("[role=status][aria-label='Status of Second course']").TextContent.Trim());
        Assert.All(Rows(page), row => Assert.Contains($"by {PortalServices.Admin.Name}", row));
    }

    [Fact]
    public async Task APersonWhoAskedIsShownByNameAndEmail()
    {
        var person = new PortalActor(context.UserId, context.Email, [PortalRoles.Support]);
        Assert.True((await context.Get<CourseResetService>().ResetAsync("ada", new ResetRequest(Second, "Asked by a person"), person)).Succeeded);

        var page = RenderAt("?learner=ada&course=Second");

        var name = context.Email.Split('@')[0]; // the test accounts' display name
        page.WaitForAssertion(() => Assert.Contains($"by {name} ({context.Email})", Assert.Single(Rows(page))));
    }

    [Fact]
    public async Task TheGridPagesInTheDatabase()
    {
        await using (var db = await context.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var enrollment = await db.Enrollments.SingleAsync(e => db.Learners.Any(l => l.Id == e.LearnerId && l.Username == "ada")
                && db.Courses.Any(c => c.Id == e.CourseId && c.Key == Ended));
            for (var i = 0; i < 28; i++)
            {
                var audit = new CourseResetAudit(enrollment.LearnerId, enrollment.CourseId, enrollment.Id, "old@example.org", $"old {i}", Now.UtcDateTime.AddDays(-100 + i));
                audit.Fail("test", Now.UtcDateTime.AddDays(-100 + i));
                db.CourseResetAudits.Add(audit);
                await db.SaveChangesAsync();
            }
        }
        var page = RenderAt("");

        page.WaitForAssertion(() => Assert.Equal(25, Rows(page).Count));
        Assert.Contains("1-25 of 30", page.Markup);
    }

    [Fact]
    public void SupportCannotMarkAResetFailed()
    {
        var page = RenderAt("");
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        Assert.False(page.HasButton($"Mark the reset of {Second} for bob failed"));
        Assert.DoesNotContain("Mark failed", page.Markup);
    }

    [Fact]
    public async Task ASuperuserMarksAWaitingResetFailedAfterConfirming()
    {
        await context.SignInAsNewAsync(PortalRoles.Superuser);
        var page = RenderAt("");
        page.WaitForElement($"button[aria-label='Mark the reset of {Second} for bob failed']").Press();
        page.WaitForAssertion(() => Assert.Contains($"Mark the reset of {Second} for bob failed? Nothing is deleted", page.Dialog().TextContent));
        Assert.False(page.HasButton($"Mark the reset of {Running} for ada failed"));

        await page.Button("Mark failed").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains($"The reset of {Second} for bob is marked failed", page.Find(".mud-snackbar").TextContent));
        page.WaitForAssertion(() => Assert.Equal("Failed", StatusOf(page, "bob")));
        Assert.Equal(CourseResetStatus.Failed, (await AuditsAsync(context.Portal.Services)).Single(a => a.Reason == "Asked twice").Status);
    }
}
