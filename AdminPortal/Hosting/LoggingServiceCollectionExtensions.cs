using Serilog;
using Serilog.Extensions.Logging;

namespace AdminPortal.Hosting;

public static class LoggingServiceCollectionExtensions
{
    private const string FilePathKey = "Serilog:WriteTo:File:Args:path";

    /// <summary>Serilog from the "Serilog" section: console plus a daily rolling file.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, bool forCommandLine = false)
    {
        if (forCommandLine)
        {
            // A command's own output goes to stdout; its log lines go to stderr, and only warnings and errors.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = "Warning",
                ["Serilog:WriteTo:Console:Args:standardErrorFromLevel"] = "Verbose",
            });
        }
        builder.Logging.ClearProviders();
        // Built from the final configuration when first needed, so a test host's settings apply too.
        builder.Services.AddSingleton<ILoggerProvider>(sp =>
            new SerilogLoggerProvider(CreateLogger(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()), dispose: true));
        return builder;
    }

    private static Serilog.Core.Logger CreateLogger(IConfiguration configuration, IHostEnvironment environment)
    {
        var overrides = new Dictionary<string, string?>();
        if (configuration[FilePathKey] is { } path && !Path.IsPathRooted(path))
        {
            overrides[FilePathKey] = Path.Combine(environment.ContentRootPath, path);
        }
        var effective = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        return new LoggerConfiguration().ReadFrom.Configuration(effective).CreateLogger();
    }
}
