using AdminPortal.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AdminPortal.Components.Shared;

/// <summary>
/// Logs an unexpected error of a page with its address and shows a message instead of the page; a database that cannot be
/// reached gets a message of its own, since trying again once it is back is all there is to do.
/// </summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<PortalErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string errorId = "";

    protected override Task OnErrorAsync(Exception exception)
    {
        errorId = Guid.NewGuid().ToString("N")[..8];
        if (DatabaseErrors.IsUnavailable(exception))
        {
            Logger.LogWarning("The database is unavailable ({ErrorId}) on {Page}: {Message}", errorId, Navigation.Uri, exception.GetBaseException().Message);
        }
        else
        {
            Logger.LogError(exception, "Unexpected error {ErrorId} on {Page}", errorId, Navigation.Uri);
        }
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddAttribute(3, "role", "alert");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(alert =>
        {
            var unavailable = DatabaseErrors.IsUnavailable(CurrentException);
            alert.OpenElement(0, "strong");
            alert.AddContent(1, unavailable ? "The database is unavailable. " : "Something went wrong on this page. ");
            alert.CloseElement();
            alert.AddContent(2, unavailable
                ? "The portal cannot reach its database right now, so this could not be shown or saved; what was saved before is kept. " +
                  $"Try again in a few seconds; if it lasts, tell the portal's operators (reference {errorId}). "
                : $"The error was logged with reference {errorId}. Try again; if it happens again, " +
                  "give this reference to the portal's operators. ");
            alert.OpenComponent<MudButton>(3);
            alert.AddComponentParameter(4, nameof(MudButton.Variant), Variant.Outlined);
            alert.AddComponentParameter(5, nameof(MudButton.OnClick), EventCallback.Factory.Create<MouseEventArgs>(this, Recover));
            alert.AddComponentParameter(6, nameof(MudButton.ChildContent), (RenderFragment)(b => b.AddContent(0, "Try again")));
            alert.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
