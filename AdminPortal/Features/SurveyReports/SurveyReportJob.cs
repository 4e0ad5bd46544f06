using AdminPortal.Domain.Jobs;
using AdminPortal.Jobs;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// Generates the reports asked for and sends the ones queued; on its own schedule, with <c>SurveyReport:AutoSend</c>,
/// it first asks for a new report to generate and send.
/// </summary>
public sealed class SurveyReportJob(SurveyReportService reports, SurveyReportWork work, IOptions<SurveyReportOptions> options) : IPortalJob
{
    public const string Name = "survey-report";
    public const string AutomaticRequester = "automatic report (SurveyReport:AutoSend)";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        if (run.Start.StartedBy == JobStarter.Schedule)
        {
            if (options.Value.AutoSend)
            {
                var id = await reports.CreateAsync(AutomaticRequester, send: true, cancellationToken);
                run.Log($"Automatic report {id} asked for.");
            }
            else
            {
                run.Log("SurveyReport:AutoSend is off: no automatic report; working through the reports asked for.");
            }
        }
        var done = await work.ProcessAsync(run.Log, cancellationToken);
        run.Count("generated", done.Generated);
        run.Count("errors", done.Errors);
        run.Count("sent", done.Sent);
        run.Count("send-failed", done.SendFailed);
        if (done.Errors + done.SendFailed > 0)
        {
            throw new InvalidOperationException($"{done.Errors} report(s) could not be generated and {done.SendFailed} could not be sent; see Survey reports.");
        }
    }
}
