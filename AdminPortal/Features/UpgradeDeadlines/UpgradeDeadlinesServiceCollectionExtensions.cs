namespace AdminPortal.Features.UpgradeDeadlines;

public static class UpgradeDeadlinesServiceCollectionExtensions
{
    /// <summary>The global, org and course upgrade-deadline settings with their history, the explainer and their page.</summary>
    public static WebApplicationBuilder AddPortalUpgradeDeadlines(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UpgradeDeadlineService>();
        builder.Services.AddSingleton<DeadlineExplainer>();
        return builder;
    }
}
