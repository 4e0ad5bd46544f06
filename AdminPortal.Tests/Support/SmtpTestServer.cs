using System.Diagnostics;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, which the test command installs) on 127.0.0.1, storing what it receives
/// in a maildir. Started and stopped on demand, by its PID, so a test can have the server down and then up again.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly string maildir;
    private Process? process;

    public SmtpTestServer(string folder)
    {
        maildir = Path.Combine(folder, "maildir");
        Port = LocalPorts.Free();
    }

    public int Port { get; }

    public IReadOnlyList<string> Received =>
        Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")).Select(File.ReadAllText).ToList() : [];

    /// <summary>How many copies of each Message-ID the server received: the measure of "each email exactly once".</summary>
    public IReadOnlyDictionary<string, int> CopiesByMessageId() => Received
        .Select(mail => mail.Split('\n').First(line => line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))[11..].Trim())
        .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    public async Task StartAsync()
    {
        process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox", "-l", $"127.0.0.1:{Port}", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start: is python3-aiosmtpd installed (scripts/test.sh)?");
        await LocalPorts.WaitUntilListeningAsync(process, Port, "aiosmtpd", TimeSpan.FromSeconds(15));
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }

    public void Dispose() => Stop();

}

/// <summary>A clock a test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
