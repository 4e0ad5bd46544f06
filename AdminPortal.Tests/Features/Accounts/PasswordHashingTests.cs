using System.Buffers.Binary;
using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>The portal as configured (not a test host, which hashes faster) stores Identity's 100,000-round hashes.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task ThePortalHashesPasswordsWithOneHundredThousandRounds()
    {
        using var directory = TestDirectory.CreateMigrated("hashing");
        await using var app = PortalWebApp.Build(["--urls", "http://127.0.0.1:0"], directory.Settings());

        var hash = app.Services.GetRequiredService<IPasswordHasher<PortalUser>>().HashPassword(new PortalUser(), "Correct#horse2026");

        // Identity's format 3: a marker byte, the PRF, then the round count, big-endian.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(100_000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
    }
}
