using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AdminPortal.Domain.Learning;

/// <summary>An Open edX course run key, <c>course-v1:Org+Number+Run</c>.</summary>
public sealed partial record CourseKey(string Org, string Number, string Run)
{
    public const string Prefix = "course-v1:";
    public const int MaxLength = 255;

    public override string ToString() => $"{Prefix}{Org}+{Number}+{Run}";

    public static CourseKey Parse(string text) =>
        TryParse(text, out var key, out var error) ? key : throw new DomainException($"'{text}' is not a course key: {error}");

    /// <param name="error">Why the text is not a key, phrased to follow "is not a course key: ".</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CourseKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "it is empty";
        }
        else if (text.Length > MaxLength)
        {
            error = $"it has more than {MaxLength} characters";
        }
        else if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"it must start with {Prefix}";
        }
        else if (text[Prefix.Length..].Split('+') is not [var org, var number, var run])
        {
            error = "it must have three parts, Org+Number+Run";
        }
        else if (new[] { org, number, run }.FirstOrDefault(part => !Part().IsMatch(part)) is { } bad)
        {
            error = bad.Length == 0
                ? "a part is empty"
                : $"'{bad}' may hold only letters, digits and . _ - ~";
        }
        else
        {
            key = new CourseKey(org, number, run);
        }
        return key is not null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-~]+$")]
    private static partial Regex Part();
}
