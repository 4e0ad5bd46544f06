using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

/// <summary>The whole portal in memory (TestServer) on its own real SQLite file.</summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    private readonly string environment;
    private readonly (string Key, string? Value)[] settings;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly bool ownsDirectory;

    public PortalWebFactory(string environment = "Production", params (string Key, string? Value)[] settings)
        : this(TestDirectory.CreateMigrated("web"), ownsDirectory: true, null, environment, settings)
    {
    }

    /// <summary>A host on a folder the test keeps, so a second host can start on the same database (a restart).</summary>
    public PortalWebFactory(TestDirectory directory, Action<IServiceCollection>? configureServices = null,
        params (string Key, string? Value)[] settings)
        : this(directory, ownsDirectory: false, configureServices, "Production", settings)
    {
    }

    private PortalWebFactory(TestDirectory directory, bool ownsDirectory, Action<IServiceCollection>? configureServices,
        string environment, (string Key, string? Value)[] settings)
    {
        Directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.configureServices = configureServices;
        this.environment = environment;
        this.settings = settings;
    }

    public TestDirectory Directory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in Directory.Settings(settings))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(FastPasswordHashing.With(configureServices));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDirectory)
        {
            Directory.Dispose();
        }
    }
}
