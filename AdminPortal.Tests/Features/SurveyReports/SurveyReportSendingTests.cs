using System.Text.Json;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.SurveyReports;

/// <summary>Generating and sending against a real HTTP endpoint on 127.0.0.1 that the test scripts.</summary>
[RunsOnPostgreSql]
public sealed class SurveyReportSendingTests
{
    private static async Task<PortalServices> PortalAsync(HttpReceiver? receiver, params (string Key, string? Value)[] settings) =>
        await PortalServices.StartAsync(
        [
            ("SurveyReport:Endpoint", receiver?.Url), ("SurveyReport:RetryDelaySeconds", "0.05"), ("SurveyReport:TimeoutSeconds", "2"),
            ("SurveyReport:ExtraData:org", "Example University"), ("SurveyReport:ExtraData:contact:team", "ops"), .. settings,
        ]);

    private static async Task<SurveyReportDetail> GenerateAsync(PortalServices portal, bool send)
    {
        var reports = portal.Get<SurveyReportService>();
        var id = await reports.RequestAsync(send, PortalServices.Admin);
        return (await reports.GetAsync(id, PortalServices.Admin))!;
    }

    [Fact]
    public async Task AReportIsSentOnceTheEndpointAnswers2xxWithTheExactPayload()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(200));
        await using var portal = await PortalAsync(receiver, ("SurveyReport:SiteId", "campus-42"));

        var detail = await GenerateAsync(portal, send: true);

        Assert.Equal(("Sent", 1), (detail.Report.StateText, detail.Attempts.Count));
        Assert.Equal((200, "{\"ok\":true}"), (detail.Attempts[0].StatusCode, detail.Attempts[0].ResponseExcerpt));
        var body = Assert.Single(receiver.Bodies);
        Assert.Equal(detail.Report.Payload, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("campus-42", json.GetProperty("site_id").GetString());
        Assert.Equal(detail.Report.CreatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ"), json.GetProperty("created").GetString());
        Assert.Equal(0, json.GetProperty("registered_learners").GetInt64());
        var extra = json.GetProperty("extra_data");
        Assert.Equal(("Example University", "ops"), (extra.GetProperty("org").GetString(), extra.GetProperty("contact").GetProperty("team").GetString()));
    }

    [Fact]
    public async Task A500IsRetriedAndTheNext200SendsIt()
    {
        await using var receiver = await HttpReceiver.StartAsync(call => Task.FromResult(call == 1 ? 500 : 200));
        await using var portal = await PortalAsync(receiver);

        var detail = await GenerateAsync(portal, send: true);

        Assert.Equal("Sent", detail.Report.StateText);
        Assert.Equal([500, 200], detail.Attempts.Select(a => a.StatusCode));
        Assert.Equal("HTTP 500 Internal Server Error", detail.Attempts[0].Error);
        Assert.Equal(2, receiver.Bodies.Count);
    }

    [Fact]
    public async Task AnEndpointThatHangsPastTheTimeoutFailsTheSendAndKeepsTheCounts()
    {
        await using var receiver = await HttpReceiver.StartAsync(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return 200;
        });
        await using var portal = await PortalAsync(receiver, ("SurveyReport:TimeoutSeconds", "1"), ("SurveyReport:MaxAttempts", "2"));

        var detail = await GenerateAsync(portal, send: true);

        Assert.Equal(("Send failed", "attempt 2 of 2: no answer within 1 s"), (detail.Report.StateText, detail.Report.LastSendError));
        Assert.Equal([null, null], detail.Attempts.Select(a => a.StatusCode));
        Assert.All(detail.Attempts, a => Assert.InRange(a.DurationMs, 900, 4000));
        Assert.Equal(SurveyReportState.Generated, detail.Report.State);
        Assert.NotNull(detail.Report.Counts);
        Assert.NotNull(detail.Report.Payload);
    }

    [Fact]
    public async Task A4xxIsNotRetriedAndTheReportCanBeSentAgainLater()
    {
        var down = true;
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(down ? 400 : 201));
        await using var portal = await PortalAsync(receiver);
        var failed = await GenerateAsync(portal, send: true);
        down = false;

        var queued = await portal.Get<SurveyReportService>().QueueSendAsync(failed.Report.Id, PortalServices.Admin);
        var again = (await portal.Get<SurveyReportService>().GetAsync(failed.Report.Id, PortalServices.Admin))!;

        Assert.Equal(("Send failed", 1), (failed.Report.StateText, failed.Attempts.Count));
        Assert.True(queued.Succeeded);
        Assert.Equal("Sent", again.Report.StateText);
        Assert.Equal([400, 201], again.Attempts.Select(a => a.StatusCode));
        Assert.Equal(failed.Report.Payload, again.Report.Payload);
    }

    [Fact]
    public async Task WithoutAnEndpointTheReportIsGeneratedAndTheSendSaysWhatToSet()
    {
        await using var portal = await PortalAsync(null);

        var detail = await GenerateAsync(portal, send: true);

        Assert.Equal("Send failed", detail.Report.StateText);
        Assert.StartsWith("SurveyReport:Endpoint is not set", detail.Report.LastSendError);
        Assert.Empty(detail.Attempts);
    }

    [Fact]
    public async Task GeneratingOnlyDoesNotSendAndTheAnonymousSiteIdStaysTheSame()
    {
        await using var receiver = await HttpReceiver.StartAsync(_ => Task.FromResult(200));
        await using var portal = await PortalAsync(receiver, ("SurveyReport:SiteId", "campus-42"), ("SurveyReport:Anonymous", "true"));

        var first = await GenerateAsync(portal, send: false);
        var second = await GenerateAsync(portal, send: false);

        Assert.Equal(("Generated", 0), (first.Report.StateText, receiver.Bodies.Count));
        var ids = new[] { first, second }.Select(d => JsonDocument.Parse(d.Report.Payload!).RootElement.GetProperty("site_id").GetString()).ToList();
        Assert.True(Guid.TryParse(ids[0], out _));
        Assert.Equal(ids[0], ids[1]);
    }
}
