using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Messaging.Emails;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <param name="StartedBy">The schedule (with its trigger), a person (with their email) or the command line: stored with each run as data.</param>
/// <param name="SiteDomain">One site, or every site when null.</param>
/// <param name="Weeks">Course updates: only the first N weeks (1..10).</param>
public sealed record MessagingRequest(
    MessageKind Kind, DateOnly RunDate, JobStart StartedBy, string? SiteDomain = null, string? OverrideRecipient = null, bool DryRun = false, int? Weeks = null);

/// <summary>One line of a dry run: who would get what.</summary>
public sealed record PreviewLine(string Site, string Message, DateOnly TargetDay, int? Week, string Username, string Recipient, string Subject, IReadOnlyList<string> Courses);

public sealed record MessagingOutcome(IReadOnlyList<MessageRun> Runs, IReadOnlyList<PreviewLine> Preview);

/// <summary>
/// One kind of message for one run date, site by site: if the site's <c>enqueue_*</c> is off it says so and stops; else
/// each of the 24 bins is resolved, rendered and written to the outbox (unique keys: never twice), then, when
/// <c>deliver_*</c> is on, the outbox is delivered. A dry run resolves and renders but writes and sends nothing.
/// </summary>
public sealed class MessagingRunner(
    IDbContextFactory<PortalDbContext> contexts, ConfigStore configs, EmailRenderer renderer, MessageDelivery delivery, ThisProcess process, TimeProvider clock,
    IValidator<MessagingRequest> validator, UntilDatabaseReturns untilBack, ILogger<MessagingRunner> logger)
{
    public string Channel => delivery.Channel;

    /// <summary>Where messages go, as this person may see it: the pickup folder is a path on the server, for superusers only.</summary>
    public string ChannelSeenBy(PortalActor actor) =>
        delivery.WritesFiles && !actor.Can(PortalPolicies.ManagePortal) ? "files in the server's pickup folder" : delivery.Channel;

    /// <exception cref="ValidationException">The request breaks a rule of <see cref="MessagingRequestValidator"/>: the page and the command check first, so this is the last guard.</exception>
    public async Task<MessagingOutcome> RunAsync(MessagingRequest request, Action<MessageRun>? progress, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var sites = await SitesAsync(request.SiteDomain, cancellationToken);
        var settings = await configs.AllCurrentAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, cancellationToken);
        var owner = request.DryRun ? (Guid?)null : await process.OwnerIdAsync(cancellationToken);
        var runs = new List<MessageRun>();
        var preview = new List<PreviewLine>();
        foreach (var site in sites)
        {
            var config = settings.GetValueOrDefault(ConfigKeys.Of(site.Id))?.Values ?? ScheduleConfig.Off;
            var start = request.StartedBy;
            var run = new MessageRun(site, request.Kind, request.RunDate, Guid.NewGuid(), start.StartedBy, start.Email, start.Trigger, request.DryRun,
                request.OverrideRecipient, Now, owner);
            try
            {
                runs.Add(await RunSiteAsync(request, run, site, config, preview, progress, cancellationToken));
            }
            catch (Exception e) when (!request.DryRun && run.Id != 0)
            {
                // Recorded as failed (what was queued stays queued; the delivery job sends it), then reported to the caller.
                logger.LogError(e, "{Kind} for {Site} on {RunDate} failed", request.Kind, site.Domain, request.RunDate);
                run.Finish(MessageRunStatus.Failed, DatabaseErrors.Reason(e), Now);
                // The three columns only, so an attempt after an outage still writes them and delivery's counts stay.
                await untilBack.WriteAsync($"the failure of message run {run.Id}", async () =>
                {
                    await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
                    await db.MessageRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.Status, run.Status).SetProperty(r => r.Note, run.Note).SetProperty(r => r.FinishedUtc, run.FinishedUtc));
                });
                throw;
            }
        }
        return new MessagingOutcome(runs, preview);
    }

    private async Task<MessageRun> RunSiteAsync(MessagingRequest request, MessageRun run, MessageSite site, ScheduleConfig config,
        List<PreviewLine> preview, Action<MessageRun>? progress, CancellationToken cancellationToken)
    {
        var (enqueue, deliver) = Flags(config, request.Kind);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!request.DryRun)
        {
            db.MessageRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!enqueue)
        {
            var note = $"Message queuing disabled for site {site.Domain}";
            logger.LogInformation("{Kind} for {RunDate}: {Note}", request.Kind, request.RunDate, note);
            return await FinishAsync(db, run, MessageRunStatus.QueuingDisabled, note, request.DryRun, cancellationToken);
        }
        var courses = await MessageCandidateLoader.CoursesAsync(db, site, cancellationToken);
        var targets = MessageTypes.TargetsFor(request.Kind, request.RunDate).Take(request.Weeks ?? int.MaxValue).ToList();
        var resolver = MessageResolver.For(request.Kind);
        // Each target day's candidates in one statement for all bins: a day's schedules are read once, not once per bin.
        var loading = System.Diagnostics.Stopwatch.StartNew();
        var byTarget = new List<(MessageTarget Target, ILookup<int, MessageCandidate> ByBin)>();
        foreach (var target in targets)
        {
            var candidates = await MessageCandidateLoader.ForTargetAsync(db, courses, target, cancellationToken);
            byTarget.Add((target, candidates.ToLookup(c => MessageTypes.BinOf(c.LearnerId))));
        }
        run.AddTimes(loading.Elapsed, TimeSpan.Zero, TimeSpan.Zero);
        // Each bin is resolved, rendered and serialized on the thread pool while the one before it is written: the
        // database's work and the rest overlap, on two cores at once.
        // The provider is read here, once: the pool's threads never touch the context the loop writes with.
        var provider = db.Provider();
        Task<PreparedBin> Prepare(int bin) => Task.Run(() => PrepareBinAsync(request, run, site, deliver, resolver, byTarget, bin, provider), CancellationToken.None);
        // A re-run queues again whatever a crash of the database's machine took back, so the queue's commits need not wait for the disk.
        await using (request.DryRun ? null : await CommitsWithoutWaiting.BeginAsync(db, cancellationToken))
        {
            var next = Prepare(0);
            try
            {
                for (var bin = 0; bin < MessageTypes.Bins; bin++)
                {
                    var writing = System.Diagnostics.Stopwatch.StartNew();
                    var (resolutions, rows, batch, resolved) = await next;
                    next = bin + 1 < MessageTypes.Bins ? Prepare(bin + 1) : next;
                    if (request.DryRun)
                    {
                        preview.AddRange(rows.Select(r => new PreviewLine(site.Domain, r.MessageName, r.TargetDay, r.Week, r.Username, r.Recipient,
                            r.State == OutboxState.Failed ? r.LastError! : r.Subject, r.CourseKeys)));
                        run.AddBin(resolutions, rows.Count, 0);
                    }
                    else
                    {
                        var queued = await OutboxWriter.InsertAsync(db, batch!, cancellationToken);
                        run.AddBin(resolutions, queued, rows.Count - queued);
                        await db.SaveChangesAsync(cancellationToken);
                        await CountUnrenderableAsync(db, run, rows, cancellationToken);
                    }
                    run.AddTimes(resolved, writing.Elapsed, TimeSpan.Zero);
                    progress?.Invoke(run);
                }
            }
            finally
            {
                // A bin being prepared when a write failed is not left running unobserved.
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        if (!request.DryRun)
        {
            if (deliver)
            {
                var delivering = System.Diagnostics.Stopwatch.StartNew();
                await delivery.DeliverAsync(site.Id, cancellationToken);
                run.AddTimes(TimeSpan.Zero, TimeSpan.Zero, delivering.Elapsed);
            }
            else
            {
                run.KeepUndelivered();
            }
        }
        return await FinishAsync(db, run, MessageRunStatus.Completed, deliver ? null : "Not delivered: delivery disabled", request.DryRun, cancellationToken);
    }

    /// <param name="Batch">The rows as the outbox writer takes them; none for a dry run.</param>
    private sealed record PreparedBin(IReadOnlyList<Resolution> Resolutions, List<OutboxMessage> Rows, OutboxWriter.Batch? Batch, TimeSpan Resolved);

    private async Task<PreparedBin> PrepareBinAsync(MessagingRequest request, MessageRun run, MessageSite site, bool deliver, MessageResolver resolver,
        List<(MessageTarget Target, ILookup<int, MessageCandidate> ByBin)> byTarget, int bin, DatabaseProvider provider)
    {
        var resolving = System.Diagnostics.Stopwatch.StartNew();
        var resolutions = byTarget.Select(t => resolver.Resolve(t.Target, site, bin, request.RunDate, t.ByBin[bin])).ToList();
        var resolved = resolving.Elapsed;
        var messages = resolutions.SelectMany(r => r.Messages).Select(m => (Message: m, Uuid: Guid.NewGuid())).ToList();
        var emails = await renderer.RenderAsync(messages);
        var rows = messages.Select((m, i) => Row(request, run, site, m.Message, m.Uuid, emails[i], deliver)).ToList();
        return new PreparedBin(resolutions, rows, request.DryRun ? null : OutboxWriter.Prepare(provider, rows), resolved);
    }

    private OutboxMessage Row(MessagingRequest request, MessageRun run, MessageSite site, ResolvedMessage message, Guid uuid, RenderResult email, bool deliver)
    {
        var (key, recipient) = (message.Key(site.Id), request.OverrideRecipient ?? message.Email);
        return email.Email is { } rendered
            ? new OutboxMessage(key, run.Id, site, message, recipient, rendered, uuid, run.SendUuid, deliver, Now)
            : OutboxMessage.Unrenderable(key, run.Id, site, message, recipient, uuid, run.SendUuid, email.Error!, Now);
    }

    /// <summary>
    /// A message that could not be rendered is queued as failed and counted on its run at once; its count is added in
    /// the database, as delivery adds its own, so neither overwrites the other.
    /// </summary>
    private static async Task CountUnrenderableAsync(PortalDbContext db, MessageRun run, List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Where(r => r.State == OutboxState.Failed).Select(r => r.Key).ToList();
        if (keys.Count > 0)
        {
            var failed = await db.OutboxMessages.CountAsync(m => keys.Contains(m.Key) && m.RunId == run.Id, cancellationToken);
            await db.MessageRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Failed, r => r.Failed + failed), cancellationToken);
        }
    }

    /// <summary>Ends the run; the counts delivery wrote meanwhile (sent, failed) are read back, never overwritten.</summary>
    private async Task<MessageRun> FinishAsync(PortalDbContext db, MessageRun run, MessageRunStatus status, string? note, bool dryRun, CancellationToken cancellationToken)
    {
        run.Finish(status, note, Now);
        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.Entry(run).ReloadAsync(cancellationToken);
        }
        return run;
    }

    private async Task<IReadOnlyList<MessageSite>> SitesAsync(string? domain, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Domain).ToListAsync(cancellationToken);
        if (domain is not null && sites.All(s => s.Domain != domain.Trim().ToLowerInvariant()))
        {
            throw new ArgumentException($"No site has the domain {domain}; see `sites list`.", nameof(domain));
        }
        return sites.Where(s => domain is null || s.Domain == domain.Trim().ToLowerInvariant())
            .Select(s => new MessageSite(s.Id, s.Domain, s.Name, s.Orgs,
                sites.Where(o => o.Id != s.Id).SelectMany(o => o.Orgs).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    private static (bool Enqueue, bool Deliver) Flags(ScheduleConfig config, MessageKind kind) => kind switch
    {
        MessageKind.RecurringNudge => (config.EnqueueRecurringNudge, config.DeliverRecurringNudge),
        MessageKind.UpgradeReminder => (config.EnqueueUpgradeReminder, config.DeliverUpgradeReminder),
        _ => (config.EnqueueCourseUpdate, config.DeliverCourseUpdate),
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
