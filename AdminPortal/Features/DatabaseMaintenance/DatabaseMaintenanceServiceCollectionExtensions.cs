using AdminPortal.Jobs;

namespace AdminPortal.Features.DatabaseMaintenance;

public static class DatabaseMaintenanceServiceCollectionExtensions
{
    public static WebApplicationBuilder AddDatabaseMaintenance(this WebApplicationBuilder builder) =>
        builder.AddPortalJob<DatabaseMaintenanceJob>(DatabaseMaintenanceJob.Name, "0 30 3 * * ?",
            "Prunes job runs older than Jobs:RetentionDays, checkpoints the write-ahead log and runs PRAGMA optimize.");
}
