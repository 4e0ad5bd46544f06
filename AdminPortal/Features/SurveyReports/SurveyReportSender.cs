using System.Diagnostics;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// POSTs a generated report's payload to <c>SurveyReport:Endpoint</c>: a timeout per attempt, retries with a doubling
/// wait on 5xx and network errors, every attempt recorded. "Sent" only after a 2xx; the counts never depend on it.
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
        if (string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            error = $"{SurveyReportOptions.Section}:Endpoint is not set: set it to the address that receives reports, then send again.";
        }
        else
        {
            error = await PostWithRetriesAsync(db, report, settings, cancellationToken);
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

    /// <returns>Null once an attempt got a 2xx; else the last attempt's error.</returns>
    private async Task<string?> PostWithRetriesAsync(PortalDbContext db, SurveyReport report, SurveyReportOptions settings, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        var lastError = "";
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Retries.DoublingDelay(attempt, TimeSpan.FromSeconds(settings.RetryDelaySeconds)), cancellationToken);
            }
            var startedUtc = clock.GetUtcNow().UtcDateTime;
            var (status, error, excerpt, elapsed) = await PostOnceAsync(client, settings, report.Payload!, cancellationToken);
            db.SurveySendAttempts.Add(new SurveySendAttempt(report.Id, startedUtc, status, error, excerpt, elapsed));
            await db.SaveChangesAsync(CancellationToken.None);
            if (error is null)
            {
                return null;
            }
            lastError = $"attempt {attempt} of {settings.MaxAttempts}: {error}";
            if (!SurveyRules.IsWorthRetrying(status))
            {
                break;
            }
        }
        return lastError;
    }

    private static async Task<(int? Status, string? Error, string? Excerpt, long Ms)> PostOnceAsync(
        HttpClient client, SurveyReportOptions settings, string payload, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            // The status decides; the answer's body is only shown, so a slow body never turns a 2xx into a failure.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return (status, response.IsSuccessStatusCode ? null : $"HTTP {status} {response.ReasonPhrase}", await ExcerptAsync(response), watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.TimeoutSeconds} s", null, watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, e.Message, null, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>The answer's first characters, read for at most two seconds.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response)
    {
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var body = await response.Content.ReadAsStreamAsync(patience.Token);
            using var reader = new StreamReader(body, Encoding.UTF8);
            var buffer = new char[SurveySendAttempt.MaxExcerptLength];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), patience.Token);
            return new string(buffer, 0, read);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            return "(the answer's body could not be read)";
        }
    }
}
