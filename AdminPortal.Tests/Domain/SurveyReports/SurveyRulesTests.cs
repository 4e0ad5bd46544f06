using AdminPortal.Domain;
using AdminPortal.Domain.SurveyReports;

namespace AdminPortal.Tests.Domain.SurveyReports;

public sealed class SurveyRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(-5, null, false)]
    [InlineData(-7, null, true)]
    [InlineData(null, -1, false)]
    [InlineData(null, -7, true)]
    [InlineData(-7, -1, false)]
    [InlineData(-5, -7, false)]
    public void ASuperuserSeesTheBannerWithoutARecentReportOrDismissal(int? reportMonthsAgo, int? dismissedMonthsAgo, bool shown)
    {
        var facts = new BannerFacts(true, true, reportMonthsAgo is { } r ? Now.AddMonths(r) : null, dismissedMonthsAgo is { } d ? Now.AddMonths(d) : null);

        Assert.Equal(shown, SurveyRules.ShowBanner(facts, Now, 6));
    }

    [Fact]
    public void OthersAndATurnedOffFeatureNeverSeeIt()
    {
        Assert.False(SurveyRules.ShowBanner(new BannerFacts(true, IsSuperuser: false, null, null), Now, 6));
        Assert.False(SurveyRules.ShowBanner(new BannerFacts(Enabled: false, true, null, null), Now, 6));
    }

    [Theory]
    [InlineData(183, false)]
    [InlineData(200, false)]
    [InlineData(215, true)]
    public void SentAutomaticallyAReportGetsAMonthsGrace(int sentDaysAgo, bool shown) =>
        Assert.Equal(shown, SurveyRules.ShowBanner(new BannerFacts(true, true, Now.AddDays(-sentDaysAgo), null, AutoSend: true), Now, 6));

    [Fact]
    public void TheWindowFollowsTheSetting() =>
        Assert.True(SurveyRules.ShowBanner(new BannerFacts(true, true, Now.AddMonths(-2), null), Now, 1));

    [Fact]
    public void ActiveLearnersLoggedInAtOrAfterFourWeeksAgo() => Assert.Equal(Now.AddDays(-28), SurveyRules.ActiveSince(Now));

    [Theory]
    [InlineData(null, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    public void OnlyServerAndNetworkErrorsAreRetried(int? status, bool retried) => Assert.Equal(retried, SurveyRules.IsWorthRetrying(status));

    [Fact]
    public void AReportIsProcessingThenGeneratedThenSentOrSendFailed()
    {
        var report = new SurveyReport("admin@example.org", sendWhenGenerated: false, Now);
        Assert.Equal(("Processing", null), (report.StateText, report.Counts));
        Assert.Throws<DomainException>(() => report.RecordSend(true, null, Now));

        report.Generate(new SurveyCounts(1, 2, 3, 4, 5), "{}", Now);
        Assert.Equal(("Generated", new SurveyCounts(1, 2, 3, 4, 5)), (report.StateText, report.Counts));
        report.QueueSend(Now);
        Assert.Equal("Sending", report.StateText);
        report.RecordSend(false, "HTTP 500", Now);
        Assert.Equal(("Send failed", "HTTP 500", new SurveyCounts(1, 2, 3, 4, 5)), (report.StateText, report.LastSendError, report.Counts));
        report.QueueSend(Now);
        report.RecordSend(true, null, Now);
        Assert.Equal(("Sent", Now), (report.StateText, report.SentUtc));
        Assert.Throws<DomainException>(() => report.QueueSend(Now));
    }

    [Fact]
    public void AFailedGenerationHasNothingToSend()
    {
        var report = new SurveyReport("admin@example.org", sendWhenGenerated: true, Now);
        report.Fail("disk I/O error", Now);

        Assert.Equal(("Error", "disk I/O error", SurveySendState.NotSent), (report.StateText, report.Error, report.SendState));
        Assert.Throws<DomainException>(() => report.QueueSend(Now));
    }
}
