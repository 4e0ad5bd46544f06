using AdminPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AdminPortal.Hosting;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the keys that protect sign-in cookies and stored secrets (the catalog token) where every process of the
    /// portal reads them: on SQLite in a "keys" folder beside the database file, so a backup of the data folder holds
    /// everything; on a server database in its DataProtectionKeys table, so every instance signs in and decrypts alike.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("AdminPortal");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<PortalDatabase, IServiceProvider, ILoggerFactory>((options, database, services, loggers) =>
            options.XmlRepository = database.IsSqlite
                ? new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(database.DataFolder, "keys")), loggers)
                : new EntityFrameworkCoreXmlRepository<PortalDbContext>(services, loggers));
        return builder;
    }
}
