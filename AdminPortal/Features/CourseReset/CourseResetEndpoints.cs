using System.Security.Claims;
using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Integration;
using AdminPortal.Features.ApiKeys;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Features.CourseReset;

/// <summary>
/// The support API, with the reset tab's rules and audit: a Support or Superuser account's cookie, or an API key of
/// the support scope. A cookie POST must be JSON: a form on another site cannot send that, so it cannot reset for you.
/// </summary>
public static class CourseResetEndpoints
{
    public const string Policy = "Api:CourseReset";

    public static void AddSupportApiPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            // The cookie first: its refusals only set the status code, the API key's write the problem's body.
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => PortalPolicies.ResetCourses.Roles.Any(context.User.IsInRole)
                || context.User.HasClaim(ApiKeyAuthentication.ScopeClaim, nameof(ApiScope.Support))));

    public static WebApplication MapPortalCourseReset(this WebApplication app)
    {
        var api = app.MapGroup("/api/support/course-reset").RequireAuthorization(Policy).AddEndpointFilter<ApiExceptionFilter>();
        api.MapGet("/{usernameOrEmail}", async (string usernameOrEmail, ClaimsPrincipal user, CourseResetService resets, CancellationToken ct) =>
        {
            // As in Open edX, a learner that does not exist has no courses to reset: an empty list, not a 404.
            var lookup = await resets.FindAsync(usernameOrEmail, ActorOf(user), ct);
            return Results.Json(lookup.Rows.Select(ResetApiRow.From), ApiJson.Options);
        });
        api.MapPost("/{usernameOrEmail}", async (string usernameOrEmail, HttpRequest request, ClaimsPrincipal user, CourseResetService resets, CancellationToken ct) =>
        {
            if (!request.HasJsonContentType())
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: "Send the body as application/json: {\"course_id\": ..., \"comment\": ...}.");
            }
            var body = await ApiJson.ReadAsync<ResetRequest>(request, ct);
            if (!body.Succeeded)
            {
                return ApiProblems.From(body.Errors);
            }
            var result = await resets.ResetAsync(usernameOrEmail, body.Value!, ActorOf(user), ct);
            return result.ToHttp(row => Results.Json(ResetApiRow.From(row), ApiJson.Options, statusCode: StatusCodes.Status201Created));
        });
        return app;
    }

    /// <summary>An API key of the support scope acts with the Support role, and is named by its key's name in the audit.</summary>
    private static PortalActor ActorOf(ClaimsPrincipal user) =>
        user.HasClaim(ApiKeyAuthentication.ScopeClaim, nameof(ApiScope.Support))
            ? new PortalActor(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "api-key", $"API key {user.Identity?.Name}", [PortalRoles.Support])
            : CurrentActor.FromPrincipal(user);
}
