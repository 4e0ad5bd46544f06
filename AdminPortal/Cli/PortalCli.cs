using System.CommandLine;
using AdminPortal.Hosting;

namespace AdminPortal.Cli;

/// <summary>The portal's commands. Exit codes: 0 success, 1 failure, 2 bad usage, each with a one-line message.</summary>
public static class PortalCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>
    /// Where the command starts: host options such as <c>--environment Production</c> or
    /// <c>--ConnectionStrings:Portal=...</c> may come first; -1 when there is no command (the web server).
    /// </summary>
    public static int FindCommand(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h" or "-?" || !args[i].StartsWith('-'))
            {
                return i;
            }
            if (!args[i].Contains('='))
            {
                i++; // "--key value": skip the value
            }
        }
        return -1;
    }

    /// <param name="commands">The features' commands (PortalCommands), each made for the context the run gives them.</param>
    /// <param name="settings">Configuration overrides, as for the web server (tests point them at their own database).</param>
    /// <param name="configureServices">Registrations added after the portal's own (tests add jobs of their own).</param>
    public static async Task<int> RunAsync(
        Func<CliContext, IEnumerable<Command>> commands, string[] args, TextReader input, TextWriter output, TextWriter error,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var start = Math.Max(0, FindCommand(args));
        var context = new CliContext(input, output, error, args[..start], settings, configureServices);
        var root = new RootCommand("Admin Portal. Without a command it runs the web server; these commands work on its database. " +
            "Host options (--environment NAME, --Section:Key=value) go before the command.")
        {
            MigrateCommand.Create(context),
        };
        foreach (var command in commands(context))
        {
            root.Subcommands.Add(command);
        }
        var parsed = root.Parse(args[start..]);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync(parsed.CommandResult.Command == root && start < args.Length
                ? $"error: unknown command '{args[start]}'; see --help"
                : $"error: {OneLine(parsed.Errors[0].Message)} Run with --help for usage.");
            return BadUsage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return e.ExitCode;
        }
        catch (Exception e)
        {
            // Configuration mistakes, a locked or unreachable database file: the message says what to fix.
            await error.WriteLineAsync($"error: {OneLine(ConfigurationErrors.Describe(e) ?? e.Message)}");
            return Failure;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Where a command reads and writes, and the host options and settings its services start with.</summary>
public sealed record CliContext(
    TextReader Input,
    TextWriter Output,
    TextWriter Error,
    string[] HostArgs,
    IEnumerable<KeyValuePair<string, string?>>? Settings,
    Action<IServiceCollection>? ConfigureServices = null);

/// <summary>A failure with the one-line message the user sees.</summary>
public sealed class CliException(string message, int exitCode = PortalCli.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
