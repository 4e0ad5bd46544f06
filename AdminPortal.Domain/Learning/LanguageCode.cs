using System.Text.RegularExpressions;

namespace AdminPortal.Domain.Learning;

public static partial class LanguageCode
{
    /// <summary>A language tag such as en, fr or pt-br, lower-cased.</summary>
    public static string Valid(string code)
    {
        code = code.Trim().ToLowerInvariant();
        return Tag().IsMatch(code) ? code : throw new DomainException($"'{code}' is not a language code such as en or pt-br.");
    }

    public static string? ValidOrNull(string? code) => string.IsNullOrWhiteSpace(code) ? null : Valid(code);

    [GeneratedRegex(@"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex Tag();
}
