using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace AdminPortal.Features.SurveyReports;

public partial class SurveyBanner : IDisposable
{
    /// <summary>The pages the banner steps aside on: they say what it says and offer what it offers.</summary>
    public const string ReportsPath = "admin/survey-reports";

    [Inject] private SurveyReportService Reports { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<SurveyBanner> Logger { get; set; } = default!;

    private bool show, busy, decided;
    private string? message;
    private PortalActor? actor;

    private bool Shown => show && !OnReportsPage;

    private bool OnReportsPage
    {
        get
        {
            var path = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
            return path == ReportsPath || path.StartsWith(ReportsPath + "/", StringComparison.Ordinal);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += Moved;
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            actor = await Actor.GetAsync();
            show = await Reports.ShowBannerAsync(actor);
        }
        catch (Exception e)
        {
            // A reminder must never take a page down with it.
            Logger.LogWarning(e, "The survey banner could not decide whether to show");
        }
        decided = true;
    }

    private void Moved(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    private async Task SendAsync()
    {
        busy = true;
        try
        {
            var id = await Reports.RequestAsync(send: true, actor!);
            message = $"Thank you! Report {id} is being generated and sent.";
        }
        catch (InvalidOperationException e)
        {
            message = e.Message;
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Sending a survey report from the banner failed");
            message = "The report could not be asked for; try again from the Survey reports page.";
        }
        busy = false;
    }

    private async Task DismissAsync()
    {
        busy = true;
        try
        {
            await Reports.DismissBannerAsync(actor!);
            show = false;
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Dismissing the survey banner failed");
            message = "The banner could not be dismissed just now; try again later.";
        }
        busy = false;
    }

    public void Dispose() => Navigation.LocationChanged -= Moved;
}
