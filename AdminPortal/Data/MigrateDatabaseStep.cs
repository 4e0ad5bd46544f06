using AdminPortal.Hosting;
using Microsoft.Extensions.Options;

namespace AdminPortal.Data;

public sealed class MigrateDatabaseStep(DatabaseInitializer initializer, IOptions<DatabaseOptions> options) : IStartupStep
{
    public StartupStage Stage => StartupStage.Database;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await initializer.MigrateAsync(cancellationToken);
        }
    }
}
