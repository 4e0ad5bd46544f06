using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>
/// In-process test hosts hash passwords with 1,000 PBKDF2 rounds instead of Identity's 100,000 (a tenth of a second of
/// CPU per hash here): the suite creates and signs in hundreds of accounts, and the rounds are not what those tests check.
/// The browser tests run the portal as configured, and <c>PasswordHashingTests</c> checks the portal's own setting.
/// </summary>
public static class FastPasswordHashing
{
    public const int Rounds = 1_000;

    public static void Apply(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = Rounds);

    /// <summary><see cref="Apply"/>, then a test's own changes.</summary>
    public static Action<IServiceCollection> With(Action<IServiceCollection>? configureServices) => services =>
    {
        Apply(services);
        configureServices?.Invoke(services);
    };
}
