using System.Globalization;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.UpgradeDeadlines;

/// <summary>An override as in force, for the org and course lists.</summary>
public sealed record OverrideRow(string Key, string Label, ConfigSnapshot<DeadlineOverride> Config);

/// <summary>A save that worked, with a warning worth showing (an org no course uses, say).</summary>
public sealed record SaveOutcome<T>(ConfigSnapshot<T> Snapshot, string? Warning);

/// <summary>The global, org and course upgrade-deadline configurations, each versioned with its history.</summary>
public sealed class UpgradeDeadlineService(IDbContextFactory<PortalDbContext> contexts, ConfigStore store)
{
    public const string Global = "";

    public Task<ConfigSnapshot<GlobalDeadlineConfig>> GlobalAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.CurrentAsync(ConfigKind.GlobalDeadline, Global, GlobalDeadlineConfig.Off, cancellationToken);
    }

    public async Task<ServiceResult<ConfigSnapshot<GlobalDeadlineConfig>>> SaveGlobalAsync(
        GlobalDeadlineConfig values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return DaysError(values.DeadlineDays) is { } error
            ? error
            : await store.SaveAsync(ConfigKind.GlobalDeadline, Global, values, basedOnVersion, actor, cancellationToken);
    }

    public async Task<IReadOnlyList<OverrideRow>> OrgOverridesAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var current = await store.AllCurrentAsync<DeadlineOverride>(ConfigKind.OrgDeadline, cancellationToken);
        return current.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new OverrideRow(c.Key, c.Key, c.Value)).ToList();
    }

    public async Task<IReadOnlyList<string>> OrgsInUseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.Select(c => c.Org).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult<SaveOutcome<DeadlineOverride>>> SaveOrgAsync(
        string org, DeadlineOverride values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        org = org.Trim();
        if (!Domain.Learning.Site.OrgName().IsMatch(org))
        {
            return new ServiceError(ErrorKind.Invalid, "org", "Enter an org, such as MITx: letters, digits and . _ - ~");
        }
        if (DaysError(values.DeadlineDays) is { } error)
        {
            return error;
        }
        var saved = await store.SaveAsync(ConfigKind.OrgDeadline, org, values, basedOnVersion, actor, cancellationToken);
        if (!saved.Succeeded)
        {
            return ServiceResult<SaveOutcome<DeadlineOverride>>.Fail(saved.Errors);
        }
        var used = (await OrgsInUseAsync(cancellationToken)).Contains(org, StringComparer.Ordinal);
        return new SaveOutcome<DeadlineOverride>(saved.Value!,
            used ? null : $"No course uses the org {org} yet: the override applies once one does. Check the spelling (orgs are case-sensitive).");
    }

    public async Task<IReadOnlyList<OverrideRow>> CourseOverridesAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var current = await store.AllCurrentAsync<DeadlineOverride>(ConfigKind.CourseDeadline, cancellationToken);
        var ids = current.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.Courses.IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Key, cancellationToken);
        return current.Select(c => new OverrideRow(c.Key, keys.GetValueOrDefault(int.Parse(c.Key, CultureInfo.InvariantCulture)) ?? "(deleted course)", c.Value))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    public async Task<ServiceResult<SaveOutcome<DeadlineOverride>>> SaveCourseAsync(
        string courseKey, DeadlineOverride values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courseId = await db.Courses.IgnoreAutoIncludes().Where(c => c.Key == courseKey.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (courseId is null)
        {
            return new ServiceError(ErrorKind.NotFound, "course", $"No course has the key {courseKey}.");
        }
        if (DaysError(values.DeadlineDays) is { } error)
        {
            return error;
        }
        var saved = await store.SaveAsync(ConfigKind.CourseDeadline, Key(courseId.Value), values, basedOnVersion, actor, cancellationToken);
        return saved.Succeeded ? new SaveOutcome<DeadlineOverride>(saved.Value!, null) : ServiceResult<SaveOutcome<DeadlineOverride>>.Fail(saved.Errors);
    }

    /// <summary>The snapshot in force for an org or a course key, for the edit form (version 0: no override yet).</summary>
    public async Task<ConfigSnapshot<DeadlineOverride>> OverrideAsync(ConfigKind kind, string key, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return await store.CurrentAsync(kind, key, DeadlineOverride.None, cancellationToken);
    }

    public Task<IReadOnlyList<ConfigHistoryEntry<T>>> HistoryAsync<T>(ConfigKind kind, string key, PortalActor actor, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.HistoryAsync<T>(kind, key, cancellationToken);
    }

    public Task<ServiceResult<ConfigSnapshot<T>>> RestoreAsync<T>(
        ConfigKind kind, string key, int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return store.RestoreAsync<T>(kind, key, version, basedOnVersion, actor, cancellationToken);
    }

    private static ServiceError? DaysError(int days) =>
        DeadlineDays.IsValid(days) ? null
            : new ServiceError(ErrorKind.Invalid, "deadline_days", $"Deadline days must be between {DeadlineDays.Min} and {DeadlineDays.Max}, not {days}.");

    public static string Key(int courseId) => courseId.ToString(CultureInfo.InvariantCulture);
}
