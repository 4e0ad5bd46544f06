using System.Net.Mail;
using System.Text;
using AdminPortal.Domain.Messaging;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging;

/// <summary><c>Email:*</c>: the sender, and where mail goes: SMTP when <c>Email:Smtp:Host</c> is set, else a folder of .eml files.</summary>
public sealed class EmailDeliveryOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "learning@example.org";

    public string PickupDirectory { get; set; } = "data/outbox";

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        public bool EnableSsl { get; set; }
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public int TimeoutSeconds { get; set; } = 30;
    }
}

/// <summary>One email as a channel sends it: the messaging jobs' outbox rows and the course reset's notice alike.</summary>
public sealed record OutgoingEmail(string Recipient, string Subject, string Html, string Text, string MessageName, Guid Uuid, Guid SendUuid)
{
    public static OutgoingEmail From(OutboxMessage message) =>
        new(message.Recipient, message.Subject, message.HtmlBody, message.TextBody, message.MessageName, message.Uuid, message.SendUuid);
}

/// <summary>Where a message goes. Throws <see cref="SmtpException"/> for a failed attempt.</summary>
public interface IEmailChannel
{
    string Describe { get; }

    Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken);
}

internal static class MailMessages
{
    public static MailMessage For(OutgoingEmail message, string from)
    {
        var mail = new MailMessage(from, message.Recipient) { Subject = message.Subject, SubjectEncoding = Encoding.UTF8 };
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, Encoding.UTF8, "text/plain"));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, "text/html"));
        mail.Headers.Add("X-Portal-Message", message.MessageName);
        mail.Headers.Add("X-Portal-Message-Uuid", message.Uuid.ToString());
        mail.Headers.Add("X-Portal-Send-Uuid", message.SendUuid.ToString());
        // The same Message-ID on a retry lets receiving servers drop a copy sent twice.
        mail.Headers.Add("Message-ID", $"<{message.Uuid}@admin-portal>");
        return mail;
    }
}

/// <summary>
/// Writes each message as <c>{uuid}.eml</c> in a folder: a retry rewrites the same file, so nothing is there twice.
/// SmtpClient writes each file under a name of its own into a staging folder of this channel's, which then holds that
/// one file, and it is moved to its uuid; so the channel writes one message at a time.
/// </summary>
public sealed class PickupDirectoryChannel : IEmailChannel, IDisposable
{
    private readonly string folder;
    private readonly string staging;
    private readonly string from;
    private readonly SmtpClient client;
    private readonly Lock writing = new();

    public PickupDirectoryChannel(IOptions<EmailDeliveryOptions> options, IHostEnvironment environment)
    {
        folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));
        staging = Path.Combine(folder, ".staging", Guid.NewGuid().ToString("N"));
        from = options.Value.From;
        client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging };
    }

    public string Describe => $"files in {folder}";

    public Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        lock (writing)
        {
            try
            {
                Directory.CreateDirectory(staging);
                using var mail = MailMessages.For(message, from);
                client.Send(mail);
                File.Move(Directory.EnumerateFiles(staging).Single(), Path.Combine(folder, $"{message.Uuid}.eml"), overwrite: true);
                return Task.CompletedTask;
            }
            catch (IOException e)
            {
                ClearStaging();
                throw new SmtpException($"Could not write to {folder}: {e.Message}", e);
            }
            catch
            {
                ClearStaging();
                throw;
            }
        }
    }

    /// <summary>A file left by a failed attempt would be taken for the next message's.</summary>
    private void ClearStaging()
    {
        foreach (var file in Directory.Exists(staging) ? Directory.GetFiles(staging) : [])
        {
            File.Delete(file);
        }
    }

    public void Dispose()
    {
        client.Dispose();
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>Sends through an SMTP server.</summary>
public sealed class SmtpChannel(IOptions<EmailDeliveryOptions> options) : IEmailChannel
{
    public string Describe => $"SMTP {options.Value.Smtp.Host}:{options.Value.Smtp.Port}";

    public async Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = smtp.TimeoutSeconds * 1000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new System.Net.NetworkCredential(smtp.UserName, smtp.Password);
        }
        using var mail = MailMessages.For(message, options.Value.From);
        await client.SendMailAsync(mail, cancellationToken);
    }

    /// <summary>Mailbox errors (5xx about the recipient) will not get better by trying again; the rest may.</summary>
    public static bool IsPermanent(SmtpException e) => e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed
        or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.ExceededStorageAllocation or SmtpStatusCode.TransactionFailed;
}
