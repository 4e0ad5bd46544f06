using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Accounts;

public partial class PasswordDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private FluentValidation.IValidator<PasswordRequest> Validator { get; set; } = default!;

    [Parameter, EditorRequired] public PortalActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public AccountSummary Account { get; set; } = default!;

    private readonly PasswordRequest request = new();
    private FluentValidator? validator;

    private async Task SaveAsync()
    {
        var result = await Accounts.SetPasswordAsync(Account.Id, request, Actor);
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(true));
            return;
        }
        validator?.Show(result.Errors);
    }
}
