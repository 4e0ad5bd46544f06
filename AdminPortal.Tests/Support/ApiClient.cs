using AdminPortal.Domain.Integration;
using System.Net.Http.Json;
using System.Text.Json;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Support;

public static class ApiClient
{
    public static async Task<string> CreateApiKeyAsync(this IServiceProvider services, ApiScope scope, string? name = null)
    {
        var result = await services.GetRequiredService<ApiKeyService>().CreateAsync(name ?? $"test-{Guid.NewGuid():N}", scope, PortalActor.System("test"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!.Secret;
    }

    public static HttpClient WithApiKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The fields a problem-details answer names in its <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.JsonAsync();
        return json.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
