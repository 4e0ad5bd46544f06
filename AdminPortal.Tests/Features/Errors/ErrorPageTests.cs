using AdminPortal.Features.Errors;
using AdminPortal.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace AdminPortal.Tests.Features.Errors;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task AnyoneSeesTheReferenceTheErrorWasLoggedWith()
    {
        await using var context = await PageContext.StartAsync(null);
        var request = new DefaultHttpContext { TraceIdentifier = "0HN-trace-42" };

        var page = context.Bunit.Render<CascadingValue<HttpContext>>(p => p.Add(x => x.Value, request).AddChildContent<ErrorPage>());

        Assert.Equal("0HN-trace-42", page.Find("[role=alert] code").TextContent);
        Assert.Equal("", page.Find("a").GetAttribute("href"));
        Assert.Contains("Back to the dashboard", page.Find("a").TextContent);
    }
}
