using AdminPortal.Data.PostgreSql;
using AdminPortal.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdminPortal.Data;

/// <summary>Lets dotnet-ef build each provider's context without starting the web host or the CLI; none connects.</summary>
public sealed class DesignTimeDbContextFactory :
    IDesignTimeDbContextFactory<PortalDbContext>,
    IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>,
    IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db").Options);

    PostgreSqlPortalDbContext IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>.CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);

    SqlServerPortalDbContext IDesignTimeDbContextFactory<SqlServerPortalDbContext>.CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlServer("Server=localhost;Database=design-time").Options);
}
