using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Benchmarks;

/// <summary>The sign-in issue's promise: a failed sign-in takes as long whether the account is unknown, exists, is locked or is disabled.</summary>
internal static class SignInBenchmarks
{
    private const int Runs = 15;

    public static async Task FailuresAsync(string folder)
    {
        await using var app = await BenchmarkRunner.PortalAsync(folder, "sign-in");
        foreach (var name in new[] { "wrong", "locked", "disabled" })
        {
            await app.Services.GetRequiredService<AccountCreator>().CreateAsync(new NewAccountRequest
            {
                Email = $"{name}@example.org", DisplayName = name, Roles = [PortalRoles.Staff], Password = "Benchmark#2026x",
            }, BenchmarkRunner.Actor, CancellationToken.None);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@example.org"))!, DateTimeOffset.UtcNow.AddDays(1));
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("disabled@example.org"))!, DateTimeOffset.MaxValue);
            // Wrong passwords lock after five: this account's count is reset before each try.
            await users.SetLockoutEnabledAsync((await users.FindByEmailAsync("wrong@example.org"))!, false);
        }
        var medians = new List<string>();
        foreach (var (label, email) in new[] { ("unknown account", "nobody@example.org"), ("wrong password", "wrong@example.org"),
            ("locked", "locked@example.org"), ("disabled", "disabled@example.org") })
        {
            var times = new List<double>();
            for (var run = 0; run <= Runs; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var signIn = scope.ServiceProvider.GetRequiredService<SignInService>();
                var watch = Stopwatch.StartNew();
                await signIn.PasswordSignInAsync(email, "Not-the-password#1", remember: false);
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first is a warm-up
                }
            }
            times.Sort();
            medians.Add($"{label} {times[Runs / 2]:0.0} ms");
        }
        Console.WriteLine($"failed sign-in, median of {Runs}: {string.Join(", ", medians)}");
    }
}
