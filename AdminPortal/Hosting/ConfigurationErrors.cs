using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Hosting;

/// <summary>A setting is wrong: the message names the key and says what to set.</summary>
public class PortalConfigurationException(string message) : InvalidOperationException(message);

/// <summary>
/// Turns a configuration mistake, however deep the host wrapped it, into the one line an operator reads ("error:
/// Jobs:ShutdownSeconds: The field ShutdownSeconds must be between 1 and 3600."); null for anything else.
/// </summary>
public static partial class ConfigurationErrors
{
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e.InnerException)
        {
            switch (e)
            {
                case PortalConfigurationException:
                    return e.Message;
                case OptionsValidationException options:
                    return string.Join(" ", options.Failures.Select(failure => KeyNamed(options.OptionsType, failure)));
            }
        }
        return null;
    }

    /// <summary>"DataAnnotation validation failed for 'JobsOptions' members: 'ShutdownSeconds' with the error: '…'." becomes "Jobs:ShutdownSeconds: …".</summary>
    private static string KeyNamed(Type options, string failure)
    {
        var section = options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        var match = DataAnnotationFailure().Match(failure);
        return match.Success && section is not null
            ? $"{section}:{match.Groups["member"].Value}: {match.Groups["error"].Value}"
            : failure;
    }

    [GeneratedRegex(@"members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$")]
    private static partial Regex DataAnnotationFailure();
}
