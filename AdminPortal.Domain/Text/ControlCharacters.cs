using System.Text;

namespace AdminPortal.Domain.Text;

/// <summary>
/// Characters no name, title, highlight or reason may hold: the C0 and C1 controls (line breaks, tabs, NUL among them),
/// which break email headers and CSV lines, and the bidirectional overrides and isolates, which make text read
/// differently from what it is.
/// </summary>
public static class ControlCharacters
{
    public const string Rule = "must not contain control characters (line breaks, tabs, NUL or text-direction overrides)";

    public static bool IsRefused(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool AnyIn(string? text) => text is not null && text.Any(IsRefused);

    /// <summary>The text itself, or a <see cref="DomainException"/>: "A course name must not contain control characters (…)".</summary>
    public static string Refuse(string text, string what) => AnyIn(text) ? throw new DomainException($"{what} {Rule}.") : text;

    /// <summary>One line of text: every run of refused characters and white space becomes one space.</summary>
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsRefused(c) || char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                line.Append(c);
            }
        }
        return line.ToString().TrimEnd();
    }
}
