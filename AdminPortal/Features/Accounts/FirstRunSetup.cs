using FluentValidation;
using System.Security.Cryptography;
using System.Text;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// The one-time set-up of a portal without a superuser. Whoever creates the first superuser must prove access to the
/// server: the set-up page asks for a code written to a file beside the database (never to the log).
/// Once a superuser exists the answer is cached for good, so the check costs nothing per request after set-up.
/// </summary>
public sealed class FirstRunSetup(
    IDbContextFactory<PortalDbContext> contexts,
    PortalDatabase database,
    AccountCreator creator,
    IValidator<FirstSuperuserRequest> validator,
    SetupCodeAttempts attempts,
    ILogger<FirstRunSetup> logger)
{
    public const string CodeFileName = "setup-code.txt";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private volatile bool hasSuperuser;

    public string CodeFile => Path.Combine(database.DataFolder, CodeFileName);

    public async ValueTask<bool> NeedsSetupAsync(CancellationToken cancellationToken = default)
    {
        if (!hasSuperuser)
        {
            // Another process (the CLI) may have created one since the last look.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await AccountQueries.AnySuperuserAsync(db, cancellationToken))
            {
                SuperuserExists();
            }
        }
        return !hasSuperuser;
    }

    /// <summary>At start: writes the set-up code file when no superuser exists (keeping an existing code).</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!await NeedsSetupAsync(cancellationToken))
        {
            return;
        }
        if (!File.Exists(CodeFile))
        {
            var code = string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(CodeAlphabet, 4)));
            await File.WriteAllTextAsync(CodeFile, code + Environment.NewLine, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(CodeFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        logger.LogWarning("No superuser exists yet: open /setup and enter the code from {CodeFile}, or run: users create --role Superuser", CodeFile);
    }

    /// <param name="client">Who asks (the client's address): wrong codes are limited per client.</param>
    public async Task<AccountResult> CreateFirstSuperuserAsync(FirstSuperuserRequest request, string client, CancellationToken cancellationToken = default)
    {
        var validation = validator.Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToAccountResult();
        }
        if (attempts.IsBlocked(client))
        {
            logger.LogWarning("Set-up code refused unchecked for {Client}: {Limit} wrong codes within a minute", client, SetupCodeAttempts.PerMinute);
            return AccountResult.Fail(nameof(request.SetupCode),
                $"Too many wrong set-up codes from your address ({SetupCodeAttempts.PerMinute} in a minute): wait a minute, then try again.");
        }
        if (!CodeMatches(request.SetupCode))
        {
            attempts.Wrong(client);
            logger.LogWarning("A wrong set-up code was entered on the set-up page by {Client}", client);
            return AccountResult.Fail(nameof(request.SetupCode), $"This is not the set-up code: copy it from {CodeFileName} beside the database file.");
        }
        var account = new NewAccountRequest
        {
            Email = request.Email, DisplayName = request.DisplayName, Password = request.Password, Roles = [PortalRoles.Superuser],
        };
        var result = await creator.CreateAsync(account, PortalActor.System("first-run setup"), cancellationToken,
            refuse: async (db, ct) => await AccountQueries.AnySuperuserAsync(db, ct) ? "A superuser already exists: sign in instead." : null);
        if (result.Succeeded)
        {
            SuperuserExists();
        }
        else
        {
            await NeedsSetupAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Called whenever a superuser is created: the set-up page and its code are gone for good.</summary>
    public void SuperuserExists()
    {
        hasSuperuser = true;
        File.Delete(CodeFile);
    }

    private bool CodeMatches(string entered)
    {
        if (!File.Exists(CodeFile))
        {
            return false;
        }
        static byte[] Normalize(string code) =>
            Encoding.ASCII.GetBytes(new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray()));
        return CryptographicOperations.FixedTimeEquals(Normalize(entered), Normalize(File.ReadAllText(CodeFile)));
    }
}
