using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Features.Accounts;

/// <summary>
/// Every failed sign-in does one password hash's work, whatever the reason, so its time does not tell whether the
/// account exists. Counted here (a timing test would be flaky); `scripts/bench.sh sign-in` measures the times.
/// </summary>
public sealed class SignInTimingTests : IAsyncLifetime
{
    private readonly Counter counter = new();
    private PortalServices portal = default!;

    private sealed class Counter
    {
        public int Verifications;
    }

    private sealed class CountingHasher(Counter counter, IPasswordHasher<PortalUser> inner) : IPasswordHasher<PortalUser>
    {
        public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter.Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services => services.AddScoped<IPasswordHasher<PortalUser>>(provider =>
            new CountingHasher(counter, new PasswordHasher<PortalUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        foreach (var name in new[] { "wrong", "locked", "disabled" })
        {
            await portal.CreateAccountAsync($"{name}@example.org", PortalRoles.Staff);
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.org"))!, DateTimeOffset.UtcNow.AddMinutes(15));
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("disabled@example.org"))!, DateTimeOffset.MaxValue);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Theory]
    [InlineData("nobody@example.org")]
    [InlineData("wrong@example.org")]
    [InlineData("locked@example.org")]
    [InlineData("disabled@example.org")]
    public async Task EveryFailureVerifiesOnePasswordAndSaysTheSame(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInService>();
        var before = counter.Verifications;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var message = await signIn.PasswordSignInAsync(email, "Not-the-password#1", remember: false);

        Assert.Equal(1, counter.Verifications - before);
        Assert.Equal(signIn.FailureMessage, message);
        Assert.True(watch.Elapsed >= SignInService.FailureTakesAtLeast, $"answered in {watch.Elapsed.TotalMilliseconds} ms");
    }
}
