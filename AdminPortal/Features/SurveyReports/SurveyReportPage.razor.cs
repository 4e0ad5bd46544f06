using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.SurveyReports;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.SurveyReports;

public partial class SurveyReportPage : IAsyncDisposable
{
    [Inject] private SurveyReportService Reports { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ILogger<SurveyReportPage> Logger { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private SurveyReportDetail? detail;
    private bool loaded, busy;
    private string? error;
    private LiveRefresh? refresh;

    /// <summary>
    /// What the empty list of attempts says: a send that failed before any attempt (no receiver set) is "Send failed" above,
    /// never also "Not sent yet".
    /// </summary>
    public static string NoAttempts(SurveyReport report) => report.SendState switch
    {
        SurveySendState.SendFailed => "No attempt reached the receiver: the error above says why.",
        SurveySendState.Queued => "Sending…",
        _ => "Not sent yet.",
    };

    protected override async Task OnParametersSetAsync()
    {
        if (!Reports.Enabled)
        {
            return;
        }
        await LoadAsync();
        refresh ??= LiveRefresh.Start(TimeSpan.FromSeconds(2), () => InvokeAsync(RefreshAsync), Logger);
    }

    private async Task LoadAsync()
    {
        detail = await Reports.GetAsync(Id, await Actor.GetAsync());
        loaded = true;
    }

    private async Task RefreshAsync()
    {
        if (detail?.Report is { } r && (r.State == SurveyReportState.Processing || r.SendState == SurveySendState.Queued))
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private async Task SendAsync()
    {
        busy = true;
        var result = await Reports.QueueSendAsync(Id, await Actor.GetAsync());
        error = result.Succeeded ? null : result.Errors[0].Message;
        await LoadAsync();
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
