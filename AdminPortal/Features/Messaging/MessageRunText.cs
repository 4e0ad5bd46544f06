using AdminPortal.Domain.Messaging;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// A messaging run as the Message runs page says it: kinds as people say them, "candidates" for the learners a run looks
/// at, and a dry run "would queue" (it writes nothing).
/// </summary>
public static class MessageRunText
{
    public const string Suppressed =
        "Suppressed: candidates who get no message because their schedule, enrollment or account is inactive, the course has ended, " +
        "the schedule is of another experience, or (upgrade reminders) they have upgraded already or no longer can.";

    public const string NoHighlights =
        "No highlights: course-update candidates who get no email that week because the course has no visible section with highlights " +
        "for the week (or its highlights are switched off for messaging).";

    public static string Summary(MessageRun run)
    {
        var what = $"{run.SiteDomain}, {MessageTitles.Of(run.Kind)} {run.RunDate:yyyy-MM-dd}";
        if (run.Status == MessageRunStatus.QueuingDisabled)
        {
            return $"{(run.DryRun ? "Dry run: " : "")}{what}: {run.Note}";
        }
        var skipped = $"{run.Suppressed} suppressed, {run.NoHighlights} without highlights";
        return run.DryRun
            ? $"Dry run: {what}: {run.Candidates} candidates, would queue {run.Queued}, {skipped}"
            : $"{what}: {run.Candidates} candidates, {run.Queued} queued ({run.AlreadyQueued} already), {run.Sent} sent, " +
              $"{run.NotDelivered} not delivered, {skipped}, {run.Failed} failed" +
              $"{(run.Waiting > 0 ? $", {run.Waiting:N0} waiting for retry" : "")}{(run.Note is null ? "" : $"; {run.Note}")}";
    }
}
