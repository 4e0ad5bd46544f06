using AdminPortal.Domain.Schedules;

namespace AdminPortal.Features.Schedules;

public static class SchedulesServiceCollectionExtensions
{
    /// <summary>ScheduleConfig, schedule creation and recomputing, bulk changes and the Schedules pages.</summary>
    public static WebApplicationBuilder AddPortalSchedules(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ScheduleConfigService>();
        services.AddSingleton<IRandomSource, SharedRandomSource>();
        services.AddSingleton<ScheduleCreator>();
        services.AddSingleton<ScheduleRecompute>();
        services.AddSingleton<BulkSchedules>();
        services.AddSingleton<ScheduleBrowser>();
        return builder;
    }
}
