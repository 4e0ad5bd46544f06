using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdminPortal.Api;

/// <summary>The HTTP API speaks snake_case JSON, as the LMS does.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>, or says why it cannot: broken JSON names the body; a value of the
    /// wrong type (a date that is not a date) names its field.
    /// </summary>
    public static async Task<ServiceResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return new ServiceError(ErrorKind.Invalid, "body", $"The body is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ServiceError(ErrorKind.Invalid, "body", "Send a JSON object.");
            }
            try
            {
                return document.Deserialize<T>(Options)!;
            }
            catch (JsonException e)
            {
                var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
                return new ServiceError(ErrorKind.Invalid, field, "This value has the wrong type for this field.");
            }
        }
    }
}
