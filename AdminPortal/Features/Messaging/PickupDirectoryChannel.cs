using Microsoft.Extensions.Options;
using MimeKit;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Writes each message as <c>{uuid}.eml</c> in a folder: written in its <c>.staging</c> folder first, then renamed into
/// place, so a reader never sees half a message and a retry replaces the same file (nothing is there twice).
/// </summary>
public sealed class PickupDirectoryChannel(IOptions<EmailDeliveryOptions> options, IHostEnvironment environment) : IEmailChannel
{
    private readonly string folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public string Describe => $"files in {folder}";

    public Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        MimeMessage mime;
        try
        {
            mime = message.ToMime(options.Value.From);
        }
        catch (ParseException e)
        {
            return Task.FromResult(SendOutcome.Permanent($"The message cannot be written: {e.Message}"));
        }
        var temporary = Path.Combine(folder, ".staging", $"{message.Uuid}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, ".staging"));
            // A local file: written at once, synchronously (the async path would hop threads for each of MimeKit's small writes).
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                mime.WriteTo(file, cancellationToken);
            }
            File.Move(temporary, Path.Combine(folder, $"{message.Uuid}.eml"), overwrite: true);
            return Task.FromResult(SendOutcome.Sent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return Task.FromResult(SendOutcome.Transient($"Could not write to {folder}: {e.Message}"));
        }
    }
}
