using AdminPortal.Data;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdminPortal.Tests.Data;

public sealed class JobStoreMigrationTests
{
    private static Task<List<string>> QuartzObjectsAsync(PortalDbContext db) =>
        db.Database.SqlQueryRaw<string>(
            "SELECT name AS Value FROM sqlite_master WHERE name LIKE 'QRTZ%' OR name LIKE 'IDX_QRTZ%' OR name LIKE 'DELETE_%_TRIGGER' ORDER BY name")
            .ToListAsync();

    [Fact]
    public async Task TheJobStoreMigrationCreatesQuartzsTablesAndItsDownRemovesThem()
    {
        await using var portal = await PortalServices.StartAsync();
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var created = await QuartzObjectsAsync(db);

        await db.GetService<IMigrator>().MigrateAsync("InitialIdentity");
        var afterDown = await QuartzObjectsAsync(db);

        Assert.Equal(11, created.Count(name => name.StartsWith("QRTZ_", StringComparison.Ordinal)));
        Assert.Equal(10, created.Count(name => name.StartsWith("IDX_QRTZ_", StringComparison.Ordinal)));
        Assert.Equal(["DELETE_BLOB_TRIGGER", "DELETE_CRON_TRIGGER", "DELETE_SIMPLE_TRIGGER", "DELETE_SIMPROP_TRIGGER"],
            created.Where(name => name.StartsWith("DELETE_", StringComparison.Ordinal)));
        Assert.Empty(afterDown);
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Contains("AspNetUsers", tables);
        Assert.DoesNotContain("JobRuns", tables);
        Assert.DoesNotContain("Learners", tables);
    }
}
