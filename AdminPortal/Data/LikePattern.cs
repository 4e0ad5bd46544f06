namespace AdminPortal.Data;

/// <summary>
/// Patterns for SQLite's LIKE, which ignores ASCII case (string.Contains becomes instr(), which does not). The user's
/// text is escaped so % and _ are matched as themselves.
/// </summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) => "%" + Escaped(text) + "%";

    public static string StartingWith(string text) => Escaped(text) + "%";

    private static string Escaped(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}
