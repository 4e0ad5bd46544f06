using AdminPortal.Cli;

namespace AdminPortal.Tests.Support;

/// <summary>Runs the portal's CLI in-process against a test folder's database, capturing both output streams.</summary>
public sealed class CliRunner(TestDirectory directory)
{
    public async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PortalCli.RunAsync(PortalCommands.Create, args, new StringReader(standardInput), output, error, directory.Settings());
        return (exitCode, output.ToString().Trim(), error.ToString().Trim());
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);
}
