using System.Collections.Concurrent;
using System.Diagnostics;

namespace AdminPortal.Tests.Support;

/// <summary>
/// The portal's executable serving on 127.0.0.1 and a port of its own, as one instance of several on one server database
/// (a folder's settings; its log and emails in a subfolder of its own).
/// </summary>
public sealed class PortalInstance : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private PortalInstance(Process process, int port)
    {
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public int ProcessId => process.Id;

    /// <summary>Starts it and waits until <c>/health/ready</c> says it is ready (database, migrations, scheduler).</summary>
    public static async Task<PortalInstance> StartAsync(TestDirectory directory, string name, params (string Key, string? Value)[] settings)
    {
        var port = LocalPorts.Free();
        var own = Path.Combine(directory.Path, name);
        (string, string?)[] instanceSettings =
        [
            .. settings,
            ("Serilog:WriteTo:File:Args:path", Path.Combine(own, "logs", "portal-.log")),
            ("Email:PickupDirectory", Path.Combine(own, "outbox")),
        ];
        var instance = new PortalInstance(Process.Start(PortalExecutable.StartInfo(directory, instanceSettings, "--urls", $"http://127.0.0.1:{port}"))!, port);
        try
        {
            await instance.WaitUntilReadyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, $"the instance on port {Port} exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
            try
            {
                if ((await client.GetAsync($"{Url}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"the instance on port {Port} was not ready within 60 s:\n{Output}");
            await Task.Delay(200);
        }
    }

    public string Output => string.Join('\n', output);

    /// <summary>Kills it as a crash would (SIGKILL): nothing it was doing is finished or handed over.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }
        process.Dispose();
    }
}
