using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Features.Accounts;

internal static class UsersCommand
{
    public static Command Create(CliContext context) => new("users", "Portal accounts.") { CreateCommand(context) };

    private static Command CreateCommand(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The account's email address, used to sign in.", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = "A role; repeat the option for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        role.AcceptOnlyFromAmong([.. PortalRoles.All]);
        var name = new Option<string?>("--name") { Description = "The person's name (defaults to the part of the email before @)." };
        var command = new Command("create", "Create a portal account; the password is read from standard input.") { email, role, name };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var address = parsed.GetRequiredValue(email).Trim();
            var request = new NewAccountRequest
            {
                Email = address,
                DisplayName = parsed.GetValue(name) ?? address.Split('@')[0],
                Roles = [.. parsed.GetRequiredValue(role)],
                Password = await PasswordInput.ReadAsync(context),
            };
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var accounts = app.Services.GetRequiredService<AccountService>();
            (await accounts.CreateAsync(request, PortalActor.System("command line"), cancellationToken)).ThrowIfFailed();
            await context.Output.WriteLineAsync($"Created {address} with role(s) {string.Join(", ", request.Roles)}.");
            return PortalCli.Success;
        });
        return command;
    }
}
