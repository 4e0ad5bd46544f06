using AdminPortal.Api;
using AdminPortal.Features.ApiKeys;

namespace AdminPortal.Features.Enrollments;

public static class EnrollmentEndpoints
{
    public static WebApplication MapPortalEnrollments(this WebApplication app)
    {
        var api = app.MapGroup("/api/enrollments").RequireAuthorization(ApiPolicies.Enrollments).AddEndpointFilter<ApiExceptionFilter>();
        api.MapPost("", async (HttpRequest request, EnrollmentService enrollments, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<EnrollmentEvent>(request, ct);
            return body.Succeeded ? (await enrollments.EnrollAsync(body.Value!, ct)).ToHttp(Ok) : ApiProblems.From(body.Errors);
        });
        api.MapPost("/deactivate", async (HttpRequest request, EnrollmentService enrollments, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<DeactivationEvent>(request, ct);
            return body.Succeeded ? (await enrollments.DeactivateAsync(body.Value!, ct)).ToHttp(Ok) : ApiProblems.From(body.Errors);
        });
        return app;
    }

    private static IResult Ok(EnrollmentOutcome outcome) => Results.Json(outcome, ApiJson.Options);
}
