using System.Globalization;
using System.Text.Json;
using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Configuration;

/// <summary>A configuration as in force: its values and the version they come from (0: never saved, the default).</summary>
public sealed record ConfigSnapshot<T>(T Values, int Version, string? ChangedBy, DateTime? ChangedAtUtc);

/// <summary>A save that worked, with a warning worth showing (an org no course uses, say).</summary>
public sealed record SaveOutcome<T>(ConfigSnapshot<T> Snapshot, string? Warning);

/// <summary>One version in a configuration's history, with what it changed from the version before.</summary>
public sealed record ConfigHistoryEntry<T>(int Version, T Values, string ChangedBy, DateTime ChangedAtUtc, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// Every versioned configuration of the portal, kept as an append-only history (one row per version, values as JSON).
/// A save names the version it was based on: if someone saved in between, it is refused rather than overwriting them.
/// </summary>
public sealed class ConfigStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<ConfigStore> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task<ConfigSnapshot<T>> CurrentAsync<T>(ConfigKind kind, string key, T fallback, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await LatestAsync(db, kind, key, cancellationToken);
        return latest is null ? new ConfigSnapshot<T>(fallback, 0, null, null) : Snapshot<T>(latest);
    }

    /// <summary>The version in force of every key of a kind (every org override, say), in one query.</summary>
    public async Task<IReadOnlyDictionary<string, ConfigSnapshot<T>>> AllCurrentAsync<T>(ConfigKind kind, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.ConfigVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.Version == db.ConfigVersions.Where(o => o.Kind == kind && o.Key == v.Key).Max(o => o.Version))
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(v => v.Key, Snapshot<T>);
    }

    /// <summary>Every version, newest first, each with the fields it changed.</summary>
    public async Task<IReadOnlyList<ConfigHistoryEntry<T>>> HistoryAsync<T>(ConfigKind kind, string key, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await Versions(db, kind, key).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        var entries = new List<ConfigHistoryEntry<T>>();
        T? previous = null;
        foreach (var version in versions)
        {
            var values = Values<T>(version);
            entries.Add(new ConfigHistoryEntry<T>(version.Version, values, version.ChangedBy, version.ChangedAtUtc, ConfigChanges.Between(previous, values)));
            previous = values;
        }
        entries.Reverse();
        return entries;
    }

    /// <summary>Adds <paramref name="values"/> as the newest version, unless another save came after <paramref name="basedOnVersion"/>.</summary>
    public async Task<ServiceResult<ConfigSnapshot<T>>> SaveAsync<T>(
        ConfigKind kind, string key, T values, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await LatestAsync(db, kind, key, cancellationToken);
        if ((latest?.Version ?? 0) != basedOnVersion)
        {
            return ChangedMeanwhile(latest);
        }
        if (latest is not null && ConfigChanges.Between(Values<T>(latest), values).Count == 0)
        {
            return Snapshot<T>(latest);
        }
        var saved = new ConfigVersion(kind, key, basedOnVersion + 1, JsonSerializer.Serialize(values, Json), actor.Name, clock.GetUtcNow().UtcDateTime);
        db.ConfigVersions.Add(saved);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A server database lets two saves read the same latest version; the second to write takes this version number.
            await transaction.RollbackAsync(cancellationToken);
            return ChangedMeanwhile(await LatestAsync(db, kind, key, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} saved {Kind} {Key} version {Version}: {Changes}", actor.Name, kind, key, saved.Version,
            string.Join("; ", ConfigChanges.Between(latest is null ? null : Values<T>(latest), values)));
        return Snapshot<T>(saved);
    }

    private static ServiceError ChangedMeanwhile(ConfigVersion? latest) => new(ErrorKind.Conflict, "version",
        $"This setting was changed by {latest?.ChangedBy} at {latest?.ChangedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; " +
        "reload to see the change, then make yours again.");

    /// <summary>Saves an older version's values again, as the newest version.</summary>
    public async Task<ServiceResult<ConfigSnapshot<T>>> RestoreAsync<T>(
        ConfigKind kind, string key, int version, int basedOnVersion, PortalActor actor, CancellationToken cancellationToken = default)
        where T : class, IConfigValues
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await Versions(db, kind, key).SingleOrDefaultAsync(v => v.Version == version, cancellationToken);
        return old is null
            ? new ServiceError(ErrorKind.NotFound, "version", $"There is no version {version} to restore.")
            : await SaveAsync(kind, key, Values<T>(old), basedOnVersion, actor, cancellationToken);
    }

    private static Task<ConfigVersion?> LatestAsync(PortalDbContext db, ConfigKind kind, string key, CancellationToken cancellationToken) =>
        Versions(db, kind, key).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<ConfigVersion> Versions(PortalDbContext db, ConfigKind kind, string key) =>
        db.ConfigVersions.AsNoTracking().Where(v => v.Kind == kind && v.Key == key);

    private static ConfigSnapshot<T> Snapshot<T>(ConfigVersion version)
        where T : class, IConfigValues =>
        new(Values<T>(version), version.Version, version.ChangedBy, version.ChangedAtUtc);

    private static T Values<T>(ConfigVersion version)
        where T : class, IConfigValues =>
        JsonSerializer.Deserialize<T>(version.ValuesJson, Json) ?? throw new InvalidOperationException($"Version {version.Id} holds no values.");
}
