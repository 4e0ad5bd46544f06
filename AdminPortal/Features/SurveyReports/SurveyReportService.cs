using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Features.Accounts;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.SurveyReports;

public sealed record SurveyReportDetail(SurveyReport Report, IReadOnlyList<SurveySendAttempt> Attempts);

/// <summary>What the pages, the banner and the command line do with survey reports; superusers only, and nothing when the feature is off.</summary>
public sealed class SurveyReportService(
    IDbContextFactory<PortalDbContext> contexts,
    IOptions<SurveyReportOptions> options,
    SurveyBannerCache banner,
    ActorEmails actorEmails,
    JobTriggers triggers,
    SurveyReportWork work,
    TimeProvider clock,
    ILogger<SurveyReportService> logger)
{
    public bool Enabled => options.Value.Enabled;

    public SurveyReportOptions Settings => options.Value;

    /// <summary>Null when reports can be sent; else why not, said before anyone presses Send.</summary>
    public string? WhyReportsCannotBeSent => !options.Value.HasEndpoint
        ? $"No receiver is set ({SurveyReportOptions.Section}:Endpoint), so a report cannot be sent yet: a report can be generated and read, and sent once the setting is made."
        : null;

    public async Task<IReadOnlyList<SurveyReport>> ListAsync(PortalActor actor, int count = 50, CancellationToken cancellationToken = default)
    {
        Demand(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SurveyReports.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    public async Task<SurveyReportDetail?> GetAsync(long id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        Demand(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.SurveyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null ? null : new SurveyReportDetail(report,
            await db.SurveySendAttempts.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Asks for a report (and its sending): the survey-report job does the work in the background. Refused while another
    /// report is being generated (a double click, a second tab, the banner and the page at once), saying which.
    /// </summary>
    /// <exception cref="InvalidOperationException">A report is being generated.</exception>
    public async Task<long> RequestAsync(bool send, PortalActor actor, CancellationToken cancellationToken = default)
    {
        Demand(actor);
        var by = await actorEmails.OfAsync(actor, cancellationToken);
        var id = await CreateAsync(by, send, cancellationToken, unlessOneIsBeingGenerated: true);
        await StartJobAsync(by, id, cancellationToken);
        return id;
    }

    public async Task<ServiceResult<SurveySendState>> QueueSendAsync(long id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        Demand(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.SurveyReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return new ServiceError(ErrorKind.NotFound, "id", $"There is no survey report {id}.");
        }
        try
        {
            report.QueueSend(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return new ServiceError(ErrorKind.Conflict, "id", e.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        await StartJobAsync(await actorEmails.OfAsync(actor, cancellationToken), id, cancellationToken);
        return report.SendState;
    }

    /// <summary>Adds a processing report; the job or the command line generates it.</summary>
    public async Task<long> CreateAsync(string requestedBy, bool send, CancellationToken cancellationToken, bool unlessOneIsBeingGenerated = false)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite's BEGIN IMMEDIATE: of two requests at once, in any processes, the second sees the first's report.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (unlessOneIsBeingGenerated && await db.SurveyReports.AsNoTracking().Where(r => r.State == SurveyReportState.Processing)
                .OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } processing)
        {
            throw new InvalidOperationException($"Report {processing.Id} is being generated (asked for by {processing.CreatedBy} at " +
                $"{processing.CreatedUtc:yyyy-MM-dd HH:mm} UTC): wait for it, then ask again if you need another.");
        }
        var report = new SurveyReport(requestedBy, send, clock.GetUtcNow().UtcDateTime);
        db.SurveyReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        banner.ReportsChanged();
        logger.LogInformation("{RequestedBy} asked for survey report {ReportId}{Send}", requestedBy, report.Id, send ? " and its sending" : "");
        return report.Id;
    }

    public async Task<bool> ShowBannerAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        var facts = await banner.FactsAsync(actor.Id, actor.Can(PortalPolicies.ManagePortal) && !actor.IsSystem, cancellationToken);
        return SurveyRules.ShowBanner(facts, clock.GetUtcNow().UtcDateTime, options.Value.BannerMonths);
    }

    public async Task DismissBannerAsync(PortalActor actor, CancellationToken cancellationToken = default)
    {
        Demand(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Task<int> UpdateAsync() => db.SurveyBannerDismissals.Where(d => d.UserId == actor.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.DismissedUtc, now), cancellationToken);
        // Two tabs may dismiss at once, each finding no row: the one whose insert loses the race updates the other's row.
        if (await UpdateAsync() == 0)
        {
            db.SurveyBannerDismissals.Add(new SurveyBannerDismissal(actor.Id, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                await UpdateAsync();
            }
        }
        banner.Dismissed(actor.Id, now);
    }

    /// <summary>The web server's scheduler runs the job; a process without one (the command line) does this report itself.</summary>
    private async Task StartJobAsync(string startedBy, long reportId, CancellationToken cancellationToken)
    {
        if (!await triggers.RunNowAsync(SurveyReportJob.Name, startedBy, cancellationToken))
        {
            await work.ProcessOneAsync(reportId, cancellationToken);
        }
    }

    private void Demand(PortalActor actor)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        if (!options.Value.Enabled)
        {
            throw new InvalidOperationException("Survey reports are turned off (SurveyReport:Enabled=false).");
        }
    }
}
