using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AdminPortal.Tests.Support;

/// <summary>Ports on 127.0.0.1 for the servers the tests start (SMTP, nginx, portal instances, PostgreSQL).</summary>
public static class LocalPorts
{
    /// <summary>A port that nothing listens on now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="server"/> accepts connections on <paramref name="port"/>; throws with its standard error
    /// (and <paramref name="diagnostics"/>, a log of its own, say) if it exits first or the time runs out.
    /// </summary>
    public static async Task WaitUntilListeningAsync(Process server, int port, string name, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{name} exited: {await server.StandardError.ReadToEndAsync()}{diagnostics?.Invoke()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{name} did not listen on port {port} within {timeout.TotalSeconds:0} s. {diagnostics?.Invoke()}");
    }
}
