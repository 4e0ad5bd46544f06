namespace AdminPortal.Domain.SurveyReports;

/// <summary>The facts that decide whether a superuser sees the survey banner.</summary>
/// <param name="LastReportUtc">The newest report generated (sent, when reports are sent automatically).</param>
/// <param name="AutoSend">Reports go out on their own every six months.</param>
public sealed record BannerFacts(bool Enabled, bool IsSuperuser, DateTime? LastReportUtc, DateTime? DismissedUtc, bool AutoSend = false);

public static class SurveyRules
{
    public const int ActiveLearnerDays = 28;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Shown to superusers only, when no report was made in the last <paramref name="months"/> months and they have not
    /// dismissed it in that time; never when the feature is off. Sent automatically, a report gets a month's grace on
    /// top: the twice-yearly run lands exactly six months after the last, and a slow or retried send must not bring the
    /// banner back; only a run that keeps failing does.
    /// </summary>
    public static bool ShowBanner(BannerFacts facts, DateTime nowUtc, int months)
    {
        var reportSince = nowUtc.AddMonths(-(facts.AutoSend ? months + 1 : months));
        var dismissedSince = nowUtc.AddMonths(-months);
        return facts.Enabled && facts.IsSuperuser && !(facts.LastReportUtc > reportSince) && !(facts.DismissedUtc > dismissedSince);
    }

    /// <summary>Logged in within the last 4 weeks: at or after this moment.</summary>
    public static DateTime ActiveSince(DateTime nowUtc) => nowUtc.AddDays(-ActiveLearnerDays);

    /// <summary>5xx answers and the network failing may pass; 4xx will not get better by asking again.</summary>
    public static bool IsWorthRetrying(int? statusCode) => statusCode is null or >= 500;
}
