using System.Diagnostics;
using Npgsql;

namespace AdminPortal.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of one test's own (Debian's postgresql, which scripts/test.sh installs), on 127.0.0.1 and a free
/// port, for a test that stops and starts the server: the pass's shared cluster serves other tests meanwhile.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string folder;
    private readonly int port;

    private PostgresCluster(string folder, int port)
    {
        this.folder = folder;
        this.port = port;
    }

    private string DataFolder => Path.Combine(folder, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = database }.ConnectionString;

    public static async Task<PostgresCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "admin-portal-tests", $"postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(folder, LocalPorts.Free());
        if (RunsAsRoot)
        {
            await RunAsync("chown", "postgres", folder);
        }
        await cluster.PostgresAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAgainAsync();
        return cluster;
    }

    public Task StartAgainAsync() => PostgresAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "start", "-o",
        $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off");

    /// <summary>Stops the server the way an operator's restart does: open sessions are ended, new ones refused.</summary>
    public Task StopAsync() => PostgresAsync("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await PostgresAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }
        Directory.Delete(folder, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private Task PostgresAsync(string program, params string[] args)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(v => int.Parse(Path.GetFileName(v), System.Globalization.CultureInfo.InvariantCulture)).Last();
        var path = Path.Combine(bin, "bin", program);
        return RunsAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
