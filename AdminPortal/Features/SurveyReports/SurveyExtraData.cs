using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdminPortal.Features.SurveyReports;

/// <summary>
/// <c>SurveyReport:ExtraData</c> as the JSON object sent with every report: either a section of settings (each value a
/// string, sections nesting as objects) or one setting holding a JSON object as text.
/// </summary>
public sealed class SurveyExtraData(IConfiguration configuration)
{
    public const string Key = SurveyReportOptions.Section + ":ExtraData";

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the setting when its text is not a JSON object.</summary>
    public JsonObject Read()
    {
        var section = configuration.GetSection(Key);
        if (section.Value is { } text)
        {
            try
            {
                return JsonNode.Parse(text) as JsonObject
                    ?? throw new InvalidOperationException($"{Key} must be a JSON object such as {{\"org\": \"Example University\"}}.");
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{Key} is not valid JSON: {e.Message}");
            }
        }
        return FromSection(section);
    }

    private static JsonObject FromSection(IConfigurationSection section)
    {
        var json = new JsonObject();
        foreach (var child in section.GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            json[child.Key] = child.Value is { } value ? JsonValue.Create(value) : FromSection(child);
        }
        return json;
    }
}
