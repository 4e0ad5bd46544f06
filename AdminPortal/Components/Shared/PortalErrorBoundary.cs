using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Radzen;
using Radzen.Blazor;

namespace AdminPortal.Components.Shared;

/// <summary>Logs an unexpected error of a page with its address and shows a message instead of the page.</summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string errorId = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        errorId = Guid.NewGuid().ToString("N")[..8];
        Logger.LogError(exception, "Unexpected error {ErrorId} on {Page}", errorId, Navigation.Uri);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<RadzenAlert>(1);
        builder.AddComponentParameter(2, nameof(RadzenAlert.AlertStyle), AlertStyle.Danger);
        builder.AddComponentParameter(3, nameof(RadzenAlert.AllowClose), false);
        builder.AddComponentParameter(4, nameof(RadzenAlert.Title), "Something went wrong on this page");
        builder.AddComponentParameter(5, nameof(RadzenAlert.ChildContent), (RenderFragment)(alert =>
        {
            alert.AddContent(0, $"The error was logged with reference {errorId}. Try again; if it happens again, " +
                "give this reference to the portal's operators. ");
            alert.OpenComponent<RadzenButton>(1);
            alert.AddComponentParameter(2, nameof(RadzenButton.Text), "Try again");
            alert.AddComponentParameter(3, nameof(RadzenButton.Click), EventCallback.Factory.Create<MouseEventArgs>(this, Recover));
            alert.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
