using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace AdminPortal.Hosting;

/// <summary>Creates the builder shared by the web server, the CLI and the tests.</summary>
public static class PortalHostBuilder
{
    /// <summary>Where the build copies the repository's wwwroot-assets folder.</summary>
    public static string AssetsPath { get; } = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");

    /// <param name="settings">Configuration that overrides every other source (the tests' databases, for one).</param>
    public static WebApplicationBuilder Create(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            WebRootPath = AssetsPath,
        });
        builder.Configuration.AddSettingsFromOutputFolder(builder.Environment);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (!builder.Environment.IsDevelopment())
        {
            // Development does this itself; elsewhere MudBlazor's _content files would be missing when running from build output.
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    /// <summary>
    /// The settings files are read from the app's own folder too, right after the content root's copies and before
    /// environment variables and the command line, which keep the last word. appsettings.{Environment}.json lives once
    /// at the repository's top and the build copies it there; and a built app started from another working directory
    /// still finds its appsettings.json.
    /// </summary>
    private static void AddSettingsFromOutputFolder(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        foreach (var fileName in new[] { "appsettings.json", $"appsettings.{environment.EnvironmentName}.json" })
        {
            var sources = configuration.Sources;
            var position = sources.ToList().FindIndex(s => s is JsonConfigurationSource json && json.Path == fileName);
            if (position < 0)
            {
                continue;
            }
            sources.Insert(position + 1, new JsonConfigurationSource
            {
                Path = fileName,
                Optional = true,
                ReloadOnChange = false,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
    }
}
