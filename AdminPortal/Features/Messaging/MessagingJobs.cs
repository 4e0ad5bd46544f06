using AdminPortal.Domain.Messaging;
using AdminPortal.Jobs;

namespace AdminPortal.Features.Messaging;

/// <summary>The daily job of one message kind: every site, for today's date (UTC), recorded per site.</summary>
public abstract class MessagingJob(MessagingRunner runner, TimeProvider clock, MessageKind kind) : IPortalJob
{
    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var outcome = await runner.RunAsync(new MessagingRequest(kind, today, run.Start.ToString()), null, cancellationToken);
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
        }
    }

    public static string Summary(MessageRun run) => run.Status == MessageRunStatus.QueuingDisabled
        ? $"{run.SiteDomain}: {run.Note}"
        : $"{run.SiteDomain} {run.Kind} {run.RunDate:yyyy-MM-dd}: {run.Candidates} candidates, {run.Queued} queued ({run.AlreadyQueued} already), " +
            $"{run.Sent} sent, {run.NotDelivered} not delivered, {run.Suppressed} suppressed, {run.NoHighlights} without highlights, " +
            $"{run.Failed} failed{(run.Note is null ? "" : $"; {run.Note}")}";
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
