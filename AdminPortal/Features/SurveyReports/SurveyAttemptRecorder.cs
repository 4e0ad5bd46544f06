using System.Diagnostics;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>One send of a report: whose it is, and what its attempts came to.</summary>
public sealed class SurveySend(long reportId, CancellationToken cancellation)
{
    public long ReportId { get; } = reportId;

    /// <summary>The sender's own token: an attempt it cut short (the portal stopping) is not one the endpoint failed.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public int Attempts { get; private set; }

    /// <summary>Null once an attempt got a 2xx.</summary>
    public string? LastError { get; private set; }

    internal void Record(string? error)
    {
        Attempts++;
        LastError = error;
    }
}

/// <summary>
/// Sits inside the survey client's retries, so it sees every attempt: records each one (time, status, the answer's first
/// characters, duration) as it ends, on the report it belongs to.
/// </summary>
public sealed class SurveyAttemptRecorder(IDbContextFactory<PortalDbContext> contexts, IOptions<SurveyReportOptions> options, TimeProvider clock)
    : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<SurveySend> SendKey = new("AdminPortal.SurveySend");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SendKey, out var send))
        {
            throw new InvalidOperationException($"A survey report request carries its {nameof(SurveySend)}.");
        }
        var startedUtc = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (!send.Cancellation.IsCancellationRequested)
        {
            await RecordAsync(send, new SurveySendAttempt(send.ReportId, startedUtc, null,
                ResilientHttpClients.Describe(e, options.Value.TimeoutSeconds), null, watch.ElapsedMilliseconds));
            throw;
        }
        var error = response.IsSuccessStatusCode ? null : ResilientHttpClients.Describe(response);
        // The status decides; the answer's body is only shown, so a slow body never turns a 2xx into a failure.
        var excerpt = await ExcerptAsync(response);
        await RecordAsync(send, new SurveySendAttempt(send.ReportId, startedUtc, (int)response.StatusCode, error, excerpt, watch.ElapsedMilliseconds));
        return response;
    }

    private async Task RecordAsync(SurveySend send, SurveySendAttempt attempt)
    {
        send.Record(attempt.Error);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.SurveySendAttempts.Add(attempt);
        await db.SaveChangesAsync(CancellationToken.None);
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
