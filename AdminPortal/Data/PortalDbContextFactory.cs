using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

/// <summary>Makes the context of the configured provider: each has its own migrations, all share one model.</summary>
public sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, PortalDatabase database) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => Create(database.Provider, options);

    public static PortalDbContext Create(DatabaseProvider provider, DbContextOptions<PortalDbContext> options) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSql.PostgreSqlPortalDbContext(options),
        DatabaseProvider.SqlServer => new SqlServer.SqlServerPortalDbContext(options),
        _ => new PortalDbContext(options),
    };
}

public static class PortalDbContextProviders
{
    /// <summary>Which provider's SQL a raw statement on this context must be written in.</summary>
    public static DatabaseProvider Provider(this PortalDbContext db) => db switch
    {
        PostgreSql.PostgreSqlPortalDbContext => DatabaseProvider.PostgreSql,
        SqlServer.SqlServerPortalDbContext => DatabaseProvider.SqlServer,
        _ => DatabaseProvider.Sqlite,
    };
}
