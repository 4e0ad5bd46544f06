using AdminPortal.Api;
namespace AdminPortal.Features.Accounts;

/// <summary>What every new account needs, whichever way it is created.</summary>
public interface IAccountFields
{
    string Email { get; }
    string DisplayName { get; }
    string Password { get; }
}

public sealed class NewAccountRequest : IAccountFields
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string Password { get; set; } = "";
}

/// <summary>The set-up page's form: always a superuser, proven by the code from the server's data folder.</summary>
public sealed class FirstSuperuserRequest : IAccountFields
{
    public string SetupCode { get; set; } = "";
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class RolesRequest
{
    public List<string> Roles { get; set; } = [];
}

public sealed class PasswordRequest
{
    /// <summary>Only when people change their own password.</summary>
    public string CurrentPassword { get; set; } = "";

    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed record AccountSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    AccountStatus Status,
    DateTimeOffset? LockedUntil,
    DateTime CreatedAtUtc,
    DateTime? LastSignInAtUtc);

public enum AccountStatus { Active, Locked, Disabled }

/// <summary>The outcome of an account command: errors name the field they belong to ("" for the whole form).</summary>
public sealed record AccountResult(IReadOnlyList<FieldError> Errors)
{
    public static AccountResult Ok { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Fail(string field, string message) => new([new FieldError(field, message)]);

    public override string ToString() => string.Join("; ", Errors.Select(e => e.ToString()));
}
