using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Accounts;

public partial class NewAccountDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private FluentValidation.IValidator<NewAccountRequest> Validator { get; set; } = default!;

    [Parameter, EditorRequired] public PortalActor Actor { get; set; } = default!;

    private readonly NewAccountRequest request = new();
    private FluentValidator? validator;
    private bool busy;

    private async Task CreateAsync()
    {
        busy = true;
        var result = await Accounts.CreateAsync(request, Actor);
        busy = false;
        if (result.Succeeded)
        {
            Dialog.Close(DialogResult.Ok(request.Email));
            return;
        }
        validator?.Show(result.Errors);
    }
}
