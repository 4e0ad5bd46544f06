using System.Diagnostics;

namespace AdminPortal.Tests.Support;

/// <summary>The portal's own executable, run as an operator runs it, on a test folder's settings (as environment variables).</summary>
public static class PortalExecutable
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        TestDirectory directory, IEnumerable<(string Key, string? Value)> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(directory, settings, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await output, await error);
    }

    public static ProcessStartInfo StartInfo(TestDirectory directory, IEnumerable<(string Key, string? Value)> settings, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "AdminPortal"), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Path,
        };
        foreach (var (key, value) in directory.Settings([.. settings]))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return start;
    }
}
