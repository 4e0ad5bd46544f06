using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AdminPortal.Tests.Support;

/// <summary>
/// Debian's nginx (scripts/test.sh installs it) on 127.0.0.1 and a free port, in front of the given instances with the
/// README's configuration (deploy/nginx-admin-portal.conf, its upstream servers and port replaced); stopped by its PID.
/// </summary>
public sealed partial class NginxBalancer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private NginxBalancer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<NginxBalancer> StartAsync(string folder, params int[] instancePorts)
    {
        Directory.CreateDirectory(folder);
        var port = LocalPorts.Free();
        var site = File.ReadAllText(RepositoryFile.Find("deploy", "nginx-admin-portal.conf") ?? throw new FileNotFoundException("deploy/nginx-admin-portal.conf is missing."));
        site = UpstreamServers().Replace(site, string.Concat(instancePorts.Select(p => $"    server 127.0.0.1:{p};\n")), 1);
        site = Listen().Replace(site, $"listen 127.0.0.1:{port};", 1);
        var sitePath = Path.Combine(folder, "admin-portal.conf");
        File.WriteAllText(sitePath, site);
        var configPath = Path.Combine(folder, "nginx.conf");
        // As root nginx would hand its workers to "nobody", who cannot write the temp folders here.
        File.WriteAllText(configPath, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{sitePath}};
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx", ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", configPath, "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var balancer = new NginxBalancer(Process.Start(start)!, folder, port);
        await LocalPorts.WaitUntilListeningAsync(balancer.process, port, "nginx", TimeSpan.FromSeconds(10), balancer.ErrorLog);
        return balancer;
    }

    private string ErrorLog() => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"(    server [^;]+;\n)+")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen \d+;")]
    private static partial Regex Listen();
}
