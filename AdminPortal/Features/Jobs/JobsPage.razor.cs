using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Jobs;

public partial class JobsPage
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan RunNowWait = TimeSpan.FromSeconds(30);

    [Inject] private JobsService Jobs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<JobsPage> Logger { get; set; } = default!;

    private IReadOnlyList<JobSummary>? jobs;
    private IReadOnlyList<JobRunSummary> runs = [];
    private PortalActor actor = default!;
    private bool canManage;
    private string? error;
    private (long NewestRunId, DateTime AskedAtUtc)? awaitedRun;
    private LiveRefresh? refresh;

    protected override async Task OnInitializedAsync()
    {
        actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            refresh = LiveRefresh.Start(RefreshInterval, () => InvokeAsync(RefreshAsync), Logger);
        }
    }

    private async Task LoadAsync()
    {
        jobs = await Jobs.ListAsync(actor);
        runs = await Jobs.RecentRunsAsync(actor);
        if (awaitedRun is { } awaited && (runs.Any(r => r.Id > awaited.NewestRunId) || DateTime.UtcNow - awaited.AskedAtUtc > RunNowWait))
        {
            awaitedRun = null;
        }
    }

    // Reloads only while something is changing: a run in progress, or one asked for that has not started yet.
    private async Task RefreshAsync()
    {
        if (awaitedRun is not null || runs.Any(r => r.Status == JobRunStatus.Running))
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private Task RunNowAsync(JobSummary job) => ActAsync(async () =>
    {
        awaitedRun = (runs.Count == 0 ? 0 : runs.Max(r => r.Id), DateTime.UtcNow);
        await Jobs.RunNowAsync(job.Name, actor);
    }, $"{job.Name} starts in a moment; its run appears below.");

    private Task TogglePauseAsync(JobSummary job) => job.IsPaused
        ? ActAsync(() => Jobs.ResumeAsync(job.Name, actor), $"The schedule of {job.Name} is running again.")
        : ActAsync(() => Jobs.PauseAsync(job.Name, actor), $"{job.Name} is paused: it will not run on its schedule until resumed.");

    private async Task ActAsync(Func<Task> action, string success)
    {
        try
        {
            await action();
            error = null;
            Snackbar.Add(success, Severity.Success);
        }
        catch (Exception e) when (e is PortalForbiddenException or InvalidOperationException or Quartz.SchedulerException)
        {
            awaitedRun = null;
            error = e.Message;
        }
        await LoadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (refresh is not null)
        {
            await refresh.DisposeAsync();
        }
    }
}
