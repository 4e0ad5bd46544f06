using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Features.Import;

internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "What the file holds." };
        kind.AcceptOnlyFromAmong([.. Enum.GetNames<ImportKind>().Select(n => n.ToLowerInvariant())]);
        var file = new Argument<FileInfo>("file") { Description = "The CSV file (formats in the README)." };
        file.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<FileInfo>();
            if (path is not null && Directory.Exists(path.FullName))
            {
                result.AddError($"'{path.FullName}' is a folder: give the CSV file itself, such as {path.FullName.TrimEnd('/')}/courses.csv.");
            }
            else if (path is not null && !path.Exists)
            {
                result.AddError($"There is no file '{path.FullName}'.");
            }
        });
        var command = new Command("import", "Import a CSV file all-or-nothing: one bad row and nothing is written.") { kind, file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetRequiredValue(file);
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var result = await app.Services.GetRequiredService<ImportService>().ImportAsync(
                Enum.Parse<ImportKind>(parsed.GetRequiredValue(kind), ignoreCase: true), path.FullName, path.Name,
                PortalActor.System("command line"), cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await context.Output.WriteLineAsync(error.ToString());
                }
                throw new CliException($"{path.Name}: {result.Summary}");
            }
            await context.Output.WriteLineAsync($"Imported {path.Name}: {result.Summary}.");
            return PortalCli.Success;
        });
        return command;
    }
}
