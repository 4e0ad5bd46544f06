using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Features.DemoData;

internal static class SeedDemoCommand
{
    public static Command Create(CliContext context)
    {
        var learners = new Option<int>("--learners") { Description = "How many learners (about two enrollments each).", DefaultValueFactory = _ => 2000 };
        learners.Validators.Add(result =>
        {
            // A value that is not a number is the parser's error already.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var count) && count is < 1 or > DemoDataSeeder.MaxLearners)
            {
                result.AddError($"--learners is between 1 and {DemoDataSeeder.MaxLearners}.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same data (on the same day).", DefaultValueFactory = _ => 42 };
        var today = new Option<DateOnly?>("--today") { Description = "The day the data is built around (default: today); with the same seed, the same data." };
        var command = new Command("seed-demo", "Fill an empty portal with demo sites, courses, learners, enrollments and progress.") { learners, seed, today };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var progress = new Progress<string>(line => context.Error.WriteLine(line));
            var result = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(
                parsed.GetValue(learners), parsed.GetValue(seed), PortalActor.System("command line"), progress, cancellationToken, parsed.GetValue(today));
            await context.Output.WriteLineAsync($"Seeded {result}.");
            return PortalCli.Success;
        });
        return command;
    }
}
