using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using AdminPortal.Features.Jobs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Sync;

public partial class CatalogSyncPage : IAsyncDisposable
{
    [Inject] private CatalogSettingsService Settings { get; set; } = default!;
    [Inject] private JobsService Jobs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<CatalogSyncPage> Logger { get; set; } = default!;

    private CatalogSettingsView? view;
    private IReadOnlyList<JobRun> runs = [];
    private IReadOnlyList<ServiceError> errors = [];
    private string? baseUrl, newToken, failure;
    private int pageSize;
    private bool enabled, removeToken, canManage, busy;
    private LiveRefresh? refresh;
    private bool waitingForRun;
    private long? newestBefore;

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        Show(await Settings.GetAsync(actor));
        await LoadRunsAsync();
        refresh = LiveRefresh.Start(TimeSpan.FromSeconds(2), () => InvokeAsync(RefreshAsync), Logger);
    }

    private void Show(CatalogSettingsView settings) =>
        (view, baseUrl, pageSize, enabled, newToken, removeToken) = (settings, settings.BaseUrl, settings.PageSize, settings.Enabled, null, false);

    private string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static string Count(JobRun run, string name) => run.Counts.TryGetValue(name, out var value) ? value.ToString("N0") : "";

    private static string Duration(JobRun run) => run.FinishedAtUtc is { } end ? $"{(end - run.StartedAtUtc).TotalSeconds:0.0} s" : "running";

    private async Task LoadRunsAsync() => runs = await Jobs.RunsOfAsync(CatalogSyncJob.Name, await Actor.GetAsync());

    // Only while a sync runs: a quiet page costs nothing.
    private async Task RefreshAsync()
    {
        if (runs.Any(r => r.Status == JobRunStatus.Running) || waitingForRun)
        {
            await LoadRunsAsync();
            waitingForRun &= runs.FirstOrDefault()?.Id == newestBefore;
            StateHasChanged();
        }
    }

    private async Task SaveAsync()
    {
        busy = true;
        failure = null;
        var result = await Settings.SaveAsync(new CatalogSettingsRequest(baseUrl, pageSize, enabled, newToken, removeToken), await Actor.GetAsync());
        errors = result.Errors;
        // A field's problem shows under the field; any other above the list.
        failure = string.Join(" ", errors.Where(e => e.Field is not ("BaseUrl" or "PageSize")).Select(e => e.Message)) is { Length: > 0 } other ? other : null;
        if (result.Succeeded)
        {
            Show(result.Value!);
            Snackbar.Add("Saved.", Severity.Success);
        }
        busy = false;
    }

    private async Task SyncNowAsync()
    {
        busy = true;
        failure = null;
        try
        {
            newestBefore = runs.FirstOrDefault()?.Id;
            await Jobs.RunNowAsync(CatalogSyncJob.Name, await Actor.GetAsync());
            waitingForRun = true;
            Snackbar.Add("Sync started; its counts appear below.", Severity.Success);
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Starting the catalog sync failed");
            failure = $"The sync could not be started: {e.Message}";
        }
        busy = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (refresh is not null)
        {
            await refresh.DisposeAsync();
        }
    }
}
