using Microsoft.Extensions.Options;
using MimeKit;

namespace AdminPortal.Email;

/// <summary>
/// Writes each message as <c>{uuid}.eml</c> in a folder: written in its <c>.staging</c> folder first, then renamed into
/// place, so a reader never sees half a message and a retry replaces the same file (nothing is there twice).
/// </summary>
public sealed class PickupDirectoryChannel(IOptions<EmailDeliveryOptions> options, IHostEnvironment environment) : IEmailChannel
{
    private readonly string folder = FolderOf(options.Value, environment);

    /// <summary>Each thread formats its messages in one buffer, kept: a new one for each message was most of what delivery allocated.</summary>
    [ThreadStatic]
    private static MemoryStream? formatting;

    private const int LargestKeptBuffer = 256 * 1024;

    private long written;

    private readonly string staging = Path.Combine(FolderOf(options.Value, environment), ".staging");

    public string Describe => $"files in {folder}";

    /// <summary>Synchronous: formatting is work in memory, and one write and one rename are all the file system sees.</summary>
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
        // MimeKit's many small writes go to memory, and the file gets the message in one write: written straight to the
        // file, each small asynchronous write took the file's lock, which halved the delivery job's rate (scripts/bench.sh).
        var formatted = formatting ??= new MemoryStream(16 * 1024);
        formatted.SetLength(0);
        mime.WriteTo(formatted, cancellationToken);
        // Unique among this process's writes, and with the process id among others' on the folder: a random name for each
        // file, from the system's random source, was a tenth of the sends' time in a profile.
        var temporary = Path.Combine(staging, $"{message.Uuid}.{Environment.ProcessId}.{Interlocked.Increment(ref written)}.tmp");
        try
        {
            try
            {
                WriteNew(temporary, formatted);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                // The first message, or the folder was taken away meanwhile: made once here, not checked for every message.
                // A write that found no folder says FileNotFound when another thread made the folder before the error was
                // worded (the runtime looks for the folder then), so both mean the folder was missing.
                Directory.CreateDirectory(staging);
                WriteNew(temporary, formatted);
            }
            File.Move(temporary, Path.Combine(folder, $"{message.Uuid}.eml"), overwrite: true);
            if (formatted.Capacity > LargestKeptBuffer)
            {
                formatting = null; // a rare large message does not keep its memory on the thread
            }
            return Task.FromResult(SendOutcome.Sent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveHalfWritten(temporary);
            return Task.FromResult(SendOutcome.Transient($"Could not write to {folder}: {e.Message}"));
        }
    }

    /// <summary>
    /// Whatever stopped the write may stop this too (no folder at all): the folder's problem is what the outcome reports,
    /// and the message waits for its retry rather than failing for good on an error of the clean-up.
    /// </summary>
    private static void RemoveHalfWritten(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string FolderOf(EmailDeliveryOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupDirectory));

    private static void WriteNew(string path, MemoryStream formatted)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Write(formatted.GetBuffer(), 0, (int)formatted.Length);
    }
}
