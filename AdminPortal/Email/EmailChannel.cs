using MimeKit;

namespace AdminPortal.Email;

/// <summary>One email as a channel sends it: the messaging jobs' outbox rows and the course reset's notice alike.</summary>
public sealed record OutgoingEmail(string Recipient, string Subject, string Html, string Text, string MessageName, Guid Uuid, Guid SendUuid)
{
    /// <summary>The MIME message both channels send; throws <see cref="ParseException"/> for an address that is not one.</summary>
    public MimeMessage ToMime(string from)
    {
        // Given its Message-ID, MimeKit does not make one of its own, which looks the host's domain up for each message:
        // that was half the time of building a message.
        var mime = new MimeMessage(new Header(HeaderId.MessageId, $"<{Uuid}@admin-portal>")) { Subject = Subject };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(Recipient));
        mime.Headers.Add("X-Portal-Message", MessageName);
        mime.Headers.Add("X-Portal-Message-Uuid", Uuid.ToString());
        mime.Headers.Add("X-Portal-Send-Uuid", SendUuid.ToString());
        mime.Body = new BodyBuilder { TextBody = Text, HtmlBody = Html }.ToMessageBody();
        return mime;
    }
}

public enum SendStatus
{
    Sent,

    /// <summary>May work later (the server is down, busy, or the folder is not writable now): try again after a wait.</summary>
    TransientFailure,

    /// <summary>Will not work however often it is tried (the mailbox does not exist, the message is malformed).</summary>
    PermanentFailure,
}

/// <summary>What a channel did with one message; <see cref="Error"/> says why it was not sent.</summary>
public sealed record SendOutcome(SendStatus Status, string? Error = null)
{
    public static SendOutcome Sent { get; } = new(SendStatus.Sent);

    public static SendOutcome Transient(string error) => new(SendStatus.TransientFailure, error);

    public static SendOutcome Permanent(string error) => new(SendStatus.PermanentFailure, error);
}

/// <summary>
/// Where a message goes. Every failure is an outcome, so the caller needs to know nothing of the transport. The same
/// Message-ID (<c>&lt;{uuid}@admin-portal&gt;</c>) goes with every attempt of a message, so a receiving server that keeps
/// the ids it has seen drops a copy sent twice.
/// </summary>
public interface IEmailChannel
{
    string Describe { get; }

    Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken);
}
