using AdminPortal.Data;

namespace AdminPortal.Hosting;

/// <summary>
/// A request that fails because the database cannot be reached (a server stopped or restarting, say) answers 503 with
/// Retry-After: problem details for the API, so an LMS sends the call again (the enrollment calls are idempotent); a short
/// page for a person, which reloads itself. The next request after the database returns works: no restart is needed.
/// </summary>
public static class DatabaseOutageResponses
{
    public const int RetryAfterSeconds = 10;

    public static WebApplication UseDatabaseOutageResponses(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutageResponses));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) && !context.Response.HasStarted)
            {
                logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Message})",
                    context.Request.Method, context.Request.Path, e.GetBaseException().Message);
                await RespondAsync(context);
            }
        });
        return app;
    }

    private static async Task RespondAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable",
                detail: $"The portal cannot reach its database right now, so this call may not have been saved: send it again in {RetryAfterSeconds} seconds.")
                .ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page);
    }

    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta http-equiv="refresh" content="{RetryAfterSeconds}"><title>Database unavailable · Admin Portal</title></head>
        <body>
        <main>
        <h1>The database is unavailable</h1>
        <p role="alert">The portal cannot reach its database right now, so this page cannot be shown. What was saved before is kept.</p>
        <p>This page tries again every {RetryAfterSeconds} seconds. If it lasts, tell the portal's operators.</p>
        </main>
        </body>
        </html>
        """;
}
