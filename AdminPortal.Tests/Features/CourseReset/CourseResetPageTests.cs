using System.Reflection;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.CourseReset;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>The reset tab and its dialog on the real services (Support), with the learners and courses of <see cref="CourseResetWorld"/>.</summary>
public sealed class CourseResetPageTests : IAsyncLifetime
{
    private const string Reason = "Failed after a hospital stay; asked to retake";
    private PageContext context = default!;

    public async Task InitializeAsync()
    {
        context = await PageContext.StartAsync(PortalRoles.Support);
        await SeedAsync(context.Portal.Services);
        await AddProgressAsync(context.Portal.Services, "ada", Running, 20);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private NavigationManager Navigation => context.Bunit.Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<PageHost> RenderFor(string learner)
    {
        Navigation.NavigateTo($"/support/course-reset?learner={Uri.EscapeDataString(learner)}");
        return context.Render<CourseResetPage>();
    }

    private static string StatusOf<T>(IRenderedComponent<T> page, string courseName)
        where T : IComponent =>
        page.Find($"[role=status][aria-label='Status of {courseName}']").TextContent.Trim();

    /// <summary>What the page says in its status lines (the snackbar's container is a status too, empty here).</summary>
    private static string Said(IRenderedComponent<PageHost> page) => string.Join(" | ", page.FindAll("[role=status]").Select(e => e.TextContent.Trim()));

    [Fact]
    public void TheLearnerInTheAddressIsLookedUpSoAnotherPageCanLinkToIt()
    {
        var page = RenderFor("ada@example.org");

        page.WaitForAssertion(() => Assert.Equal("Ada Learner (ada, ada@example.org)", page.Find("#learner-heading").TextContent));
        Assert.Equal(CourseResetRules.Available, StatusOf(page, RunningName));
        Assert.Equal(CourseResetRules.Ended, StatusOf(page, "Ended course"));
        Assert.Empty(page.FindAll("[role=status][aria-label='Status of Switched off']"));
        Assert.True(page.HasButton($"Reset {RunningName}"));
        Assert.False(page.HasButton("Reset Ended course"));
    }

    [Fact]
    public async Task FindingALearnerPutsTheSearchInTheAddress()
    {
        var page = RenderFor("ada");
        page.WaitForAssertion(() => Assert.Contains("Ada Learner", page.Find("#learner-heading").TextContent));

        await page.Input("Username or email").FillAsync("bob@example.org");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Bob Learner (bob, bob@example.org)", page.Find("#learner-heading").TextContent));
        Assert.EndsWith("/support/course-reset?learner=bob%40example.org", Navigation.Uri);
    }

    [Fact]
    public void AnUnknownLearnerAndALearnerWithoutAnActiveOptedInEnrollmentSaySo()
    {
        var page = RenderFor("no-such-learner@example.org");
        page.WaitForAssertion(() => Assert.Contains("No learner has the username or email “no-such-learner@example.org”", Said(page)));

        Navigation.NavigateTo("/support/course-reset?learner=cy");

        page.WaitForAssertion(() => Assert.Contains("cy has no active enrollment in a course opted in to reset.", Said(page)));
        Assert.DoesNotContain(RunningName, page.Markup);
    }

    [Fact]
    public async Task TheDialogNamesLearnerAndCourseCountsTheReasonAndRefusesOneTooLong()
    {
        var page = RenderFor("ada");
        page.WaitForElement($"button[aria-label='Reset {RunningName}']").Press();

        page.WaitForAssertion(() => Assert.Contains($"Reset {RunningName} for ada?", page.Dialog().TextContent));
        Assert.Contains("ada's progress in Running course", page.Dialog().TextContent);
        Assert.True(page.Button("Reset the course").HasAttribute("disabled"));

        await page.Input("Reason (required)").TypeAsync(new string('x', 256));

        page.WaitForAssertion(() => Assert.Contains("256 / 255 characters: too long", page.Dialog().TextContent));
        Assert.Contains("A reason has at most 255 characters; this one has 256.", page.Dialog().TextContent);
        Assert.True(page.Button("Reset the course").HasAttribute("disabled"));

        await page.Input("Reason (required)").TypeAsync(Reason);

        page.WaitForAssertion(() => Assert.Contains("45 / 255 characters", page.Dialog().TextContent));
        Assert.DoesNotContain("too long", page.Dialog().TextContent);
        Assert.False(page.Button("Reset the course").HasAttribute("disabled"));
        Assert.Empty(await AuditsAsync(context.Portal.Services));
    }

    [Fact]
    public async Task ConfirmingTheDialogAsksForTheResetAndTheRowSaysWhoAsked()
    {
        var page = RenderFor("ada");
        page.WaitForElement($"button[aria-label='Reset {RunningName}']").Press();
        page.WaitForAssertion(() => page.Dialog());
        await page.Input("Reason (required)").TypeAsync(Reason);

        await page.Button("Reset the course").ClickAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[role=dialog]")));
        var audit = Assert.Single(await AuditsAsync(context.Portal.Services));
        Assert.Equal((context.Email, Reason), (audit.RequestedBy, audit.Reason));
        page.WaitForAssertion(() => Assert.StartsWith($"{CourseResetRules.Word(audit.Status)} - ", StatusOf(page, RunningName)));
        Assert.EndsWith($"by {context.Email}", StatusOf(page, RunningName));
        Assert.False(page.HasButton($"Reset {RunningName}"));
    }

    [Fact]
    public async Task CancellingTheDialogResetsNothing()
    {
        var page = RenderFor("ada");
        page.WaitForElement($"button[aria-label='Reset {RunningName}']").Press();
        page.WaitForAssertion(() => page.Dialog());

        await page.Button("Cancel").ClickAsync();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[role=dialog]")));
        Assert.Empty(await AuditsAsync(context.Portal.Services));
        Assert.Equal(CourseResetRules.Available, StatusOf(page, RunningName));
    }

    /// <summary>
    /// Two open tabs on the learner (the agent's and a colleague's): the reset the agent asks for runs in the real job, and
    /// the watcher's next round brings both tabs to Completed without a reload.
    /// </summary>
    [Fact]
    public async Task BothOpenTabsFollowAResetToCompletedLive()
    {
        var agent = RenderFor("ada");
        // The colleague's tab: the same page without a second set of dialog providers (one host per context).
        var colleague = context.Bunit.Render<CourseResetPage>();
        agent.WaitForAssertion(() => Assert.Equal(CourseResetRules.Available, StatusOf(agent, RunningName)));
        colleague.WaitForAssertion(() => Assert.Equal(CourseResetRules.Available, StatusOf(colleague, RunningName)));
        var watcher = context.Get<CourseResetWatcher>();
        Assert.True(watcher.Watching >= 2);
        agent.WaitForElement($"button[aria-label='Reset {RunningName}']").Press();
        agent.WaitForAssertion(() => agent.Dialog());
        await agent.Input("Reason (required)").TypeAsync(Reason);
        await agent.Button("Reset the course").ClickAsync();
        agent.WaitForAssertion(() => Assert.Empty(agent.FindAll("[role=dialog]")));
        await watcher.PollAsync(CancellationToken.None);
        colleague.WaitForAssertion(() => Assert.NotEqual(CourseResetRules.Available, StatusOf(colleague, RunningName)));

        var run = await context.Get<JobRunner>().RunAsync(context.Get<JobCatalog>().Find(CourseResetJob.Name)!, JobStart.Cli, CancellationToken.None);
        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        await watcher.PollAsync(CancellationToken.None);

        agent.WaitForAssertion(() => Assert.StartsWith("Completed on ", StatusOf(agent, RunningName)));
        colleague.WaitForAssertion(() => Assert.StartsWith("Completed on ", StatusOf(colleague, RunningName)));
        Assert.False(agent.HasButton($"Reset {RunningName}"));
        Assert.Equal(CourseResetStatus.Complete, Assert.Single(await AuditsAsync(context.Portal.Services)).Status);
        Assert.Equal((0, 0, 0), await ProgressAsync(context.Portal.Services, "ada", Running));
    }

    [Fact]
    public async Task OnlySupportAndSuperusersMayOpenTheResetPages()
    {
        Assert.All(new[] { typeof(CourseResetPage), typeof(CourseResetHistoryPage) },
            page => Assert.Equal(PolicyNames.ResetCourses, page.GetCustomAttribute<AuthorizeAttribute>()?.Policy));
        var authorization = context.Get<IAuthorizationService>();
        var support = (await context.Bunit.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;
        Assert.True((await authorization.AuthorizeAsync(support, PolicyNames.ResetCourses)).Succeeded);

        await context.SignInAsNewAsync(PortalRoles.Staff);
        var staff = (await context.Bunit.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User;

        Assert.False((await authorization.AuthorizeAsync(staff, PolicyNames.ResetCourses)).Succeeded);
    }
}
