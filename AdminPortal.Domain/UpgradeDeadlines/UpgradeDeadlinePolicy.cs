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
/// As in Open edX: the global setting applies when enabled; an enabled org override replaces it (opting in with its own
/// days, or out); an enabled course override replaces both. The deadline is the schedule's start plus those days, or
/// the verified mode's expiration when that comes first; a course without a verified mode gets none.
/// </summary>
public static class UpgradeDeadlinePolicy
{
    public static DeadlineDecision Decide(string org, string courseKey, GlobalDeadlineConfig global, DeadlineOverride orgOverride, DeadlineOverride courseOverride)
    {
        var decision = global.Enabled
            ? new DeadlineDecision(DeadlineLevel.Global, global.DeadlineDays, false, $"Global: {Days(global.DeadlineDays)}", "global")
            : new DeadlineDecision(DeadlineLevel.None, null, false, "No dynamic deadline is enabled for this course (global, org or course)", "none");
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
        var verb = below.Level == DeadlineLevel.None ? "opts in" : $"overrides {below.Decider}";
        return new DeadlineDecision(name, level.DeadlineDays, false, $"{subject} {verb}: {Days(level.DeadlineDays)}", who);
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
