using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.SurveyReports;

[RunsOnPostgreSql]
public sealed class SurveyReportJobTests
{
    private static readonly JobStart BySchedule = new(JobStarter.Schedule, null, "0 0 4 1 1,7 ? (UTC)");

    private static async Task<JobRun> RunAsync(PortalServices portal) =>
        await portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(SurveyReportJob.Name)!, BySchedule, CancellationToken.None);

    [Fact]
    public async Task WithAutoSendTheScheduledRunGeneratesAndSendsAReportAndTheBannerStaysAway()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(200));
        await using var portal = await PortalServices.StartAsync(("SurveyReport:Endpoint", receiver.Url), ("SurveyReport:AutoSend", "true"));

        var run = await RunAsync(portal);

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.Counts["generated"], run.Counts["sent"]));
        var report = Assert.Single(await portal.Get<SurveyReportService>().ListAsync(PortalServices.Admin));
        Assert.Equal((SurveySendState.Sent, SurveyReportJob.AutomaticRequester), (report.SendState, report.CreatedBy));
        var boss = new PortalActor("boss", "boss", [PortalRoles.Superuser]);
        Assert.False(await portal.Get<SurveyReportService>().ShowBannerAsync(boss));
    }

    [Fact]
    public async Task WithoutAutoSendTheScheduledRunMakesNoReport()
    {
        await using var portal = await PortalServices.StartAsync();

        var run = await RunAsync(portal);

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Empty(await portal.Get<SurveyReportService>().ListAsync(PortalServices.Admin));
        Assert.Contains("AutoSend is off", run.LogLines[0].Message);
    }
}
