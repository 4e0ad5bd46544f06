using Serilog;
using Serilog.Events;

namespace AdminPortal.Hosting;

public static class LoggingServiceCollectionExtensions
{
    private const string FilePathKey = "Serilog:WriteTo:File:Args:path";

    /// <summary>
    /// Serilog from the "Serilog" section (console plus a daily rolling file). A command logs warnings and errors to stderr
    /// only: its own output is on stdout.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, bool forCommandLine = false)
    {
        if (forCommandLine)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = "Warning",
                ["Serilog:WriteTo:Console:Args:standardErrorFromLevel"] = "Verbose",
            });
        }
        builder.Logging.ClearProviders();
        // Built from the final configuration when the host is built, so a test host's settings apply too. Each host keeps
        // its own logger (the tests start many in one process), and other logger providers (a test's capture) get every event.
        builder.Services.AddSerilog((services, logger) => logger.ReadFrom.Configuration(
                WithFilePathFromContentRoot(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>())),
            preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, route, status and milliseconds. The route is the endpoint's template
    /// (<c>/api/support/course-reset/{usernameOrEmail}</c>), so no value from the path (a learner's email) or the query
    /// string (a token) reaches the log; a request no endpoint matched logs its path. Health probes and static files go at
    /// Debug, so the log is not one line per stylesheet; server errors at Error.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger: the static one is left alone (AddPortalLogging), so it would write nowhere.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new("RequestMethod", new ScalarValue(context.Request.Method)),
                new("RequestPath", new ScalarValue(RouteOf(context) ?? path)),
                new("StatusCode", new ScalarValue(status)),
                new("Elapsed", new ScalarValue(elapsed)),
            ];
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : IsRoutine(context.Request.Path) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        return app;
    }

    private static string? RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? "/" + template.TrimStart('/') : null;

    private static bool IsRoutine(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/img");

    /// <summary>A relative log file path is taken from the content root, as the database's is.</summary>
    private static IConfiguration WithFilePathFromContentRoot(IConfiguration configuration, IHostEnvironment environment) =>
        configuration[FilePathKey] is { } path && !Path.IsPathRooted(path)
            ? new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([new(FilePathKey, Path.Combine(environment.ContentRootPath, path))]).Build()
            : configuration;
}
