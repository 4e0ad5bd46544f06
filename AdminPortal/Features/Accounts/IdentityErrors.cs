using AdminPortal.Api;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Accounts;

/// <summary>Turns Identity's error codes into field errors a form or the CLI can show.</summary>
internal static class IdentityErrors
{
    public static AccountResult ToResult(this IdentityResult result, string email) =>
        result.Succeeded ? AccountResult.Ok : new(result.Errors.Select(e => ToFieldError(e, email)).Distinct().ToList());

    private static FieldError ToFieldError(IdentityError error, string email) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => new("Email", $"An account with the email {email} already exists."),
        "InvalidUserName" or "InvalidEmail" => new("Email", "Enter a valid email address, such as name@example.org."),
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new("Password", error.Description),
        _ => new("", error.Description),
    };
}
