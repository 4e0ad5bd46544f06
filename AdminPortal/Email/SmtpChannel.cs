using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdminPortal.Email;

/// <summary>Sends through an SMTP server with MailKit, a connection per message.</summary>
public sealed class SmtpChannel(IOptions<EmailDeliveryOptions> options) : IEmailChannel
{
    public string Describe => $"SMTP {options.Value.Smtp.Host}:{options.Value.Smtp.Port}";

    public async Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        MimeMessage mime;
        try
        {
            mime = message.ToMime(options.Value.From);
        }
        catch (ParseException e)
        {
            return SendOutcome.Permanent($"The message cannot be sent: {e.Message}");
        }
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException e) when (IsPermanent(e))
        {
            return SendOutcome.Permanent($"{(int)e.StatusCode} {e.Message}");
        }
        // NotSupportedException: the server lacks what the settings ask for (AUTH, STARTTLS), which a change of settings
        // mends; the messages wait for it rather than fail for good.
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
            or SslHandshakeException or IOException or SocketException or TimeoutException or NotSupportedException)
        {
            return SendOutcome.Transient(e.Message);
        }
        try
        {
            // The server took the message: however the goodbye goes, and whatever is stopping, it is sent.
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException)
        {
        }
        return SendOutcome.Sent;
    }

    /// <summary>With <c>EnableSsl</c>, TLS is required: from the start on port 465, by STARTTLS elsewhere.</summary>
    private static SecureSocketOptions Security(EmailDeliveryOptions.SmtpSettings smtp) =>
        !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    /// <summary>The server refused this recipient or this message for good (5xx); a busy or failing server (4xx) may take it later.</summary>
    private static bool IsPermanent(SmtpCommandException e) =>
        (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted or SmtpErrorCode.SenderNotAccepted;
}
