using AdminPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.Accounts;

/// <summary>
/// A password hash made once per process, with the same hasher (and so the same cost) as every account's: verifying a
/// password against it takes as long as a real check, and it matches nothing that matters.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<PortalUser> hasher)
{
    private static readonly PortalUser Nobody = new() { UserName = "decoy", Email = "decoy@invalid" };
    private static string? hash;

    public void SpendOneVerification(string password)
    {
        hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
