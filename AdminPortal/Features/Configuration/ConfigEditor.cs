using AdminPortal.Api;
using AdminPortal.Domain.Configuration;

namespace AdminPortal.Features.Configuration;

/// <summary>Where one configuration lives: how to read it, its history, and how to save or restore a version.</summary>
public sealed record ConfigSource<T>(
    Func<Task<ServiceResult<ConfigSnapshot<T>>>> Current,
    Func<Task<ServiceResult<IReadOnlyList<ConfigHistoryEntry<T>>>>> History,
    Func<T, int, Task<ServiceResult<SaveOutcome<T>>>> Save,
    Func<int, int, Task<ServiceResult<ConfigSnapshot<T>>>> Restore)
    where T : class, IConfigValues;

/// <summary>
/// One versioned configuration on a page: the version in force, its history and the outcome of the last save.
/// Saves name the version the page loaded, so a save made after someone else's is refused rather than overwriting it.
/// </summary>
public sealed class ConfigEditor<T>(ConfigSource<T> source)
    where T : class, IConfigValues
{
    public ConfigSnapshot<T>? Current { get; private set; }

    public IReadOnlyList<ConfigHistoryEntry<T>> History { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Someone saved since this page loaded: the user must reload before saving.</summary>
    public bool Stale { get; private set; }

    public string? Saved { get; private set; }

    public string? Warning { get; private set; }

    /// <summary>Counts the saves and restores that went through, so a view shows each one's <see cref="Saved"/> once.</summary>
    public int Settled { get; private set; }

    public async Task<bool> LoadAsync()
    {
        var current = await source.Current();
        (Current, Stale, Saved, Warning) = (current.Value, false, null, null);
        Errors = current.Errors.Select(e => e.Message).ToList();
        History = current.Succeeded ? (await source.History()).Value ?? [] : [];
        return current.Succeeded;
    }

    public async Task<bool> SaveAsync(T values)
    {
        if (Current is null)
        {
            return false;
        }
        var saved = await source.Save(values, Current.Version);
        return await SettleAsync(saved.Map(s => s.Snapshot), saved.Value?.Warning);
    }

    /// <summary>Saves an older version's values again, as the newest version.</summary>
    public async Task<bool> RestoreAsync(int version) =>
        Current is not null && await SettleAsync(await source.Restore(version, Current.Version), null);

    private async Task<bool> SettleAsync(ServiceResult<ConfigSnapshot<T>> result, string? warning)
    {
        Errors = result.Errors.Select(e => e.Message).ToList();
        Stale = result.Errors.Any(e => e.Kind == ErrorKind.Conflict);
        if (!result.Succeeded)
        {
            (Saved, Warning) = (null, null);
            return false;
        }
        var unchanged = result.Value!.Version == Current!.Version;
        Current = result.Value;
        History = (await source.History()).Value ?? [];
        (Saved, Warning) = (unchanged ? "Nothing changed: the values are those in force." : $"Saved as version {Current.Version}.", warning);
        Settled++;
        return true;
    }
}
