using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>The portal's services on a fresh SQLite file, prepared as at start-up, without a web server.</summary>
public sealed class PortalServices : IAsyncDisposable
{
    private readonly TestDirectory directory;
    private readonly WebApplication app;
    private readonly bool ownsDirectory;

    private PortalServices(TestDirectory directory, WebApplication app, bool ownsDirectory)
    {
        this.directory = directory;
        this.app = app;
        this.ownsDirectory = ownsDirectory;
    }

    public IServiceProvider Services => app.Services;

    public string DatabaseFile => directory.DatabaseFile;

    /// <summary>The test's own folder, for files beside the database (CSV files, picked-up emails).</summary>
    public string Folder => directory.Path;

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public static Task<PortalServices> StartAsync(params (string Key, string? Value)[] settings) => StartAsync(null, settings);

    /// <param name="configureServices">Changes to the portal's services, such as a <see cref="SqlCounter"/> on its contexts.</param>
    public static async Task<PortalServices> StartAsync(Action<IServiceCollection>? configureServices, params (string Key, string? Value)[] settings)
    {
        var directory = TestDirectory.CreateMigrated("services");
        var app = await CliHost.StartAsync([], directory.Settings(settings), CancellationToken.None, FastPasswordHashing.With(configureServices));
        return new PortalServices(directory, app, ownsDirectory: true);
    }

    /// <summary>Another process on a folder the test keeps: two of these on one folder are two portal processes on one database.</summary>
    public static async Task<PortalServices> StartOnAsync(TestDirectory directory, Action<IServiceCollection>? configureServices = null,
        params (string Key, string? Value)[] settings)
    {
        var app = await CliHost.StartAsync([], directory.Settings(settings), CancellationToken.None, FastPasswordHashing.With(configureServices));
        return new PortalServices(directory, app, ownsDirectory: false);
    }

    public static readonly PortalActor Admin = PortalActor.System("test");

    public Task<string> CreateAccountAsync(string email, string role, string password = TestAccounts.Password) =>
        Services.CreateAccountAsync(email, role, password);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (ownsDirectory)
        {
            directory.Dispose();
        }
    }
}
