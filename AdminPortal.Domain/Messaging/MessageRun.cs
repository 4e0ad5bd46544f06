using AdminPortal.Domain.Jobs;

namespace AdminPortal.Domain.Messaging;

public enum MessageRunStatus
{
    Running,
    Completed,
    QueuingDisabled,
    Failed,
}

/// <summary>One run of one message kind for one site and run date, with what it found, queued and sent.</summary>
public sealed class MessageRun
{
    private MessageRun()
    {
    }

    /// <param name="startedBy">The schedule, a person (<paramref name="startedByEmail"/>) or the command line.</param>
    /// <param name="trigger">The schedule's "{cron} ({zone})", "Run now", or the command.</param>
    public MessageRun(MessageSite site, MessageKind kind, DateOnly runDate, Guid sendUuid, JobStarter startedBy, string? startedByEmail, string trigger,
        bool dryRun, string? overrideRecipient, DateTime nowUtc, Guid? ownerId = null)
    {
        SiteId = site.Id;
        SiteDomain = site.Domain;
        Kind = kind;
        RunDate = runDate;
        SendUuid = sendUuid;
        StartedBy = startedBy;
        StartedByEmail = startedBy == JobStarter.User ? startedByEmail : null;
        Trigger = trigger;
        DryRun = dryRun;
        OverrideRecipient = overrideRecipient;
        StartedUtc = nowUtc;
        Status = MessageRunStatus.Running;
        OwnerId = ownerId;
    }

    public long Id { get; private set; }
    public int SiteId { get; private set; }
    public string SiteDomain { get; private set; } = "";
    public MessageKind Kind { get; private set; }
    public DateOnly RunDate { get; private set; }
    public Guid SendUuid { get; private set; }
    public JobStarter StartedBy { get; private set; }

    /// <summary>The account's email when a person started the run.</summary>
    public string? StartedByEmail { get; private set; }

    public string Trigger { get; private set; } = "";
    public bool DryRun { get; private set; }
    public string? OverrideRecipient { get; private set; }
    public DateTime StartedUtc { get; private set; }
    public DateTime? FinishedUtc { get; private set; }
    public MessageRunStatus Status { get; private set; }

    /// <summary>The process running it (see PortalProcess): a run whose owner died is marked failed, one whose owner lives is left alone.</summary>
    public Guid? OwnerId { get; private set; }
    public int BinsDone { get; private set; }
    public int Candidates { get; private set; }
    public int Queued { get; private set; }
    public int AlreadyQueued { get; private set; }
    public int Suppressed { get; private set; }
    public int NoHighlights { get; private set; }
    /// <summary>Sent and failed for good: counted by delivery, one message at a time, whichever sender sends it and whenever.</summary>
    public int Sent { get; private set; }
    public int NotDelivered { get; private set; }
    public int Failed { get; private set; }

    /// <summary>Queued messages not yet sent, nor failed for good: waiting for their next attempt.</summary>
    public int Waiting => Math.Max(0, Queued - Sent - Failed - NotDelivered);
    public string? Note { get; private set; }

    /// <summary>"the schedule (daily at 08:00 UTC)", "sam@example.org" or "the command line".</summary>
    public string DescribeStarter() => RunStarters.Describe(StartedBy, StartedByEmail, Trigger);

    /// <summary>Time spent reading and resolving the bins, rendering and writing the outbox, and delivering.</summary>
    public long ResolveMs { get; private set; }
    public long WriteMs { get; private set; }
    public long DeliverMs { get; private set; }

    public void AddTimes(TimeSpan resolve, TimeSpan write, TimeSpan deliver)
    {
        ResolveMs += (long)resolve.TotalMilliseconds;
        WriteMs += (long)write.TotalMilliseconds;
        DeliverMs += (long)deliver.TotalMilliseconds;
    }

    /// <summary>One bin done, over every target day of the run.</summary>
    public void AddBin(IReadOnlyCollection<Resolution> resolutions, int queued, int alreadyQueued)
    {
        BinsDone++;
        Candidates += resolutions.Sum(r => r.Candidates);
        Suppressed += resolutions.Sum(r => r.Suppressed);
        NoHighlights += resolutions.Sum(r => r.NoHighlights);
        Queued += queued;
        AlreadyQueued += alreadyQueued;
    }

    /// <summary>The site's <c>deliver_*</c> is off: what this run queued is kept, not sent.</summary>
    public void KeepUndelivered() => NotDelivered = Queued;

    public void Finish(MessageRunStatus status, string? note, DateTime nowUtc)
    {
        Status = status;
        Note = note;
        FinishedUtc = nowUtc;
    }
}
