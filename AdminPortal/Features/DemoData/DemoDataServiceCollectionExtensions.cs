using AdminPortal.Hosting;

namespace AdminPortal.Features.DemoData;

public static class DemoDataServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DemoDataSeeder>();
        builder.Services.AddStartupStep<DemoDataStartupStep>();
        return builder;
    }
}
