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

    /// <summary>Reads the body as <typeparamref name="T"/>, or says why it cannot (bad JSON, not an object).</summary>
    public static async Task<ServiceResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? new ServiceError(ErrorKind.Invalid, "body", "Send a JSON object.") : value;
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return new ServiceError(ErrorKind.Invalid, where, $"This is not valid JSON for this request (line {e.LineNumber + 1}).");
        }
    }
}
