using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.SurveyReports;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.SurveyReports;

public partial class SurveyReportsPage : IAsyncDisposable
{
    [Inject] private SurveyReportService Reports { get; set; } = default!;
    [Inject] private SurveyExtraData ExtraData { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ILogger<SurveyReportsPage> Logger { get; set; } = default!;

    private IReadOnlyList<SurveyReport> reports = [];
    private string extraData = "";
    private string? error;
    private bool busy;
    private LiveRefresh? refresh;

    protected override async Task OnInitializedAsync()
    {
        if (!Reports.Enabled)
        {
            return;
        }
        extraData = ExtraData.Read().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        await LoadAsync();
        refresh = LiveRefresh.Start(TimeSpan.FromSeconds(2), () => InvokeAsync(RefreshAsync), Logger);
    }

    private static string Counts(SurveyReport report) => report.Counts is { } c
        ? $"{c.CoursesOffered:N0} courses, {c.ActiveLearners:N0} active of {c.RegisteredLearners:N0} learners, {c.Enrollments:N0} enrollments, {c.LearnersWithPassingGrade:N0} passing"
        : "";

    private async Task LoadAsync() => reports = await Reports.ListAsync(await Actor.GetAsync());

    // Only while a report is being made or sent: a quiet list costs nothing.
    private async Task RefreshAsync()
    {
        if (reports.Any(r => r.State == SurveyReportState.Processing || r.SendState == SurveySendState.Queued))
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private async Task RequestAsync(bool send)
    {
        busy = true;
        error = null;
        try
        {
            await Reports.RequestAsync(send, await Actor.GetAsync());
            await LoadAsync();
        }
        catch (InvalidOperationException e)
        {
            error = e.Message;
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Asking for a survey report failed");
            error = $"The report could not be asked for: {e.Message}";
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
