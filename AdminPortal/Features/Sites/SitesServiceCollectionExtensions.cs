namespace AdminPortal.Features.Sites;

public static class SitesServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteService>();
        return builder;
    }
}
