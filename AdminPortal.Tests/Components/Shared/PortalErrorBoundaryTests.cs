using System.Net.Sockets;
using AdminPortal.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Npgsql;

namespace AdminPortal.Tests.Components.Shared;

public sealed class PortalErrorBoundaryTests
{
    [Fact]
    public async Task ADatabaseThatCannotBeReachedSaysSoAndToTryAgain()
    {
        await using var context = NewContext();

        var boundary = RenderThrowing(context, new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111)));

        var alert = boundary.Find("[role=alert]").TextContent;
        Assert.Contains("The database is unavailable.", alert);
        Assert.Contains("what was saved before is kept", alert);
        Assert.Contains(boundary.FindAll("button"), b => b.TextContent.Trim() == "Try again");
    }

    [Fact]
    public async Task AnyOtherErrorGivesItsReference()
    {
        await using var context = NewContext();

        var boundary = RenderThrowing(context, new InvalidOperationException("a bug"));

        var alert = boundary.Find("[role=alert]").TextContent;
        Assert.Contains("Something went wrong on this page.", alert);
        Assert.DoesNotContain("database", alert);
    }

    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        return context;
    }

    private static IRenderedComponent<PortalErrorBoundary> RenderThrowing(BunitContext context, Exception error) =>
        context.Render<PortalErrorBoundary>(p => p.AddChildContent<Throws>(c => c.Add(t => t.Error, error)));

    private sealed class Throws : ComponentBase
    {
        [Parameter] public Exception Error { get; set; } = default!;

        protected override void OnInitialized() => throw Error;
    }
}
