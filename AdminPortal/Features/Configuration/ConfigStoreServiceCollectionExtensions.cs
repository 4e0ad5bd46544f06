namespace AdminPortal.Features.Configuration;

public static class ConfigStoreServiceCollectionExtensions
{
    /// <summary>The versioned configuration store (a save adds a version, history, restore) and its history and save-status components.</summary>
    public static WebApplicationBuilder AddPortalConfigStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConfigStore>();
        return builder;
    }
}
