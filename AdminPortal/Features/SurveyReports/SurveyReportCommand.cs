using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.SurveyReports;

namespace AdminPortal.Features.SurveyReports;

/// <summary><c>survey-report generate [--no-send]</c> and <c>survey-report send ID</c>, run here, in this process.</summary>
internal static class SurveyReportCommand
{
    private static readonly PortalActor CommandLine = PortalActor.System("command line");

    public static Command Create(CliContext context)
    {
        var noSend = new Option<bool>("--no-send") { Description = "Generate only; send it later with survey-report send ID." };
        var generate = new Command("generate", "Generate a usage report (and send it, unless --no-send); prints its id, state and counts.") { noSend };
        generate.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var reports = app.Services.GetRequiredService<SurveyReportService>();
            var id = await reports.RequestAsync(send: !parsed.GetValue(noSend), CommandLine, cancellationToken);
            return await PrintAsync(context, (await reports.GetAsync(id, CommandLine, cancellationToken))!.Report);
        });
        var id = new Argument<long>("ID") { Description = "The report's id, as generate printed it." };
        var send = new Command("send", "Send a generated report (again) and print how it went.") { id };
        send.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var reports = app.Services.GetRequiredService<SurveyReportService>();
            var queued = await reports.QueueSendAsync(parsed.GetValue(id), CommandLine, cancellationToken);
            if (!queued.Succeeded)
            {
                throw new CliException(queued.Errors[0].Message, queued.Errors[0].Kind == Api.ErrorKind.NotFound ? PortalCli.BadUsage : PortalCli.Failure);
            }
            return await PrintAsync(context, (await reports.GetAsync(parsed.GetValue(id), CommandLine, cancellationToken))!.Report);
        });
        return new Command("survey-report", "Anonymized usage reports for the community (Superuser's Survey reports page).") { generate, send };
    }

    private static async Task<int> PrintAsync(CliContext context, SurveyReport report)
    {
        await context.Output.WriteLineAsync($"report {report.Id}: {report.StateText.ToLowerInvariant()}");
        if (report.Counts is { } counts)
        {
            await context.Output.WriteLineAsync($"courses offered: {counts.CoursesOffered}\nlearners active in the last 4 weeks: {counts.ActiveLearners}\n" +
                $"registered learners: {counts.RegisteredLearners}\nenrollments: {counts.Enrollments}\nlearners with a passing grade: {counts.LearnersWithPassingGrade}");
        }
        var problem = report.Error ?? (report.SendState == SurveySendState.SendFailed ? report.LastSendError : null);
        if (problem is not null)
        {
            await context.Error.WriteLineAsync($"error: {problem}");
            return PortalCli.Failure;
        }
        return PortalCli.Success;
    }
}
