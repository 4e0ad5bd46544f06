using AdminPortal.Api;
using AdminPortal.Http;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The catalog sync (settings, client, job) and the public sharing link.</summary>
    public static WebApplicationBuilder AddPortalSync(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CatalogClientOptions>().BindConfiguration(CatalogClientOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddResilientHttpClient<CatalogClientOptions>(CatalogClient.ClientName, CatalogClient.ShapeOf, CatalogClient.IsWorthRetrying)
            .WithTheBodyReadInEachAttempt()
            .RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<CatalogSettingsService>();
        services.AddSingleton<CatalogClient>();
        services.AddSingleton<SharingLinkService>();
        builder.AddPortalJob<CatalogSyncJob>(CatalogSyncJob.Name, "0 0 1 * * ?",
            "Keeps courses' marketing URL, language and financial-aid flag in step with the catalog's course runs (Sync → Catalog sync).");
        return builder;
    }

    /// <summary><c>GET /api/courses/{key}/sharing-link</c>: public, it shows only public addresses.</summary>
    public static WebApplication MapPortalSync(this WebApplication app)
    {
        app.MapGet("/api/courses/{key}/sharing-link", async (string key, SharingLinkService links, CancellationToken ct) =>
            await links.ForAsync(key, ct) is { } link
                ? Results.Json(new { url = link.Url, source = link.Source.ToString().ToLowerInvariant() }, ApiJson.Options)
                : ApiProblems.From([new ServiceError(ErrorKind.NotFound, "key", $"No course has the key {key}.")]))
            .AllowAnonymous().AddEndpointFilter<ApiExceptionFilter>();
        return app;
    }
}
