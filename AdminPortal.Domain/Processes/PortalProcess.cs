namespace AdminPortal.Domain.Processes;

/// <summary>
/// A running portal process (the web server or a command) that owns work: message runs, job runs, resets in progress,
/// survey claims. It proves it is alive by a heartbeat in the database, so any process on the same database can tell a
/// run whose owner died from one that is still going, whatever machine either runs on.
/// </summary>
public sealed class PortalProcess
{
    /// <summary>How often a process writes its heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Eight missed heartbeats: long enough that a process blocked for a while (a large import holding SQLite's write
    /// lock, a long pause) is not taken for dead, short enough that a crashed one's work is taken over within minutes.
    /// </summary>
    public static readonly TimeSpan GoneAfter = TimeSpan.FromMinutes(2);

    private PortalProcess()
    {
    }

    public PortalProcess(Guid id, string host, int processId, string description, DateTime nowUtc)
    {
        Id = id;
        Host = host.Length > 200 ? host[..200] : host;
        ProcessId = processId;
        Description = description.Length > 200 ? description[..200] : description;
        StartedUtc = HeartbeatUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The machine's name.</summary>
    public string Host { get; private set; } = "";

    /// <summary>The operating system's process id on that machine.</summary>
    public int ProcessId { get; private set; }

    /// <summary>"web server", or the command line it runs.</summary>
    public string Description { get; private set; } = "";

    public DateTime StartedUtc { get; private set; }

    public DateTime HeartbeatUtc { get; private set; }

    /// <summary>The oldest heartbeat of a process still taken for alive at <paramref name="nowUtc"/>.</summary>
    public static DateTime AliveSince(DateTime nowUtc) => nowUtc - GoneAfter;

    public bool IsAlive(DateTime nowUtc) => HeartbeatUtc >= AliveSince(nowUtc);
}
