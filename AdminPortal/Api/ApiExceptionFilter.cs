using System.Data.Common;
using AdminPortal.Data;

namespace AdminPortal.Api;

/// <summary>
/// Unexpected failures of an API call are logged with their context and answered as problem details, never as the
/// web pages' error page. A database busy with a long import answers 503 with Retry-After, so the LMS retries; so does one
/// that cannot be reached, through <see cref="Hosting.DatabaseOutageResponses"/>, which also answers for the API key's check.
/// </summary>
public sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DbException e) when (DatabaseErrors.IsBusy(e))
        {
            logger.LogWarning("API call {Method} {Path} refused: the database is busy ({Message})",
                context.HttpContext.Request.Method, context.HttpContext.Request.Path, e.Message);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: "The portal's database is busy (a large import, say): retry in a few seconds.");
        }
        catch (Exception e) when (e is not OperationCanceledException && !DatabaseErrors.IsUnavailable(e))
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            logger.LogError(e, "API call {Method} {Path} failed unexpectedly (reference {Reference})",
                context.HttpContext.Request.Method, context.HttpContext.Request.Path, reference);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error",
                detail: $"The portal could not handle this call; the error was logged with reference {reference}.");
        }
    }
}
