using AdminPortal.Domain.Integration;
using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Features.ApiKeys;

internal static class ApiKeysCommand
{
    public static Command Create(CliContext context) => new("api-keys", "Keys for the HTTP API.") { CreateCommand(context) };

    private static Command CreateCommand(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, such as lms-production.", Required = true };
        var scope = new Option<string>("--scope") { Description = "What the key may call.", Required = true };
        scope.AcceptOnlyFromAmong([.. Enum.GetNames<ApiScope>().Select(n => n.ToLowerInvariant())]);
        var command = new Command("create", "Create an API key and print it once; only its hash is kept.") { name, scope };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var result = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(
                parsed.GetRequiredValue(name), Enum.Parse<ApiScope>(parsed.GetRequiredValue(scope), ignoreCase: true),
                PortalActor.System("command line"), cancellationToken);
            if (!result.Succeeded)
            {
                throw new CliException(string.Join("; ", result.Errors));
            }
            await context.Output.WriteLineAsync(result.Value!.Secret);
            await context.Error.WriteLineAsync($"Created API key {result.Value.Key.Name} with scope {parsed.GetRequiredValue(scope)}. " +
                "Store it now: it is not shown again.");
            return PortalCli.Success;
        });
        return command;
    }
}
