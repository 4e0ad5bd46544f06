using System.Globalization;

namespace AdminPortal.Domain.UpgradeDeadlines;

public enum DeadlineLevel
{
    None,
    Global,
    Org,
    Course,
}

/// <summary>Which level decides a course's dynamic upgrade deadline, its days (none when opted out or off), and why.</summary>
/// <param name="Decider">The level in words ("global", "org MITx"), as the level above names what it overrides.</param>
public sealed record DeadlineDecision(DeadlineLevel Level, int? Days, bool OptedOut, string Reason, string Decider);

/// <summary>A learner's upgrade deadline, or none, with the one sentence that explains it.</summary>
public sealed record UpgradeDeadline(DateTime? DeadlineUtc, string Explanation);

/// <summary>
/// The one implementation of the upgrade-deadline rules, used by the explainer, schedule creation and the jobs.
/// As in Open edX, the global setting is the master switch: not enabled, no course gets a dynamic deadline, whatever the
/// overrides say. Enabled, an enabled org override replaces its days or opts out, then an enabled course override
/// replaces the days or opts out (so a course that opts in brings a deadline back under an org that opted out). The
/// deadline is the schedule's start plus those days, or the verified mode's expiration when that comes first; a course
/// without a verified mode gets none.
/// </summary>
public static class UpgradeDeadlinePolicy
{
    public const string GlobalOff = "Dynamic upgrade deadlines are off: the global setting, which switches them on for every course, is not enabled";

    public static DeadlineDecision Decide(string org, string courseKey, GlobalDeadlineConfig global, DeadlineOverride orgOverride, DeadlineOverride courseOverride)
    {
        if (!global.Enabled)
        {
            return new DeadlineDecision(DeadlineLevel.None, null, false, GlobalOff, "none");
        }
        var decision = new DeadlineDecision(DeadlineLevel.Global, global.DeadlineDays, false, $"Global: {Days(global.DeadlineDays)}", "global");
        decision = Apply(decision, orgOverride, DeadlineLevel.Org, $"org {org}");
        return Apply(decision, courseOverride, DeadlineLevel.Course, $"course {courseKey}");
    }

    public static UpgradeDeadline DeadlineFor(DeadlineDecision decision, DateTime scheduleStartUtc, bool hasVerifiedMode, DateTime? verifiedExpirationUtc)
    {
        if (decision.Days is not { } days)
        {
            return new UpgradeDeadline(null, decision.Reason + ", so no upgrade deadline");
        }
        if (!hasVerifiedMode)
        {
            return new UpgradeDeadline(null, $"{decision.Reason}; the course has no verified mode, so no upgrade deadline");
        }
        var byDays = scheduleStartUtc.AddDays(days);
        if (verifiedExpirationUtc is { } expires && expires < byDays)
        {
            return new UpgradeDeadline(expires, $"{decision.Reason}; verified mode expires {Date(expires)}, earlier, so the deadline is {Date(expires)}");
        }
        var later = verifiedExpirationUtc is { } expiration ? $" (the verified mode expires later, {Date(expiration)})" : "";
        return new UpgradeDeadline(byDays, $"{decision.Reason}, so the deadline is {Date(byDays)}{later}");
    }

    private static DeadlineDecision Apply(DeadlineDecision below, DeadlineOverride level, DeadlineLevel name, string who)
    {
        if (!level.Enabled)
        {
            return below;
        }
        var subject = char.ToUpperInvariant(who[0]) + who[1..];
        if (level.OptOut)
        {
            return new DeadlineDecision(name, null, true, $"{subject} opts out", who);
        }
        return new DeadlineDecision(name, level.DeadlineDays, false, $"{subject} overrides {below.Decider}: {Days(level.DeadlineDays)}", who);
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
