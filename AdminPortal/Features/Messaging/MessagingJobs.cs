using AdminPortal.Domain.Messaging;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Messaging;

/// <summary>The daily job of one message kind: every site, for today's date (UTC), recorded per site.</summary>
public abstract class MessagingJob(MessagingRunner runner, TimeProvider clock, MessageKind kind) : IPortalJob
{
    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var outcome = await runner.RunAsync(new MessagingRequest(kind, today, run.Start), null, cancellationToken);
        foreach (var site in outcome.Runs)
        {
            run.Log(Summary(site));
            run.Count("candidates", site.Candidates);
            run.Count("queued", site.Queued);
            run.Count("already-queued", site.AlreadyQueued);
            run.Count("sent", site.Sent);
            run.Count("suppressed", site.Suppressed);
            run.Count("no-highlights", site.NoHighlights);
            run.Count("failed", site.Failed);
            run.Count("waiting", site.Waiting);
        }
    }

    public static string Summary(MessageRun run) => run.Status == MessageRunStatus.QueuingDisabled
        ? $"{run.SiteDomain}: {run.Note}"
        : $"{run.SiteDomain} {run.Kind} {run.RunDate:yyyy-MM-dd}: {run.Candidates} candidates, {run.Queued} queued ({run.AlreadyQueued} already), " +
            $"{run.Sent} sent, {run.NotDelivered} not delivered, {run.Suppressed} suppressed, {run.NoHighlights} without highlights, " +
            $"{run.Failed} failed{(run.Waiting > 0 ? $", {run.Waiting:N0} waiting for retry" : "")}{(run.Note is null ? "" : $"; {run.Note}")}";

    /// <summary>"completed", or "completed, 2,399 waiting for retry" while some of its messages wait for their next attempt.</summary>
    public static string StatusText(MessageRun run) => run.Status switch
    {
        MessageRunStatus.Running => $"running (bin {run.BinsDone} of {MessageTypes.Bins})",
        MessageRunStatus.QueuingDisabled => "queuing disabled",
        MessageRunStatus.Completed when run.Waiting > 0 => $"completed, {run.Waiting:N0} waiting for retry",
        _ => run.Status.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Every minute, sends what is due on every site: messages queued by a run that stopped before delivering them, and
/// failed attempts whose wait (2, 4, 8, 16 minutes) is over, so a retry happens on time, not at the next day's run.
/// </summary>
public sealed class MessageDeliveryJob(MessageDelivery delivery) : IPortalJob
{
    public const string Name = "message-delivery";

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var delivered = await delivery.DeliverAsync(null, cancellationToken);
        run.Count("sent", delivered.Sent);
        run.Count("retrying", delivered.Retrying);
        run.Count("failed", delivered.Failed);
        if (delivered != new DeliveryResult(0, 0, 0))
        {
            run.Log($"{delivered.Sent} sent, {delivered.Retrying} waiting for another attempt, {delivered.Failed} failed for good.");
        }
    }
}

public sealed class RecurringNudgeJob(MessagingRunner runner, TimeProvider clock) : MessagingJob(runner, clock, MessageKind.RecurringNudge)
{
    public const string Name = "send-recurring-nudge";
}

public sealed class UpgradeReminderJob(MessagingRunner runner, TimeProvider clock) : MessagingJob(runner, clock, MessageKind.UpgradeReminder)
{
    public const string Name = "send-upgrade-reminder";
}

public sealed class CourseUpdateJob(MessagingRunner runner, TimeProvider clock) : MessagingJob(runner, clock, MessageKind.CourseUpdate)
{
    public const string Name = "send-course-update";
}
