namespace AdminPortal.Features.Accounts;

/// <summary>Until the first superuser exists, every page leads to the one-time setup page.</summary>
public sealed class FirstRunSetupMiddleware(RequestDelegate next, FirstRunSetup firstRun)
{
    // Static files are served before this middleware runs; the set-up page needs these endpoints, and API callers
    // (the LMS) need none of it.
    private static readonly string[] AlwaysReachable = [AccountPaths.Setup, "/error", "/health", "/api", "/_framework", "/_blazor"];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!AlwaysReachable.Any(prefix => path.StartsWithSegments(prefix)) && await firstRun.NeedsSetupAsync(context.RequestAborted))
        {
            context.Response.Redirect(AccountPaths.Setup);
            return;
        }
        await next(context);
    }
}
