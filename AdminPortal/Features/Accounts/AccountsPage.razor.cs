using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Accounts;

public partial class AccountsPage
{
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private const string SearchKey = "q";

    /// <summary>The search, page and sort live in the address, so Back and a reload keep them.</summary>
    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }

    private AddressedGrid<AccountSummary, string> rows = default!;
    private string? failure;
    private PortalActor actor = default!;

    protected override void OnInitialized() =>
        rows = new(Navigation, [25, 50, 100], () => Search ?? "", async (search, page, cancellationToken) =>
            (await Accounts.SearchAsync(search, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override async Task OnInitializedAsync() => actor = await Actor.GetAsync();

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();

    private static string ReactivateText(AccountSummary account) => account.Status == AccountStatus.Locked ? "Unlock" : "Enable";

    private async Task CreateAsync()
    {
        if (await ShowAsync<NewAccountDialog>("New portal account", new() { [nameof(NewAccountDialog.Actor)] = actor }) is string email)
        {
            Snackbar.Add($"Account {email} created.", Severity.Success);
            failure = null;
            rows.Filter(SearchKey, email); // shows the new account, whichever page it sorts onto
        }
    }

    private async Task EditRolesAsync(AccountSummary account)
    {
        if (await ShowAsync<RolesDialog>($"Roles of {account.Email}", ForAccount(account)) is true)
        {
            await ReportAsync(AccountResult.Ok, $"Roles of {account.Email} saved.");
        }
    }

    private async Task EditCoursesAsync(AccountSummary account) =>
        await ShowAsync<CourseAssignmentsDialog>($"Courses {account.Email} may edit", ForAccount(account), MaxWidth.Small);

    private async Task SetPasswordAsync(AccountSummary account)
    {
        if (await ShowAsync<PasswordDialog>($"New password for {account.Email}", ForAccount(account)) is true)
        {
            await ReportAsync(AccountResult.Ok, $"Password of {account.Email} set.");
        }
    }

    private async Task DisableAsync(AccountSummary account)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Disable {account.Email}?",
            $"{account.Email} will be signed out and cannot sign in until enabled again.", yesText: "Disable", cancelText: "Cancel");
        if (confirmed is true)
        {
            await ReportAsync(await Accounts.DisableAsync(account.Id, actor), $"{account.Email} disabled.");
        }
    }

    private async Task ReactivateAsync(AccountSummary account) =>
        await ReportAsync(await Accounts.ReactivateAsync(account.Id, actor), $"{account.Email} can sign in again.");

    private DialogParameters ForAccount(AccountSummary account) =>
        new() { [nameof(RolesDialog.Account)] = account, [nameof(RolesDialog.Actor)] = actor };

    private async Task<object?> ShowAsync<TDialog>(string title, DialogParameters parameters, MaxWidth width = MaxWidth.ExtraSmall)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = width, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data : null;
    }

    private async Task ReportAsync(AccountResult result, string success)
    {
        failure = result.Succeeded ? null : result.ToString();
        if (result.Succeeded)
        {
            Snackbar.Add(success, Severity.Success);
        }
        await rows.ReloadAsync();
    }
}
