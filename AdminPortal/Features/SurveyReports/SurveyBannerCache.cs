using System.Collections.Concurrent;
using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// What the banner decision reads, kept in memory: the newest report's time (one value for the whole portal) and each
/// superuser's dismissal. A page asks without a query; a new report or a dismissal made in this process replaces the
/// cached value, and one made by another process (another instance, the command line) is read within a minute.
/// </summary>
public sealed class SurveyBannerCache(IDbContextFactory<PortalDbContext> contexts, IOptions<SurveyReportOptions> options, TimeProvider clock)
{
    // How long a value read from the database is trusted: a minute is soon enough for a reminder.
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Fetched> dismissals = new();
    private Fetched? lastReport;
    private int version;

    private sealed record Fetched(DateTime? Utc, DateTime FetchedUtc)
    {
        public bool IsFreshAt(DateTime nowUtc) => nowUtc - FetchedUtc < Lifetime;
    }

    public async Task<BannerFacts> FactsAsync(string userId, bool isSuperuser, CancellationToken cancellationToken)
    {
        var enabled = options.Value.Enabled;
        if (!enabled || !isSuperuser)
        {
            return new BannerFacts(enabled, isSuperuser, null, null);
        }
        return new BannerFacts(enabled, isSuperuser, await LastReportAsync(cancellationToken), await DismissedAsync(userId, cancellationToken),
            options.Value.AutoSend);
    }

    public void ReportsChanged()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref lastReport, null);
    }

    public void Dismissed(string userId, DateTime dismissedUtc) => dismissals[userId] = new Fetched(dismissedUtc, clock.GetUtcNow().UtcDateTime);

    private async Task<DateTime?> LastReportAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Volatile.Read(ref lastReport) is { } cached && cached.IsFreshAt(now))
        {
            return cached.Utc;
        }
        var asked = Volatile.Read(ref version);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Sent automatically, a report counts once it went out; asked for by hand, once it is generated, unless its send
        // failed: a report that was to be shared and was not must not hide the reminder.
        var last = options.Value.AutoSend
            ? await db.SurveyReports.Where(r => r.SendState == SurveySendState.Sent).MaxAsync(r => r.SentUtc, cancellationToken)
            : await db.SurveyReports.Where(r => r.State == SurveyReportState.Generated && r.SendState != SurveySendState.SendFailed)
                .MaxAsync(r => r.GeneratedUtc, cancellationToken);
        // A report made while this query ran must not be hidden behind its older answer.
        if (Volatile.Read(ref version) == asked)
        {
            Volatile.Write(ref lastReport, new Fetched(last, now));
        }
        return last;
    }

    private async Task<DateTime?> DismissedAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cached = dismissals.GetValueOrDefault(userId);
        if (cached is not null && cached.IsFreshAt(now))
        {
            return cached.Utc;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dismissed = await db.SurveyBannerDismissals.Where(d => d.UserId == userId).Select(d => (DateTime?)d.DismissedUtc).SingleOrDefaultAsync(cancellationToken);
        var fetched = new Fetched(dismissed, now);
        // A dismissal made in this process while the query ran (another tab) is newer than its answer, and stays.
        var stored = cached is null ? dismissals.TryAdd(userId, fetched) : dismissals.TryUpdate(userId, fetched, cached);
        return stored ? dismissed : dismissals[userId].Utc;
    }
}
