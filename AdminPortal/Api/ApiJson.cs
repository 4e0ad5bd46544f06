using Microsoft.AspNetCore.Http.Features;
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
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return new ServiceError(ErrorKind.TooLarge, "body",
                $"The body is larger than the limit of {(limit is { } bytes ? $"{bytes / 1_000_000.0:0.#} MB" : "this server")}; send it in smaller parts.");
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
