namespace AdminPortal.Domain.SurveyReports;

public enum SurveyReportState
{
    Processing,
    Generated,
    Error,
}

public enum SurveySendState
{
    NotSent,

    /// <summary>Asked for; the survey-report job sends it.</summary>
    Queued,
    Sent,
    SendFailed,
}

/// <summary>The counts of an anonymized usage report; each comes from one SQL aggregate.</summary>
public sealed record SurveyCounts(long CoursesOffered, long ActiveLearners, long RegisteredLearners, long Enrollments, long LearnersWithPassingGrade);

/// <summary>
/// One usage report: generated in the background (processing, then generated with its counts and the exact payload to
/// send, or error with the reason), and sent separately, any number of times, each attempt recorded.
/// </summary>
public sealed class SurveyReport
{
    public const int MaxErrorLength = 1000;

    private SurveyReport()
    {
    }

    public SurveyReport(string createdBy, bool sendWhenGenerated, DateTime nowUtc)
    {
        CreatedBy = createdBy;
        CreatedUtc = ModifiedUtc = nowUtc;
        State = SurveyReportState.Processing;
        SendState = sendWhenGenerated ? SurveySendState.Queued : SurveySendState.NotSent;
        Progress = "waiting to start";
    }

    public long Id { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime ModifiedUtc { get; private set; }
    public SurveyReportState State { get; private set; }

    /// <summary>What the generation is doing now ("counting enrollments, 4 of 5"), for the pages' progress.</summary>
    public string? Progress { get; private set; }
    public DateTime? GeneratedUtc { get; private set; }
    public string? Error { get; private set; }
    public long CoursesOffered { get; private set; }
    public long ActiveLearners { get; private set; }
    public long RegisteredLearners { get; private set; }
    public long Enrollments { get; private set; }
    public long LearnersWithPassingGrade { get; private set; }

    /// <summary>The JSON body that is sent, fixed when the report is generated.</summary>
    public string? Payload { get; private set; }
    public SurveySendState SendState { get; private set; }

    /// <summary>
    /// Set by the process generating or sending the report right now (a claim): no other process takes it until this
    /// time, or until that process is gone (<see cref="LeaseOwnerId"/>), so a report is never sent twice at once, and one
    /// left by a crashed process is taken again.
    /// </summary>
    public DateTime? LeaseUntilUtc { get; private set; }

    /// <summary>The process holding the claim (see PortalProcess).</summary>
    public Guid? LeaseOwnerId { get; private set; }
    public DateTime? SentUtc { get; private set; }
    public string? LastSendError { get; private set; }

    public SurveyCounts? Counts => State == SurveyReportState.Generated
        ? new(CoursesOffered, ActiveLearners, RegisteredLearners, Enrollments, LearnersWithPassingGrade)
        : null;

    public void Report(string progress, DateTime nowUtc) => (Progress, ModifiedUtc) = (progress, nowUtc);

    public void Generate(SurveyCounts counts, string payload, DateTime nowUtc)
    {
        Demand(SurveyReportState.Processing, "be generated");
        (CoursesOffered, ActiveLearners, RegisteredLearners, Enrollments, LearnersWithPassingGrade) =
            (counts.CoursesOffered, counts.ActiveLearners, counts.RegisteredLearners, counts.Enrollments, counts.LearnersWithPassingGrade);
        (State, Payload, GeneratedUtc, ModifiedUtc, Progress, LeaseUntilUtc, LeaseOwnerId) = (SurveyReportState.Generated, payload, nowUtc, nowUtc, null, null, null);
    }

    /// <summary>Generation failed: nothing can be sent, so a send asked for with it is dropped.</summary>
    public void Fail(string error, DateTime nowUtc)
    {
        Demand(SurveyReportState.Processing, "fail");
        (State, Error, ModifiedUtc, Progress, LeaseUntilUtc, LeaseOwnerId) = (SurveyReportState.Error, Cut(error), nowUtc, null, null, null);
        SendState = SurveySendState.NotSent;
    }

    /// <summary>Asks for a (re)send; only a generated report has something to send, and a sent one is not sent twice.</summary>
    public void QueueSend(DateTime nowUtc)
    {
        if (State == SurveyReportState.Error)
        {
            throw new DomainException("This report failed to generate: there is nothing to send. Generate a new one.");
        }
        if (SendState == SurveySendState.Sent)
        {
            throw new DomainException($"This report was sent on {SentUtc:yyyy-MM-dd HH:mm} UTC.");
        }
        (SendState, ModifiedUtc) = (SurveySendState.Queued, nowUtc);
    }

    public void RecordSend(bool succeeded, string? error, DateTime nowUtc)
    {
        Demand(SurveyReportState.Generated, "be sent");
        if (succeeded)
        {
            (SendState, SentUtc, LastSendError) = (SurveySendState.Sent, nowUtc, null);
        }
        else
        {
            (SendState, LastSendError) = (SurveySendState.SendFailed, Cut(error ?? "unknown error"));
        }
        (ModifiedUtc, LeaseUntilUtc, LeaseOwnerId) = (nowUtc, null, null);
    }

    /// <summary>What the pages and the CLI show: Processing, Generated, Error, Sent, Send failed (and Sending while it goes).</summary>
    public string StateText => State switch
    {
        SurveyReportState.Processing => "Processing",
        SurveyReportState.Error => "Error",
        _ => SendState switch
        {
            SurveySendState.Sent => "Sent",
            SurveySendState.SendFailed => "Send failed",
            SurveySendState.Queued => "Sending",
            _ => "Generated",
        },
    };

    private void Demand(SurveyReportState state, string what)
    {
        if (State != state)
        {
            throw new DomainException($"Only a {state.ToString().ToLowerInvariant()} report can {what}; this one is {State.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Cut(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}

/// <summary>One try at sending a report: when, the HTTP status (none when the network failed) and a piece of the answer.</summary>
public sealed class SurveySendAttempt
{
    public const int MaxExcerptLength = 500;

    private SurveySendAttempt()
    {
    }

    public SurveySendAttempt(long reportId, DateTime atUtc, int? statusCode, string? error, string? responseExcerpt, long durationMs)
    {
        ReportId = reportId;
        AtUtc = atUtc;
        StatusCode = statusCode;
        Error = error is null ? null : error.Length <= MaxExcerptLength ? error : error[..MaxExcerptLength];
        ResponseExcerpt = responseExcerpt is null ? null : responseExcerpt.Length <= MaxExcerptLength ? responseExcerpt : responseExcerpt[..MaxExcerptLength];
        DurationMs = durationMs;
    }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public string? ResponseExcerpt { get; private set; }
    public long DurationMs { get; private set; }

    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>When a superuser last dismissed the survey banner; stored on the server so it holds in every browser.</summary>
public sealed class SurveyBannerDismissal
{
    private SurveyBannerDismissal()
    {
    }

    public SurveyBannerDismissal(string userId, DateTime dismissedUtc) => (UserId, DismissedUtc) = (userId, dismissedUtc);

    public string UserId { get; private set; } = "";
    public DateTime DismissedUtc { get; private set; }
}

/// <summary>The anonymous site id: created once, the first time a report needs it, and the same for ever after.</summary>
public sealed class SurveyInstallation
{
    public const int SingleId = 1;

    private SurveyInstallation()
    {
    }

    public SurveyInstallation(Guid anonymousSiteId, DateTime createdUtc) => (AnonymousSiteId, CreatedUtc) = (anonymousSiteId, createdUtc);

    public int Id { get; private set; } = SingleId;
    public Guid AnonymousSiteId { get; private set; }
    public DateTime CreatedUtc { get; private set; }
}
