using System.CommandLine;
using AdminPortal.Features.Accounts;

namespace AdminPortal.Cli;

/// <summary>The portal's commands. Exit codes: 0 success, 1 failure, 2 bad usage, each with a one-line message.</summary>
public static class PortalCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?");

    /// <param name="settings">Configuration overrides, as for the web server (tests point them at their own database).</param>
    public static async Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var context = new CliContext(input, output, error, settings);
        var root = new RootCommand("Admin Portal. Without a command it runs the web server; these commands work on its database.")
        {
            MigrateCommand.Create(context),
            UsersCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            await error.WriteLineAsync($"error: {message} Run with --help for usage.");
            return BadUsage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }
}

/// <summary>Where a command reads and writes, and the settings its host starts with.</summary>
public sealed record CliContext(
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    IEnumerable<KeyValuePair<string, string?>>? Settings);

/// <summary>A failure with the one-line message the user sees.</summary>
public sealed class CliException(string message, int exitCode = PortalCli.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class AccountResultExtensions
{
    public static void ThrowIfFailed(this AccountResult result)
    {
        if (!result.Succeeded)
        {
            throw new CliException(result.ToString());
        }
    }
}
