using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AdminPortal.Features.Accounts;

/// <summary>Browsers are redirected to the login or access-denied page; API callers get a bare 401 or 403.</summary>
internal static class ApiAwareRedirect
{
    public static Task ToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        Respond(context, StatusCodes.Status401Unauthorized);

    public static Task ToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Respond(context, StatusCodes.Status403Forbidden);

    private static Task Respond(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
