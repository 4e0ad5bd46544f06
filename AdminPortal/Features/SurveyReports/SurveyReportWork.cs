using AdminPortal.Data;
using AdminPortal.Domain.SurveyReports;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.SurveyReports;

public sealed record SurveyWorkDone(int Generated, int Errors, int Sent, int SendFailed);

/// <summary>The survey-report job's queue: every processing report is generated, then every report queued to send is sent.</summary>
public sealed class SurveyReportWork(IDbContextFactory<PortalDbContext> contexts, SurveyReportGenerator generator, SurveyReportSender sender)
{
    public async Task<SurveyWorkDone> ProcessAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var (generated, errors, sent, failed) = (0, 0, 0, 0);
        foreach (var id in await IdsAsync(r => r.State == SurveyReportState.Processing, cancellationToken))
        {
            var report = await generator.GenerateAsync(id, cancellationToken);
            if (report is not null)
            {
                log(report.State == SurveyReportState.Generated ? $"Report {id} generated." : $"Report {id} failed: {report.Error}");
                (generated, errors) = report.State == SurveyReportState.Generated ? (generated + 1, errors) : (generated, errors + 1);
            }
        }
        foreach (var id in await IdsAsync(r => r.State == SurveyReportState.Generated && r.SendState == SurveySendState.Queued, cancellationToken))
        {
            if (await sender.SendAsync(id, cancellationToken) is { } report)
            {
                log(report.SendState == SurveySendState.Sent ? $"Report {id} sent." : $"Report {id} not sent: {report.LastSendError}");
                (sent, failed) = report.SendState == SurveySendState.Sent ? (sent + 1, failed) : (sent, failed + 1);
            }
        }
        return new SurveyWorkDone(generated, errors, sent, failed);
    }

    /// <summary>One report, here and now: the command line's way, which leaves every other report to the server's job.</summary>
    public async Task ProcessOneAsync(long id, CancellationToken cancellationToken)
    {
        await generator.GenerateAsync(id, cancellationToken);
        await sender.SendAsync(id, cancellationToken);
    }

    private async Task<List<long>> IdsAsync(System.Linq.Expressions.Expression<Func<SurveyReport, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SurveyReports.Where(which).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
    }
}
