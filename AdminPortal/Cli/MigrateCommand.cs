using System.CommandLine;
using AdminPortal.Data;

namespace AdminPortal.Cli;

internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Create the database if needed and apply pending migrations.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = CliHost.Build(context.HostArgs, context.Settings);
            var applied = await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
            var file = app.Services.GetRequiredService<PortalDatabase>().Description;
            await context.Output.WriteLineAsync(applied.Count == 0
                ? $"Database {file} is up to date."
                : $"Database {file}: applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return PortalCli.Success;
        });
        return command;
    }
}
