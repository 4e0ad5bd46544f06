using AdminPortal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AdminPortal.Hosting;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the keys that protect sign-in cookies (and later, stored secrets) in a "keys" folder beside the database,
    /// so a restart keeps people signed in and a backup of the data folder holds everything.
    /// </summary>
    public static WebApplicationBuilder AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("AdminPortal");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<PortalDatabase, ILoggerFactory>((options, database, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(database.DataFolder, "keys")), loggers));
        return builder;
    }
}
