using System.Net;
using System.Net.Sockets;

namespace AdminPortal.Tests.Support;

public static class FreePort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on now, for a server the test starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
