using AdminPortal.Domain.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Hosting;

public sealed class EndpointGuardTests
{
    // The circuit's SignalR hub: only the fallback policy (any portal role) guards it; what it shows, each page guards.
    private static bool IsCircuitHub(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal);

    [Fact]
    public void EveryEndpointNamesAPortalPolicyOrIsDeliberatelyAnonymous()
    {
        using var portal = new PortalWebFactory();
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/account/logout");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/courses/{key}");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/support/course-reset/{usernameOrEmail}"
            && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == CourseResetEndpoints.Policy));
        foreach (var endpoint in endpoints.Where(e => !IsCircuitHub(e)))
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(anonymous || (policies.Count > 0 && policies.All(p =>
                    PortalPolicies.Find(p) is not null || ApiPolicies.All.ContainsKey(p!) || p == CourseResetEndpoints.Policy)),
                $"{endpoint.RoutePattern.RawText} has neither [AllowAnonymous] nor a portal or API policy");
        }
    }
}
