using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Jobs;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Jobs;

public partial class JobRunPage
{
    [Inject] private JobsService Jobs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ILogger<JobRunPage> Logger { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private JobRunDetail? run;
    private bool loaded;
    private PortalActor actor = default!;
    private LiveRefresh? refresh;

    protected override async Task OnParametersSetAsync()
    {
        actor = await Actor.GetAsync();
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            refresh ??= LiveRefresh.Start(TimeSpan.FromSeconds(1.5), () => InvokeAsync(RefreshAsync), Logger);
        }
    }

    private async Task LoadAsync()
    {
        run = await Jobs.GetRunAsync(Id, actor);
        loaded = true;
    }

    private async Task RefreshAsync()
    {
        if (run?.Run.Status == JobRunStatus.Running)
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (refresh is not null)
        {
            await refresh.DisposeAsync();
        }
    }
}
