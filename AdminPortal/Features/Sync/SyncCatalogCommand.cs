using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Features.Jobs;

namespace AdminPortal.Features.Sync;

/// <summary><c>sync-catalog</c>: the catalog-sync job, here and now, with its counts printed.</summary>
internal static class SyncCatalogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("sync-catalog", "Sync courses' marketing URL, language and financial-aid flag from the catalog now; prints the counts.");
        command.SetAction((_, cancellationToken) => JobsCommand.RunJobAsync(context, CatalogSyncJob.Name, cancellationToken));
        return command;
    }
}
