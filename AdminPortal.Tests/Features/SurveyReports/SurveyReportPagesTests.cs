using AdminPortal.Domain.Accounts;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.SurveyReports;

/// <summary>The Survey reports page, a report's page and the banner, on the real services without a receiver (no endpoint set).</summary>
public sealed class SurveyReportPagesTests : IAsyncLifetime
{
    private const string Explanation = "Counts only: no name, email or course.";
    private PageContext context = default!;

    public async Task InitializeAsync() => context = await PageContext.StartAsync(PortalRoles.Superuser);

    public async Task DisposeAsync() => await context.DisposeAsync();

    private SurveyReportService Reports => context.Get<SurveyReportService>();

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void TheListSaysWhyNothingCanBeSentAndThatThereIsNoReportYet()
    {
        var page = context.Render<SurveyReportsPage>();

        page.WaitForAssertion(() => Assert.Contains("No report yet.", page.Find("[aria-label='Survey reports']").TextContent));
        Assert.Contains("No receiver is set (SurveyReport:Endpoint)", page.Find("[role=note]").TextContent);
        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Generate and send").HasAttribute("disabled"));
    }

    [Fact]
    public async Task GenerateAddsAGeneratedReportWithItsCountsAndALinkToIt()
    {
        var page = context.Render<SurveyReportsPage>();
        page.WaitForAssertion(() => Assert.Contains("No report yet.", page.Markup));

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Generate").ClickAsync(new());

        var report = Assert.Single(await Reports.ListAsync(PortalServices.Admin));
        page.WaitForAssertion(() => Assert.Equal("Generated", page.Find($"[aria-label='State of report {report.Id}']").TextContent));
        Assert.Contains("0 courses, 0 active of 0 learners, 0 enrollments, 0 passing", page.Find("[aria-label='Survey reports'] tbody tr").TextContent);
        Assert.Equal($"admin/survey-reports/{report.Id}", page.Find($"a[aria-label='Details of report {report.Id}']").GetAttribute("href"));
    }

    [Fact]
    public async Task AFailedSendSaysSendFailedAndNotAlsoNotSentYet()
    {
        var id = await Reports.RequestAsync(send: true, PortalServices.Admin);

        var page = context.Render<SurveyReportPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Send failed", page.Find("[aria-label=State]").TextContent));
        Assert.Contains("SurveyReport:Endpoint is not set", page.Markup);
        Assert.DoesNotContain("Not sent yet", page.Markup);
        Assert.Contains("No attempt reached the receiver", page.Find("[aria-label='Send attempts']").TextContent);
        Assert.Contains("Send again", page.Find("section button").TextContent);
    }

    [Fact]
    public async Task AReportNotSentSaysNotSentYet()
    {
        var id = await Reports.RequestAsync(send: false, PortalServices.Admin);

        var page = context.Render<SurveyReportPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("Generated", page.Find("[aria-label=State]").TextContent));
        Assert.Contains("Not sent yet.", page.Find("[aria-label='Send attempts']").TextContent);
        Assert.Contains("\"learners_with_passing_grade\"", page.Find("pre[aria-label=Payload]").TextContent);
    }

    [Fact]
    public void AnUnknownReportSaysSo()
    {
        var page = context.Render<SurveyReportPage>(p => p.Add(x => x.Id, 404L));

        page.WaitForAssertion(() => Assert.Contains("There is no survey report 404.", page.Find("p[role=status]").TextContent));
    }

    [Fact]
    public void TheBannerShowsItsExplanationOnOtherPages()
    {
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/courses");

        var banner = context.Bunit.Render<SurveyBanner>();

        banner.WaitForAssertion(() => Assert.Equal("shown", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));
        Assert.Equal(1, Occurrences(banner.Markup, Explanation));
    }

    [Fact]
    public void OnTheSurveyReportsPageTheExplanationIsSaidOnceNotAgainByTheBanner()
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/courses");
        var banner = context.Bunit.Render<SurveyBanner>();
        banner.WaitForAssertion(() => Assert.Equal("shown", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));

        navigation.NavigateTo("/admin/survey-reports");
        var page = context.Render<SurveyReportsPage>();

        banner.WaitForAssertion(() => Assert.Equal("hidden", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));
        page.WaitForAssertion(() => Assert.Equal(1, Occurrences(page.Markup + banner.Markup, Explanation)));
        navigation.NavigateTo("/admin/survey-reports/1");
        banner.WaitForAssertion(() => Assert.DoesNotContain(Explanation, banner.Markup));
    }

    [Fact]
    public async Task SendReportInTheBannerAsksForAReportAndSaysSo()
    {
        await using var withReceiver = await PageContext.StartAsync(PortalRoles.Superuser, ("SurveyReport:Endpoint", "http://127.0.0.1:9/never"),
            ("SurveyReport:RetryDelaySeconds", "0.01"), ("SurveyReport:TimeoutSeconds", "1"), ("SurveyReport:MaxAttempts", "1"));
        var banner = withReceiver.Bunit.Render<SurveyBanner>();
        banner.WaitForAssertion(() => Assert.Equal("shown", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));

        await banner.FindAll("button").Single(b => b.TextContent.Trim() == "Send report").ClickAsync(new());

        var report = Assert.Single(await withReceiver.Get<SurveyReportService>().ListAsync(PortalServices.Admin));
        banner.WaitForAssertion(() => Assert.Contains($"Thank you! Report {report.Id} is being generated and sent.", banner.Find("[role=status]").TextContent));
    }

    [Fact]
    public async Task DismissHidesTheBannerForThisAccount()
    {
        var banner = context.Bunit.Render<SurveyBanner>();
        banner.WaitForAssertion(() => Assert.Equal("shown", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));

        await banner.FindAll("button").Single(b => b.TextContent.Trim() == "Dismiss").ClickAsync(new());

        banner.WaitForAssertion(() => Assert.Equal("hidden", banner.Find("[data-survey-banner]").GetAttribute("data-survey-banner")));
        var actor = new PortalActor(context.UserId, context.Email, [PortalRoles.Superuser]);
        Assert.False(await Reports.ShowBannerAsync(actor));
    }
}
