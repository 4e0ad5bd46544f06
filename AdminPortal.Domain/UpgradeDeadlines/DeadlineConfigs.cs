using AdminPortal.Domain.Configuration;

namespace AdminPortal.Domain.UpgradeDeadlines;

/// <summary>The platform-wide dynamic upgrade deadline: when enabled, every verified course gets one after this many days.</summary>
public sealed record GlobalDeadlineConfig(bool Enabled, int DeadlineDays) : IConfigValues
{
    public const int DefaultDays = 21;

    public static GlobalDeadlineConfig Off { get; } = new(false, DefaultDays);

    public IReadOnlyList<ConfigField> Fields => [new("enabled", Enabled), new("deadline_days", DeadlineDays)];
}

/// <summary>
/// An org's or a course's override. Not enabled: it does not apply (the level above decides). Enabled: it opts in with
/// its own days, or opts out (no dynamic deadline at all).
/// </summary>
public sealed record DeadlineOverride(bool Enabled, int DeadlineDays, bool OptOut) : IConfigValues
{
    public static DeadlineOverride None { get; } = new(false, GlobalDeadlineConfig.DefaultDays, false);

    public bool OptsIn => Enabled && !OptOut;

    public bool OptsOut => Enabled && OptOut;

    public IReadOnlyList<ConfigField> Fields =>
        [new("enabled", Enabled), new("deadline_days", DeadlineDays), new("opt_out", OptOut)];
}

public static class DeadlineDays
{
    public const int Min = 1;
    public const int Max = 365;

    public static bool IsValid(int days) => days is >= Min and <= Max;
}
