using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;

namespace AdminPortal.Features.DemoData;

/// <summary>
/// The demo platform's schedule settings, so a fresh portal shows every feature without set-up: schedules and every
/// message on for each site (one site holds back a tenth), the global upgrade deadline on, an org override and a
/// course override.
/// </summary>
internal static class DemoScheduleSettings
{
    public const string OverriddenOrg = "MITx";

    public static async Task SaveAsync(ConfigStore configs, IReadOnlyList<Course> courses, PortalActor actor, CancellationToken cancellationToken)
    {
        var everything = new ScheduleConfig(true, 0, true, true, true, true, true, true);
        foreach (var site in courses.Select(c => c.SiteId).OfType<int>().Distinct())
        {
            var holdBack = site == courses.First(c => c.Org == "HarvardX").SiteId ? 0.1 : 0;
            await SaveAsync(configs, ConfigKind.ScheduleConfig, ConfigKeys.Of(site), everything with { HoldBackRatio = holdBack }, actor, cancellationToken);
        }
        await SaveAsync(configs, ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, GlobalDeadlineConfig.DefaultDays), actor, cancellationToken);
        await SaveAsync(configs, ConfigKind.OrgDeadline, OverriddenOrg, new DeadlineOverride(true, 14, false), actor, cancellationToken);
        var overridden = courses.First(c => c.Org == "HarvardX" && c.SelfPaced && c.Verified is not null);
        await SaveAsync(configs, ConfigKind.CourseDeadline, ConfigKeys.Of(overridden.Id), new DeadlineOverride(true, 10, false), actor, cancellationToken);
    }

    private static async Task SaveAsync<T>(ConfigStore configs, ConfigKind kind, string key, T values, PortalActor actor, CancellationToken cancellationToken)
        where T : class, IConfigValues
    {
        var current = await configs.CurrentAsync(kind, key, values, cancellationToken);
        var saved = await configs.SaveAsync(kind, key, values, current.Version, actor, cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Demo setting {kind} {key} could not be saved: {string.Join("; ", saved.Errors)}");
        }
    }
}
