using System.Data.Common;
using AdminPortal.Cli;
using AdminPortal.Data;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.SurveyReports;

[RunsOnPostgreSql]
public sealed class SurveyReportServiceTests
{
    private static readonly PortalActor Boss = new("boss-id", "boss@example.org", [PortalRoles.Superuser]);

    [Fact]
    public async Task ADismissalHoldsForThatSuperuserOnlyAndANewReportHidesTheBannerForAll()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        await using var portal = await PortalServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var reports = portal.Get<SurveyReportService>();
        var other = new PortalActor("other-id", "other@example.org", [PortalRoles.Superuser]);

        Assert.True(await reports.ShowBannerAsync(Boss));
        await reports.DismissBannerAsync(Boss);
        Assert.False(await reports.ShowBannerAsync(Boss));
        Assert.True(await reports.ShowBannerAsync(other));

        clock.Advance(TimeSpan.FromDays(215));
        Assert.True(await reports.ShowBannerAsync(Boss));
        await reports.RequestAsync(send: false, other);
        Assert.False(await reports.ShowBannerAsync(Boss));
        Assert.False(await reports.ShowBannerAsync(other));
    }

    [Fact]
    public async Task ADismissalOrAReportMadeByAnotherInstanceReachesThisOnesBannerWithinTheCachesLifetime()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        using var directory = TestDirectory.CreateMigrated("banner");
        await using var one = await PortalServices.StartOnAsync(directory, services => services.AddSingleton<TimeProvider>(clock));
        await using var another = await PortalServices.StartOnAsync(directory, services => services.AddSingleton<TimeProvider>(clock));
        var other = new PortalActor("other-id", "other@example.org", [PortalRoles.Superuser]);
        Assert.True(await one.Get<SurveyReportService>().ShowBannerAsync(Boss));
        Assert.True(await one.Get<SurveyReportService>().ShowBannerAsync(other));

        await another.Get<SurveyReportService>().DismissBannerAsync(Boss);
        Assert.True(await one.Get<SurveyReportService>().ShowBannerAsync(Boss));
        clock.Advance(SurveyBannerCache.Lifetime);
        Assert.False(await one.Get<SurveyReportService>().ShowBannerAsync(Boss));

        await another.Get<SurveyReportService>().RequestAsync(send: false, Boss);
        Assert.True(await one.Get<SurveyReportService>().ShowBannerAsync(other));
        clock.Advance(SurveyBannerCache.Lifetime);
        Assert.False(await one.Get<SurveyReportService>().ShowBannerAsync(other));
    }

    /// <summary>Two tabs of one superuser dismissing at once: both read no dismissal, and the second insert must not fail.</summary>
    [Fact]
    public async Task TwoDismissalsAtOnceBothSucceedAndLeaveOneRowForTheSuperuser()
    {
        await using var portal = await PortalServices.StartAsync();
        var reports = portal.Get<SurveyReportService>();

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => reports.DismissBannerAsync(new PortalActor($"boss-{round}", "boss@example.org", [PortalRoles.Superuser])))));
        }

        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(5, await db.SurveyBannerDismissals.CountAsync());
        Assert.False(await reports.ShowBannerAsync(new PortalActor("boss-4", "boss@example.org", [PortalRoles.Superuser])));
    }

    /// <summary>
    /// A page reading the dismissal from the database while the same superuser dismisses in another tab: the older answer,
    /// arriving last, must not bring the banner back.
    /// </summary>
    [Fact]
    public async Task ADismissalMadeWhileItsOlderStateIsBeingReadIsNotOverwrittenByIt()
    {
        var gate = new DismissalReadGate();
        await using var portal = await PortalServices.StartAsync(services =>
            services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(gate)));
        var reports = portal.Get<SurveyReportService>();

        var reading = Task.Run(() => reports.ShowBannerAsync(Boss));
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await reports.DismissBannerAsync(Boss);
        gate.Release.SetResult();

        Assert.False(await reading); // the newest this process knows, though the page asked before the dismissal
        Assert.False(await reports.ShowBannerAsync(Boss));
    }

    /// <summary>Holds the first read of a dismissal until released, so the test can dismiss meanwhile.</summary>
    private sealed class DismissalReadGate : DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int held;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("SurveyBannerDismissals", StringComparison.Ordinal) && Interlocked.Exchange(ref held, 1) == 0)
            {
                Reached.SetResult();
                await Release.Task;
            }
            return result;
        }
    }

    [Fact]
    public async Task AReportWhoseSendFailedDoesNotHideTheBanner()
    {
        await using var portal = await PortalServices.StartAsync();
        var reports = portal.Get<SurveyReportService>();
        Assert.StartsWith("No receiver is set (SurveyReport:Endpoint)", reports.WhyReportsCannotBeSent);

        var id = await reports.RequestAsync(send: true, Boss);

        Assert.Equal(SurveySendState.SendFailed, (await reports.GetAsync(id, Boss))!.Report.SendState);
        Assert.True(await reports.ShowBannerAsync(Boss));
        await reports.RequestAsync(send: false, Boss);
        Assert.False(await reports.ShowBannerAsync(Boss));
    }

    [Fact]
    public async Task AReportAskedForWhileAnotherIsBeingGeneratedIsRefusedNamingIt()
    {
        await using var portal = await PortalServices.StartAsync();
        var reports = portal.Get<SurveyReportService>();
        var first = await reports.CreateAsync("first@example.org", send: false, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => reports.RequestAsync(send: true, Boss));

        Assert.StartsWith($"Report {first} is being generated (asked for by first@example.org at ", refused.Message);
        Assert.Equal(first, Assert.Single(await reports.ListAsync(Boss)).Id);
    }

    [Fact]
    public async Task ADismissalIsStoredOnTheServerAndOutlivesTheProcess()
    {
        var folder = TestDirectory.CreateMigrated("survey-dismiss");
        try
        {
            await using (var first = await CliHost.StartAsync([], folder.Settings(), CancellationToken.None))
            {
                await first.Services.GetRequiredService<SurveyReportService>().DismissBannerAsync(Boss);
            }
            await using var second = await CliHost.StartAsync([], folder.Settings(), CancellationToken.None);

            Assert.False(await second.Services.GetRequiredService<SurveyReportService>().ShowBannerAsync(Boss));
        }
        finally
        {
            folder.Dispose();
        }
    }

    [Theory]
    [InlineData(PortalRoles.Staff)]
    [InlineData(PortalRoles.Support)]
    [InlineData(PortalRoles.CourseAuthor)]
    public async Task OnlySuperusersSeeTheBannerAndTheReports(string role)
    {
        await using var portal = await PortalServices.StartAsync();
        var reports = portal.Get<SurveyReportService>();
        var actor = new PortalActor("x", "someone", [role]);

        Assert.False(await reports.ShowBannerAsync(actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => reports.ListAsync(actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => reports.RequestAsync(true, actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => reports.DismissBannerAsync(actor));
    }

    [Fact]
    public async Task TurnedOffThereIsNoBannerNoReportAndNoJob()
    {
        await using var portal = await PortalServices.StartAsync(("SurveyReport:Enabled", "false"));
        var reports = portal.Get<SurveyReportService>();

        Assert.False(await reports.ShowBannerAsync(Boss));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.RequestAsync(true, Boss));
        Assert.Null(portal.Get<JobCatalog>().Find(SurveyReportJob.Name));
        Assert.DoesNotContain(PortalNavigation.VisibleTo(Boss, portal.Get<IConfiguration>()), a => a.Title == "Survey reports");
    }

    [Fact]
    public async Task ExtraDataThatIsNotAJsonObjectStopsTheStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PortalServices.StartAsync(("SurveyReport:ExtraData", "[1, 2]")));

        Assert.Contains("SurveyReport:ExtraData must be a JSON object", error.Message);
    }
}

public sealed class SurveyReportPagesSwitchTests
{
    [Theory]
    [InlineData("false", System.Net.HttpStatusCode.NotFound)]
    [InlineData("true", System.Net.HttpStatusCode.Redirect)]
    public async Task TurnedOffThePagesDoNotExist(string enabled, System.Net.HttpStatusCode status)
    {
        using var portal = new PortalWebFactory("Production", ("SurveyReport:Enabled", enabled));
        var client = portal.CreateBrowserlikeClient();

        Assert.Equal(status, (await client.GetAsync("/admin/survey-reports")).StatusCode);
        Assert.Equal(status, (await client.GetAsync("/admin/survey-reports/1")).StatusCode);
    }
}
