using System.Net;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Sync;

/// <summary>The public sharing link through the web stack: no credentials, stored URLs only.</summary>
[RunsOnPostgreSql]
public sealed class SharingLinkEndpointTests
{
    [Theory]
    [InlineData("true", "true", "https://social.example.org/6.00x", "social")]
    [InlineData("false", "true", "https://www.example.org/course/6.00x", "marketing")]
    [InlineData("false", "false", "https://lms.example.org/courses/course-v1:MITx+6.00x+2026_T1/about", "about")]
    public async Task AnyoneGetsTheLinkTheSettingsChoose(string custom, string marketing, string url, string source)
    {
        using var portal = new PortalWebFactory("Production", ("Sharing:CustomCourseUrls", custom), ("Sharing:MarketingSiteEnabled", marketing), ("Lms:RootUrl", "https://lms.example.org"));
        await TestCourses.ImportAsync(portal.Services);

        var response = await portal.CreateClient().GetAsync("/api/courses/course-v1:MITx+6.00x+2026_T1/sharing-link");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal((url, source), (json.GetProperty("url").GetString(), json.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AnUnknownCourseIs404()
    {
        using var portal = new PortalWebFactory();

        var response = await portal.CreateClient().GetAsync("/api/courses/course-v1:MITx+Nope+2026/sharing-link");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["key"], await response.ProblemFieldsAsync());
    }
}
