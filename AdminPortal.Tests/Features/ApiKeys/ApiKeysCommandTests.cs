using AdminPortal.Domain.Integration;
using AdminPortal.Cli;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.ApiKeys;

[RunsOnPostgreSql]
public sealed class ApiKeysCommandTests : IDisposable
{
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("api-keys");

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AKeyIsPrintedOnceAndOnlyItsHashIsStored()
    {
        var (exitCode, output, error) = await new CliRunner(directory).RunAsync("api-keys", "create", "--name", "lms-prod", "--scope", "enrollments");

        Assert.Equal(0, exitCode);
        Assert.Matches("^pk_[A-Za-z0-9_-]{32}$", output);
        Assert.Contains("not shown again", error);
        await using var app = CliHost.Build([], directory.Settings());
        var stored = Assert.Single(await app.Services.GetRequiredService<ApiKeyService>().ListAsync(PortalServices.Admin));
        Assert.Equal(("lms-prod", ApiScope.Enrollments), (stored.Name, stored.Scope));
        Assert.StartsWith(stored.Hint, output);
        Assert.True(stored.Hint.Length < output.Length / 2);
        var files = Directory.GetFiles(directory.Path, "portal.db*").Select(File.ReadAllBytes).SelectMany(b => b).ToArray();
        Assert.DoesNotContain(output, System.Text.Encoding.UTF8.GetString(files));
    }

    [Fact]
    public async Task AnUnknownScopeIsBadUsage() =>
        Assert.Equal(2, (await new CliRunner(directory).RunAsync("api-keys", "create", "--name", "x", "--scope", "everything")).ExitCode);
}
