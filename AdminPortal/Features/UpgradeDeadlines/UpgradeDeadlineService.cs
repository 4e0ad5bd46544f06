using FluentValidation;
using System.Globalization;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.UpgradeDeadlines;

/// <summary>An override as in force, for the org and course lists: Target is the org or the course key.</summary>
public sealed record OverrideRow(string Target, ConfigSnapshot<DeadlineOverride> Config);

/// <summary>
/// The global, org and course upgrade-deadline configurations, each versioned with its history. An override is named
/// by its target: the org itself, or the course key (kept by course id, so a course keeps its history).
/// </summary>
public sealed class UpgradeDeadlineService(
    IDbContextFactory<PortalDbContext> contexts, ConfigStore store, IValidator<GlobalDeadlineConfig> globalValidator, IValidator<DeadlineOverride> overrideValidator)
{
    private const string GlobalKey = "";

    public Task<ConfigSnapshot<GlobalDeadlineConfig>> GlobalAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.CurrentAsync(ConfigKind.GlobalDeadline, GlobalKey, GlobalDeadlineConfig.Off, cancellationToken);
    }

    public async Task<ServiceResult<ConfigSnapshot<GlobalDeadlineConfig>>> SaveGlobalAsync(
        GlobalDeadlineConfig values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var validation = globalValidator.Validate(values);
        return validation.IsValid
            ? await store.SaveAsync(ConfigKind.GlobalDeadline, GlobalKey, values, basedOnVersion, actor, cancellationToken)
            : ServiceResult<ConfigSnapshot<GlobalDeadlineConfig>>.Fail(validation.ToApiErrors());
    }

    public Task<IReadOnlyList<ConfigHistoryEntry<GlobalDeadlineConfig>>> GlobalHistoryAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.HistoryAsync<GlobalDeadlineConfig>(ConfigKind.GlobalDeadline, GlobalKey, cancellationToken);
    }

    public Task<ServiceResult<ConfigSnapshot<GlobalDeadlineConfig>>> RestoreGlobalAsync(
        int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return store.RestoreAsync<GlobalDeadlineConfig>(ConfigKind.GlobalDeadline, GlobalKey, version, basedOnVersion, actor, cancellationToken);
    }

    /// <summary>The org or course overrides ever saved, as in force, by target.</summary>
    public async Task<IReadOnlyList<OverrideRow>> OverridesAsync(DeadlineLevel level, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var current = await store.AllCurrentAsync<DeadlineOverride>(KindOf(level), cancellationToken);
        var targets = current.Keys.ToDictionary(k => k, k => k);
        if (level == DeadlineLevel.Course)
        {
            var ids = current.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var keys = await db.Courses.IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => ConfigKeys.Of(c.Id), c => c.Key, cancellationToken);
            targets = current.Keys.ToDictionary(k => k, k => keys.GetValueOrDefault(k) ?? "(deleted course)");
        }
        return current.Select(c => new OverrideRow(targets[c.Key], c.Value)).OrderBy(r => r.Target, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<string>> OrgsInUseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.Select(c => c.Org).Distinct().OrderBy(o => o).ToListAsync(cancellationToken);
    }

    /// <summary>Course keys to suggest in course boxes, the newest courses first.</summary>
    public async Task<IReadOnlyList<string>> CourseKeysAsync(int max = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.IgnoreAutoIncludes().OrderByDescending(c => c.StartUtc).Select(c => c.Key).Take(max).ToListAsync(cancellationToken);
    }

    /// <summary>The override in force for an org or a course key, for the edit form (version 0: none saved yet).</summary>
    public async Task<ServiceResult<ConfigSnapshot<DeadlineOverride>>> OverrideAsync(
        DeadlineLevel level, string target, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var key = await KeyAsync(level, target, cancellationToken);
        return key.Succeeded
            ? await store.CurrentAsync(KindOf(level), key.Value!, DeadlineOverride.None, cancellationToken)
            : ServiceResult<ConfigSnapshot<DeadlineOverride>>.Fail(key.Errors);
    }

    public async Task<ServiceResult<IReadOnlyList<ConfigHistoryEntry<DeadlineOverride>>>> OverrideHistoryAsync(
        DeadlineLevel level, string target, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        var key = await KeyAsync(level, target, cancellationToken);
        return key.Succeeded
            ? ServiceResult.Of(await store.HistoryAsync<DeadlineOverride>(KindOf(level), key.Value!, cancellationToken))
            : ServiceResult<IReadOnlyList<ConfigHistoryEntry<DeadlineOverride>>>.Fail(key.Errors);
    }

    /// <summary>Saves an org's or a course's override; an org no course uses is saved with a warning.</summary>
    public async Task<ServiceResult<SaveOutcome<DeadlineOverride>>> SaveOverrideAsync(
        DeadlineLevel level, string target, DeadlineOverride values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var key = await KeyAsync(level, target, cancellationToken);
        if (!key.Succeeded)
        {
            return ServiceResult<SaveOutcome<DeadlineOverride>>.Fail(key.Errors);
        }
        if (overrideValidator.Validate(values) is { IsValid: false } invalid)
        {
            return ServiceResult<SaveOutcome<DeadlineOverride>>.Fail(invalid.ToApiErrors());
        }
        var saved = await store.SaveAsync(KindOf(level), key.Value!, values, basedOnVersion, actor, cancellationToken);
        if (!saved.Succeeded)
        {
            return ServiceResult<SaveOutcome<DeadlineOverride>>.Fail(saved.Errors);
        }
        var unusedOrg = level == DeadlineLevel.Org && !(await OrgsInUseAsync(cancellationToken)).Contains(key.Value!, StringComparer.Ordinal);
        return new SaveOutcome<DeadlineOverride>(saved.Value!, unusedOrg
            ? $"No course uses the org {key.Value} yet: the override applies once one does. Check the spelling (orgs are case-sensitive)."
            : null);
    }

    public async Task<ServiceResult<ConfigSnapshot<DeadlineOverride>>> RestoreOverrideAsync(
        DeadlineLevel level, string target, int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var key = await KeyAsync(level, target, cancellationToken);
        return key.Succeeded
            ? await store.RestoreAsync<DeadlineOverride>(KindOf(level), key.Value!, version, basedOnVersion, actor, cancellationToken)
            : ServiceResult<ConfigSnapshot<DeadlineOverride>>.Fail(key.Errors);
    }

    /// <summary>The configuration key of an org (the org itself, checked) or of a course (its id, looked up by key).</summary>
    private async Task<ServiceResult<string>> KeyAsync(DeadlineLevel level, string target, CancellationToken cancellationToken)
    {
        target = target.Trim();
        if (level == DeadlineLevel.Org)
        {
            return Domain.Learning.Site.OrgName().IsMatch(target)
                ? target
                : new ServiceError(ErrorKind.Invalid, "org", "Enter an org, such as MITx: letters, digits and . _ - ~");
        }
        if (level != DeadlineLevel.Course)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Overrides exist for orgs and courses only.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courseId = await db.Courses.IgnoreAutoIncludes().Where(c => c.Key == target).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        return courseId is null
            ? new ServiceError(ErrorKind.NotFound, "course", target.Length == 0 ? "Enter a course key." : $"No course has the key {target}.")
            : ConfigKeys.Of(courseId.Value);
    }

    private static ConfigKind KindOf(DeadlineLevel level) => level == DeadlineLevel.Org ? ConfigKind.OrgDeadline : ConfigKind.CourseDeadline;
}
