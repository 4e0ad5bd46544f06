using FluentValidation;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

public sealed record SiteScheduleConfig(int SiteId, string Domain, string Name, ConfigSnapshot<ScheduleConfig> Config);

/// <summary>Each site's ScheduleConfig and each course's "create schedules for this course", with their histories.</summary>
public sealed class ScheduleConfigService(IDbContextFactory<PortalDbContext> contexts, ConfigStore store, IValidator<ScheduleConfig> validator)
{
    public async Task<IReadOnlyList<SiteScheduleConfig>> ListAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Domain).ToListAsync(cancellationToken);
        var configs = await store.AllCurrentAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, cancellationToken);
        return sites.Select(s => new SiteScheduleConfig(s.Id, s.Domain, s.Name,
            configs.GetValueOrDefault(ConfigKeys.Of(s.Id)) ?? new ConfigSnapshot<ScheduleConfig>(ScheduleConfig.Off, 0, null, null))).ToList();
    }

    public async Task<ServiceResult<ConfigSnapshot<ScheduleConfig>>> CurrentAsync(int siteId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return await SiteExistsAsync(siteId, cancellationToken)
            ? await store.CurrentAsync(ConfigKind.ScheduleConfig, ConfigKeys.Of(siteId), ScheduleConfig.Off, cancellationToken)
            : SiteGone;
    }

    public async Task<ServiceResult<ConfigSnapshot<ScheduleConfig>>> SaveAsync(
        int siteId, ScheduleConfig values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var validation = validator.Validate(values);
        if (!validation.IsValid)
        {
            return ServiceResult<ConfigSnapshot<ScheduleConfig>>.Fail(validation.ToApiErrors());
        }
        if (!await SiteExistsAsync(siteId, cancellationToken))
        {
            return SiteGone;
        }
        return await store.SaveAsync(ConfigKind.ScheduleConfig, ConfigKeys.Of(siteId), values, basedOnVersion, actor, cancellationToken);
    }

    public Task<IReadOnlyList<ConfigHistoryEntry<ScheduleConfig>>> HistoryAsync(int siteId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.HistoryAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, ConfigKeys.Of(siteId), cancellationToken);
    }

    public Task<ServiceResult<ConfigSnapshot<ScheduleConfig>>> RestoreAsync(
        int siteId, int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return store.RestoreAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, ConfigKeys.Of(siteId), version, basedOnVersion, actor, cancellationToken);
    }

    public async Task<ConfigSnapshot<CourseScheduleOverride>> CourseOverrideAsync(int courseId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return await store.CurrentAsync(ConfigKind.CourseSchedules, ConfigKeys.Of(courseId), CourseScheduleOverride.Off, cancellationToken);
    }

    public async Task<ServiceResult<ConfigSnapshot<CourseScheduleOverride>>> SaveCourseOverrideAsync(
        int courseId, bool createSchedules, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            return new ServiceError(ErrorKind.NotFound, "course", "This course no longer exists.");
        }
        return await store.SaveAsync(ConfigKind.CourseSchedules, ConfigKeys.Of(courseId), new CourseScheduleOverride(createSchedules), basedOnVersion, actor, cancellationToken);
    }

    public Task<ServiceResult<ConfigSnapshot<CourseScheduleOverride>>> RestoreCourseOverrideAsync(
        int courseId, int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        return store.RestoreAsync<CourseScheduleOverride>(ConfigKind.CourseSchedules, ConfigKeys.Of(courseId), version, basedOnVersion, actor, cancellationToken);
    }

    public Task<IReadOnlyList<ConfigHistoryEntry<CourseScheduleOverride>>> CourseOverrideHistoryAsync(
        int courseId, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        return store.HistoryAsync<CourseScheduleOverride>(ConfigKind.CourseSchedules, ConfigKeys.Of(courseId), cancellationToken);
    }

    private static ServiceError SiteGone => new(ErrorKind.NotFound, "site", "This site no longer exists: reload the page.");

    private async Task<bool> SiteExistsAsync(int siteId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken);
    }
}
