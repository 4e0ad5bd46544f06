namespace AdminPortal.Domain.Messaging;

public enum OutboxState
{
    Queued,
    Sent,

    /// <summary>Kept, not sent: the site's <c>deliver_*</c> was off when it was queued.</summary>
    DeliveryDisabled,

    /// <summary>Every attempt failed; the last error is kept.</summary>
    Failed,
}

/// <summary>
/// One rendered email waiting to go, or gone. Its key (site, message, learner, day) is unique, so a re-run or a restart
/// after a crash finds it and queues nothing new. A sender claims the queued rows it sends (<see cref="ClaimedBy"/> until
/// <see cref="ClaimedUntilUtc"/>), so two senders never take the same row, and marks each one sent as soon as the channel
/// accepts it.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 5;
    public const int CourseKeysKept = 10;

    private OutboxMessage()
    {
    }

    public OutboxMessage(
        string key, long runId, MessageSite site, ResolvedMessage message, string recipient, RenderedEmail email, Guid uuid, Guid sendUuid,
        bool deliver, DateTime nowUtc)
    {
        Key = key;
        RunId = runId;
        SiteId = site.Id;
        SiteDomain = site.Domain;
        MessageName = message.Target.Type.Name;
        TargetDay = message.Target.Day;
        Week = message.Target.Week;
        LearnerId = message.LearnerId;
        Username = message.Username;
        Recipient = recipient;
        Language = message.Language;
        PrimaryCourseKey = message.PrimaryCourse.Key;
        CourseKeys = message.Courses.Take(CourseKeysKept).Select(c => c.Key).ToList();
        CourseCount = message.Courses.Count;
        Uuid = uuid;
        SendUuid = sendUuid;
        Subject = email.Subject;
        HtmlBody = email.Html;
        TextBody = email.Text;
        State = deliver ? OutboxState.Queued : OutboxState.DeliveryDisabled;
        CreatedUtc = NextAttemptUtc = nowUtc;
    }

    /// <summary>A message whose email could not be rendered: kept, failed for good with the reason, so it fails alone.</summary>
    public static OutboxMessage Unrenderable(
        string key, long runId, MessageSite site, ResolvedMessage message, string recipient, Guid uuid, Guid sendUuid, string error, DateTime nowUtc)
    {
        var failed = new OutboxMessage(key, runId, site, message, recipient, new RenderedEmail("", "", ""), uuid, sendUuid, deliver: true, nowUtc);
        failed.LastError = Cut($"could not be rendered: {error}");
        failed.State = OutboxState.Failed;
        return failed;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public long RunId { get; private set; }
    public int SiteId { get; private set; }
    public string SiteDomain { get; private set; } = "";
    public string MessageName { get; private set; } = "";
    public DateOnly TargetDay { get; private set; }
    public int? Week { get; private set; }
    public int LearnerId { get; private set; }
    public string Username { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public string PrimaryCourseKey { get; private set; } = "";
    public IReadOnlyList<string> CourseKeys { get; private set; } = [];
    public int CourseCount { get; private set; }
    public Guid Uuid { get; private set; }
    public Guid SendUuid { get; private set; }
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime NextAttemptUtc { get; private set; }
    public DateTime? SentUtc { get; private set; }

    /// <summary>The claim of the sender that is sending it now (a fresh id per chunk of rows), or null.</summary>
    public Guid? ClaimedBy { get; private set; }

    /// <summary>
    /// When the claim runs out: a sender renews it while it works, so a claim that ran out belongs to a sender that died,
    /// and the row is taken again.
    /// </summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    /// <summary>When the learner's mail client first loaded the open pixel; many clients block it, so none proves nothing.</summary>
    public DateTime? OpenedUtc { get; private set; }

    /// <summary>A failed attempt: tried again later (backing off) unless it was the last, or the error is permanent.</summary>
    public void MarkFailed(string error, bool permanent, DateTime nowUtc)
    {
        Attempts++;
        LastError = Cut(error);
        if (permanent || Attempts >= MaxAttempts)
        {
            State = OutboxState.Failed;
            return;
        }
        NextAttemptUtc = nowUtc.AddMinutes(Math.Pow(2, Attempts));
    }

    private static string Cut(string error) => error.Length > 1000 ? error[..1000] : error;
}

/// <summary>Subject, HTML and plain-text parts of one email.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>The record of a sent message, as Open edX's schedules app emits it.</summary>
public sealed class MessageEvent
{
    public const string AppLabel = "schedules";

    private MessageEvent()
    {
    }

    public MessageEvent(OutboxMessage message, DateTime nowUtc)
    {
        OutboxMessageId = message.Id;
        Site = message.SiteDomain;
        App = AppLabel;
        Name = message.MessageName;
        Language = message.Language;
        Uuid = message.Uuid;
        SendUuid = message.SendUuid;
        PrimaryCourseKey = message.PrimaryCourseKey;
        CourseKeys = message.CourseKeys;
        CourseCount = message.CourseCount;
        AtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long OutboxMessageId { get; private set; }
    public string Site { get; private set; } = "";
    public string App { get; private set; } = AppLabel;
    public string Name { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public Guid Uuid { get; private set; }
    public Guid SendUuid { get; private set; }
    public string PrimaryCourseKey { get; private set; } = "";
    public IReadOnlyList<string> CourseKeys { get; private set; } = [];
    public int CourseCount { get; private set; }
    public DateTime AtUtc { get; private set; }
}
