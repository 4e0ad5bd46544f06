using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.CourseReset;

public partial class ResetDialog
{
    [CascadingParameter] private IMudDialogInstance MudDialog { get; set; } = default!;
    [Inject] private CourseResetService Resets { get; set; } = default!;
    [Inject] private FluentValidation.IValidator<ResetOrder> Validator { get; set; } = default!;
    [Inject] private ILogger<ResetDialog> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public ResetLearner Learner { get; set; } = default!;
    [Parameter, EditorRequired] public ResetRow Row { get; set; } = default!;
    [Parameter, EditorRequired] public PortalActor Actor { get; set; } = default!;

    private ResetOrder order = default!;
    private IReadOnlyList<string> errors = [];
    private bool busy;

    protected override void OnInitialized() => order = new ResetOrder(Learner.Id, Row.CourseId, "");

    private int Length => order.Reason?.Trim().Length ?? 0;

    private bool TooLong => Length > CourseResetAudit.MaxReasonLength;

    private string Count => $"{Length} / {CourseResetAudit.MaxReasonLength} characters{(TooLong ? ": too long" : "")}";

    private async Task ConfirmAsync()
    {
        busy = true;
        try
        {
            var result = await Resets.ResetAsync(order, Actor);
            if (result.Succeeded)
            {
                MudDialog.Close(DialogResult.Ok(result.Value));
                return;
            }
            errors = result.Errors.Select(e => e.Message).ToList();
        }
        catch (Exception e)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(e, "Resetting {Course} for {Learner} failed unexpectedly (reference {Reference})", Row.CourseKey, Learner.Username, reference);
            errors = [$"The reset could not be asked for; nothing was changed. Try again; if it keeps failing, give reference {reference} to an administrator."];
        }
        finally
        {
            busy = false;
        }
    }
}
