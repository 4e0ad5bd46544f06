using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data.SqlServer;

/// <summary>The portal's model on SQL Server; its migrations are in Data/SqlServer/Migrations.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // A database's default collation on SQL Server ignores case already, as the SQLite model's NOCASE asks.
        foreach (var property in SqliteCollations.NoCaseProperties(builder.Model))
        {
            property.SetCollation(null);
        }
    }
}
