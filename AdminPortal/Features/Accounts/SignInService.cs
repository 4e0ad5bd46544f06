using FluentValidation;
using System.Security.Claims;
using AdminPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Accounts;

/// <summary>Password sign-in for the login page (request-scoped: it runs in a static server-rendered form post).</summary>
public sealed class SignInService(
    SignInManager<PortalUser> signInManager,
    IDbContextFactory<PortalDbContext> contexts,
    IOptions<AccountsOptions> options,
    IValidator<PasswordRequest> passwordValidator,
    DecoyPassword passwords,
    TimeProvider clock,
    ILogger<SignInService> logger)
{
    /// <summary>
    /// Every failure answers after at least this long, whatever work it did: the password hash (tens of milliseconds)
    /// and the failed attempt's write differ by a few milliseconds between the reasons, and this hides even those.
    /// </summary>
    public static readonly TimeSpan FailureTakesAtLeast = TimeSpan.FromMilliseconds(150);

    /// <returns>null when signed in, else the message to show.</returns>
    public async Task<string?> PasswordSignInAsync(string email, string password, bool remember, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var failure = await TrySignInAsync(email.Trim(), password, remember, cancellationToken);
        // A loop, not one delay: a timer may fire a fraction of a millisecond early.
        while (failure is not null && FailureTakesAtLeast - started.Elapsed is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest, CancellationToken.None);
        }
        return failure;
    }

    private async Task<string?> TrySignInAsync(string email, string password, bool remember, CancellationToken cancellationToken)
    {
        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(email);
        // One message, and one password hash's work, for every failure: neither the page nor the time it takes tells
        // whether an account exists, is locked or is disabled (Identity would answer those without hashing).
        if (user is null || await users.IsLockedOutAsync(user))
        {
            passwords.SpendOneVerification(password);
            logger.LogWarning("Failed sign-in for {Email}: {Reason}", email, user is null ? "no such account" : user.IsDisabled ? "disabled" : "locked");
            return FailureMessage;
        }
        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            logger.LogInformation("{Email} signed in", email);
            return null;
        }
        logger.LogWarning("Failed sign-in for {Email}: {Reason}", email,
            result.IsLockedOut ? "wrong password; now locked" : result.IsNotAllowed ? "not allowed" : "wrong password");
        return FailureMessage;
    }

    public string FailureMessage =>
        $"Wrong email or password. After {options.Value.MaxFailedAttempts} failed sign-ins an account is locked for " +
        $"{options.Value.LockoutMinutes} minutes; a superuser can unlock it sooner.";

    public Task SignOutAsync() => signInManager.SignOutAsync();

    public async Task<AccountResult> ChangeOwnPasswordAsync(ClaimsPrincipal principal, PasswordRequest request)
    {
        var validation = passwordValidator.Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToAccountResult();
        }
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            return AccountResult.Fail(nameof(request.CurrentPassword), "Enter your current password.");
        }
        var users = signInManager.UserManager;
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return AccountResult.Fail("", "Your account no longer exists.");
        }
        // Wrong current passwords count towards the lockout, so a session left open cannot be used to guess it.
        var check = await signInManager.CheckPasswordSignInAsync(user, request.CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await signInManager.SignOutAsync();
            return AccountResult.Fail("", $"Too many wrong passwords: the account is locked for {options.Value.LockoutMinutes} minutes.");
        }
        if (!check.Succeeded)
        {
            return AccountResult.Fail(nameof(request.CurrentPassword), "The current password is wrong.");
        }
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.Password);
        if (!changed.Succeeded)
        {
            return changed.ToResult(user.Email ?? "");
        }
        // The new security stamp would end this session at the next check; a fresh cookie keeps the person signed in.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("{Email} changed their password", user.Email);
        return AccountResult.Ok;
    }
}
