using AdminPortal.Components.Navigation;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.SystemStatus;

public partial class SystemStatusPage
{
    [Inject] private SystemStatusService Status { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    private SystemStatusReport? report;
    private bool loading;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        loading = true;
        report = await Status.GetAsync(await Actor.GetAsync());
        loading = false;
    }
}
