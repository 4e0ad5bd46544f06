using System.Text;
using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// POSTs a generated report's payload to <c>SurveyReport:Endpoint</c> through the "survey-report" client: a timeout per
/// attempt, retries with a doubling wait on 5xx and network errors, every attempt recorded. "Sent" only after a 2xx; the
/// counts never depend on it.
/// </summary>
public sealed class SurveyReportSender(
    IDbContextFactory<PortalDbContext> contexts,
    IHttpClientFactory clients,
    IOptions<SurveyReportOptions> options,
    SurveyBannerCache banner,
    SurveyLeases leases,
    TimeProvider clock,
    ILogger<SurveyReportSender> logger)
{
    public const string ClientName = "survey-report";

    /// <returns>The report as it ended, or null when it was not queued to send or another process is sending it.</returns>
    public async Task<SurveyReport?> SendAsync(long reportId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var queued = db.SurveyReports.Where(r => r.Id == reportId && r.State == SurveyReportState.Generated && r.SendState == SurveySendState.Queued);
        if (!await leases.ClaimAsync(db, queued, cancellationToken))
        {
            return null;
        }
        var report = await db.SurveyReports.SingleAsync(r => r.Id == reportId, cancellationToken);
        string? error;
        if (!settings.HasEndpoint)
        {
            error = $"{SurveyReportOptions.Section}:Endpoint is not set: set it to the address that receives reports, then send again.";
        }
        else
        {
            error = await PostAsync(report, settings, cancellationToken);
        }
        report.RecordSend(error is null, error, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        banner.ReportsChanged();
        if (error is null)
        {
            // The host only: an endpoint's query string may hold a token.
            logger.LogInformation("Survey report {ReportId} sent to {Host}", reportId, new Uri(settings.Endpoint!).Host);
        }
        else
        {
            logger.LogWarning("Survey report {ReportId} could not be sent: {Error}", reportId, error);
        }
        return report;
    }

    /// <returns>Null once an attempt got a 2xx; else the last attempt's error. The client retries (<see cref="SurveyAttemptRecorder"/> records each attempt).</returns>
    private async Task<string?> PostAsync(SurveyReport report, SurveyReportOptions settings, CancellationToken cancellationToken)
    {
        var send = new SurveySend(report.Id, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = new StringContent(report.Payload!, Encoding.UTF8, "application/json") };
        request.Options.Set(SurveyAttemptRecorder.SendKey, send);
        try
        {
            using var _ = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Each attempt's error is recorded with it; one that no attempt saw is the send's own, and never a success.
            if (send.Attempts == 0)
            {
                logger.LogError(e, "Survey report {ReportId} could not be sent", report.Id);
                return $"the report could not be sent: {e.Message}";
            }
        }
        return send.LastError is null ? null : $"attempt {send.Attempts} of {settings.MaxAttempts}: {send.LastError}";
    }
}
