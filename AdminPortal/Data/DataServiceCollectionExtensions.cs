using AdminPortal.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Data;

public static class DataServiceCollectionExtensions
{
    private static readonly SqliteConnectionSetup ConnectionSetup = new();

    public static WebApplicationBuilder AddPortalData(this WebApplicationBuilder builder)
    {
        // Read when first needed, not now, so settings a test host adds after this call still apply.
        builder.Services.AddSingleton(sp => PortalDatabase.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>(
            (sp, options) => options.UsePortalDatabase(sp.GetRequiredService<PortalDatabase>()));
        // The factory also registers a scoped context, which Identity's stores and the health check take.
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton<UntilDatabaseReturns>();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddStartupStep<MigrateDatabaseStep>();
        return builder;
    }

    /// <summary>The one place that says which provider and connection the portal's contexts use.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, PortalDatabase database) => database.Provider switch
    {
        DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString),
        DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString),
        _ => options.UseSqlite(database.ConnectionString).AddInterceptors(ConnectionSetup),
    };

    /// <summary>A context for code that runs outside the container (a process's last words as the container is disposed).</summary>
    public static PortalDbContext CreatePortalDbContext(this PortalDatabase database)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(database);
        return PortalDbContextFactory.Create(database.Provider, options.Options);
    }
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the web server starts (the CLI's <c>migrate</c> does it on demand).</summary>
    public bool MigrateOnStartup { get; init; } = true;
}
