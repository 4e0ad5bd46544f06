namespace AdminPortal.Features.Accounts;

/// <summary>Until the first superuser exists, every page leads to the one-time setup page.</summary>
public sealed class FirstRunSetupMiddleware(RequestDelegate next, FirstRunState firstRun)
{
    private static readonly string[] AlwaysReachable = [AccountPaths.Setup, "/error", "/health", "/_framework", "/_content", "/_blazor", "/css", "/img"];

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
