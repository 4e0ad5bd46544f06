using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Integration;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.ApiKeys;

public partial class ApiKeysPage
{
    [Inject] private ApiKeyService Keys { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<ApiKeySummary> keys = [];
    private string name = "";
    private ApiScope scope = ApiScope.Enrollments;
    private string? nameError, error;
    private NewApiKey? created;

    private static string ScopeName(ApiScope scope) => scope.ToString().ToLowerInvariant();

    protected override async Task OnInitializedAsync() => keys = await Keys.ListAsync(await Actor.GetAsync());

    private async Task CreateAsync()
    {
        var result = await Keys.CreateAsync(name, scope, await Actor.GetAsync());
        created = result.Value;
        // The name's problems show under the name; any other stays above the list.
        nameError = Messages(result.Errors.Where(e => e.Field == "name"));
        error = Messages(result.Errors.Where(e => e.Field != "name"));
        if (result.Succeeded)
        {
            name = "";
            keys = await Keys.ListAsync(await Actor.GetAsync());
        }
    }

    private static string? Messages(IEnumerable<ServiceError> errors) =>
        string.Join(" ", errors.Select(e => e.Message)) is { Length: > 0 } text ? text : null;

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Revoke {key.Name}?", $"Calls with {key.Name} ({key.Hint}…) will be refused from now on.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed is true)
        {
            var result = await Keys.RevokeAsync(key.Id, await Actor.GetAsync());
            if (result.Succeeded)
            {
                Snackbar.Add($"{key.Name} is revoked.", Severity.Success);
            }
            else
            {
                error = result.Errors[0].Message;
            }
            keys = await Keys.ListAsync(await Actor.GetAsync());
        }
    }
}
