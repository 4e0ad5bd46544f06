using System.Text.RegularExpressions;

namespace AdminPortal.Tests.Support;

/// <summary>Posts the portal's server-rendered forms as a browser would: with the antiforgery token from the page.</summary>
public static partial class HtmlForms
{
    /// <param name="action">Where the form posts, when not back to <paramref name="path"/> (the logout form, say).</param>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string path, string formName, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        };
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(body));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public static class Redirects
{
    /// <summary>Where a 302 points, as a path and query, whether the server wrote it absolute or relative.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
