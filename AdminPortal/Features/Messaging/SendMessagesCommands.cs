using FluentValidation;
using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.Sites;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Messaging;

/// <summary><c>send-recurring-nudge</c>, <c>send-upgrade-reminder</c> and <c>send-course-update</c>, as in Open edX.</summary>
internal static class SendMessagesCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        Create(context, "send-recurring-nudge", MessageKind.RecurringNudge, "Queue and send the day-3 and day-10 nudges."),
        Create(context, "send-upgrade-reminder", MessageKind.UpgradeReminder, "Queue and send the reminders of upgrade deadlines two days ahead."),
        Create(context, "send-course-update", MessageKind.CourseUpdate, "Queue and send the weekly course updates from section highlights."),
    ];

    private static Command Create(CliContext context, string name, MessageKind kind, string description)
    {
        var site = new Argument<string?>("SITE") { Description = "A site's domain (default: every site).", Arity = ArgumentArity.ZeroOrOne };
        var date = new Option<DateOnly?>("--date") { Description = "The run date, YYYY-MM-DD (default: today, UTC)." };
        var recipient = new Option<string?>("--override-recipient-email") { Description = "Send every message to this address instead." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List who would get what; write and send nothing." };
        var command = new Command(name, description) { site, date, recipient, dryRun };
        var weeks = new Option<int?>("--weeks") { Description = "Only the first N weeks (1..10)." };
        if (kind == MessageKind.CourseUpdate)
        {
            command.Options.Add(weeks);
        }
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var request = new MessagingRequest(kind, parsed.GetValue(date) ?? today, new JobStart(JobStarter.Cli, null, name), parsed.GetValue(site), parsed.GetValue(recipient),
                parsed.GetValue(dryRun), kind == MessageKind.CourseUpdate ? parsed.GetValue(weeks) : null);
            var validation = app.Services.GetRequiredService<IValidator<MessagingRequest>>().Validate(request);
            if (!validation.IsValid)
            {
                throw new CliException(string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)), PortalCli.BadUsage);
            }
            if (request.SiteDomain is { } domain && (await app.Services.GetRequiredService<SiteService>().ListAsync(cancellationToken)).All(s => s.Domain != domain.Trim().ToLowerInvariant()))
            {
                throw new CliException($"no site with domain {domain}; see `sites list`", PortalCli.BadUsage);
            }
            var outcome = await app.Services.GetRequiredService<MessagingRunner>().RunAsync(request, null, cancellationToken);
            foreach (var line in outcome.Preview)
            {
                await context.Output.WriteLineAsync(
                    $"{line.Site}\t{line.Message}\t{line.TargetDay:yyyy-MM-dd}\t{line.Username}\t{line.Recipient}\t{line.Subject}\t{string.Join(' ', line.Courses)}");
            }
            foreach (var run in outcome.Runs)
            {
                await context.Output.WriteLineAsync((request.DryRun ? "dry run: " : "") + MessagingJob.Summary(run));
            }
            return outcome.Runs.Any(r => r.Status == MessageRunStatus.Failed) ? PortalCli.Failure : PortalCli.Success;
        });
        return command;
    }
}
