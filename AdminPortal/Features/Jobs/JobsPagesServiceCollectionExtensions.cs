namespace AdminPortal.Features.Jobs;

public static class JobsPagesServiceCollectionExtensions
{
    /// <summary>The Jobs pages and <c>jobs</c> commands over the jobs platform (AdminPortal.Jobs), which the features use to register their jobs.</summary>
    public static WebApplicationBuilder AddPortalJobsPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobsService>();
        return builder;
    }
}
