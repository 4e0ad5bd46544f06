using AdminPortal.Api;
using AdminPortal.Features.ApiKeys;

namespace AdminPortal.Features.Courses;

public static class CourseEndpoints
{
    public static WebApplication MapPortalCourses(this WebApplication app)
    {
        app.MapPut("/api/courses/{key}", async (string key, HttpRequest request, CoursePublishService publisher, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<CoursePublish>(request, ct);
            if (!body.Succeeded)
            {
                return ApiProblems.From(body.Errors);
            }
            return (await publisher.PublishAsync(key, body.Value!, ct)).ToHttp(outcome => outcome.Created
                ? Results.Json(outcome, ApiJson.Options, statusCode: StatusCodes.Status201Created)
                : Results.Json(outcome, ApiJson.Options));
        }).RequireAuthorization(ApiPolicies.Courses).AddEndpointFilter<ApiExceptionFilter>();
        return app;
    }
}
