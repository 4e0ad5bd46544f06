using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.UpgradeDeadlines;

namespace AdminPortal.Features.Schedules;

public static class SchedulesServiceCollectionExtensions
{
    /// <summary>Versioned configurations, ScheduleConfig and upgrade deadlines, schedule creation and the Schedules pages.</summary>
    public static WebApplicationBuilder AddPortalSchedules(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<ScheduleConfigService>();
        services.AddSingleton<UpgradeDeadlineService>();
        services.AddSingleton<DeadlineExplainer>();
        services.AddSingleton<IRandomSource, SharedRandomSource>();
        services.AddSingleton<ScheduleCreator>();
        services.AddSingleton<ScheduleRecompute>();
        services.AddSingleton<BulkSchedules>();
        services.AddSingleton<ScheduleBrowser>();
        return builder;
    }
}
