using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Jobs;

/// <summary>The job store's tables are Quartz's own: the portal's migrations create none, Quartz creates them when its scheduler is built.</summary>
public sealed class JobStoreSchemaTests
{
    private static async Task<List<string>> NamesAsync(IServiceProvider services, string sql)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }

    private static Task<List<string>> QuartzTablesAsync(IServiceProvider services) =>
        NamesAsync(services, "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ%' ORDER BY name");

    [Fact]
    public async Task MigrationsCreateNoJobStoreTablesAndTheServersStartCreatesQuartzFours()
    {
        using var folder = TestDirectory.Create("schema");
        await using (var commandLine = await PortalServices.StartOnAsync(folder))
        {
            // A command runs the migrations without ever building a scheduler.
            Assert.Empty(await QuartzTablesAsync(commandLine.Services));
        }

        await using var server = new PortalWebFactory();
        var tables = await QuartzTablesAsync(server.Services);
        var triggerColumns = await NamesAsync(server.Services, "SELECT name AS Value FROM pragma_table_info('QRTZ_TRIGGERS')");

        Assert.Contains("QRTZ_PAUSED_JOB_GRPS", tables);
        Assert.Contains("QRTZ_CRON_TRIGGERS", tables);
        Assert.Contains("FIXED_DELAY", triggerColumns);
    }
}
