using System.ComponentModel.DataAnnotations;

namespace AdminPortal.Features.Accounts;

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    [Range(1, 100)]
    public int MaxFailedAttempts { get; init; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; init; } = 15;

    [Range(1, 24 * 30)]
    public int SessionHours { get; init; } = 8;

    /// <summary>How often an open session re-checks its account, so a disabled one or changed roles take effect.</summary>
    [Range(0, 3600)]
    public int RecheckSeconds { get; init; } = 60;
}

/// <summary>Demo accounts created at start when <see cref="SeedAccounts"/> is on (never in Production).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedAccounts { get; init; }

    public List<DemoAccount> Accounts { get; init; } = [];
}

public sealed class DemoAccount
{
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public string Password { get; init; } = "";
}
