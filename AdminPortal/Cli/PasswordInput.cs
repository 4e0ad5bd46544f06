namespace AdminPortal.Cli;

/// <summary>Reads a password from standard input: the first line when piped, or typed twice without echo at a terminal.</summary>
internal static class PasswordInput
{
    public static async Task<string> ReadAsync(CliContext context)
    {
        var atTerminal = context.Input == Console.In && !Console.IsInputRedirected;
        if (!atTerminal)
        {
            return await context.Input.ReadLineAsync() is { Length: > 0 } piped
                ? piped
                : throw new CliException("no password on standard input: pipe it in, for example: echo \"$PASSWORD\" | ... users create ...");
        }
        var first = ReadHidden(context, "Password: ");
        var second = ReadHidden(context, "Repeat the password: ");
        return first == second ? first : throw new CliException("the two passwords differ.");
    }

    private static string ReadHidden(CliContext context, string prompt)
    {
        context.Error.Write(prompt);
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        context.Error.WriteLine();
        return password.ToString();
    }
}
