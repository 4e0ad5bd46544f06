using System.CommandLine;
using System.Globalization;
using AdminPortal.Cli;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Jobs;

internal static class JobsCommand
{
    private static readonly PortalActor CliActor = PortalActor.System("command line");

    public static Command Create(CliContext context) => new("jobs", "The portal's jobs.") { ListCommand(context), RunCommand(context) };

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List the jobs with their schedule, next run and whether they are paused.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken, context.ConfigureServices);
            var jobs = await app.Services.GetRequiredService<JobsService>().ListAsync(CliActor, cancellationToken);
            var rows = jobs.Select(j => new[]
            {
                j.Name, $"{j.Cron} ({j.TimeZone})", j.IsScheduled ? PortalFormat.Utc(j.NextRunUtc) : "not scheduled yet", j.IsPaused ? "yes" : "no",
            }).Prepend(["NAME", "SCHEDULE", "NEXT RUN", "PAUSED"]).ToList();
            var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToList();
            foreach (var row in rows)
            {
                await context.Output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
            }
            return PortalCli.Success;
        });
        return command;
    }

    private static Command RunCommand(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The job to run, as `jobs list` names it." };
        var command = new Command("run", "Run a job now, in this process; it is recorded as started by the command line.") { name };
        command.SetAction((parsed, cancellationToken) => RunJobAsync(context, parsed.GetRequiredValue(name), cancellationToken));
        return command;
    }

    /// <summary>Runs a job in this process and prints its counts: <c>jobs run NAME</c>, and commands named after one job (<c>sync-catalog</c>).</summary>
    public static async Task<int> RunJobAsync(CliContext context, string jobName, CancellationToken cancellationToken)
    {
        await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken, context.ConfigureServices);
        var catalog = app.Services.GetRequiredService<JobCatalog>();
        var job = catalog.Find(jobName) ?? throw new CliException(
            $"there is no job named \"{jobName}\"; the jobs are: {string.Join(", ", catalog.Jobs.Select(j => j.Name))}.", PortalCli.BadUsage);
        var run = await app.Services.GetRequiredService<JobRunner>().RunAsync(job, JobStart.Cli, cancellationToken);
        if (run.Status != JobRunStatus.Succeeded)
        {
            throw new CliException($"{job.Name} failed (run {run.Id}): {run.Error}");
        }
        var seconds = (run.FinishedAtUtc - run.StartedAtUtc)!.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        await context.Output.WriteLineAsync($"{job.Name} succeeded in {seconds} s (run {run.Id}).");
        foreach (var (count, value) in run.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            await context.Output.WriteLineAsync($"{count}: {value}");
        }
        return PortalCli.Success;
    }
}
