using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Metrics;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Metrics;

public partial class MetricsPage
{
    [Inject] private MetricsDashboard Dashboard { get; set; } = default!;
    [Inject] private DailyMetricsRunner Runner { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    private IReadOnlyList<string> sites = [];
    private string site = "";
    private DateOnly from, to;
    private MetricsView? view;
    private IReadOnlyList<string> days = [];
    private string? error;

    private DateTime? From => from.ToDateTime(TimeOnly.MinValue);

    private DateTime? To => to.ToDateTime(TimeOnly.MinValue);

    private string ExportUrl => $"metrics/export.csv?site={Uri.EscapeDataString(site)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    protected override async Task OnInitializedAsync()
    {
        sites = await Dashboard.SitesAsync(await Actor.GetAsync());
        site = sites.FirstOrDefault() ?? "";
        to = MetricRules.DayFor(null, Runner.Today);
        from = to.AddDays(-29);
        if (sites.Count > 0)
        {
            await LoadAsync();
        }
    }

    private Task SiteChanged(string value)
    {
        site = value;
        return LoadAsync();
    }

    private Task FromChanged(DateTime? value)
    {
        from = value is { } day ? DateOnly.FromDateTime(day) : from;
        return LoadAsync();
    }

    private Task ToChanged(DateTime? value)
    {
        to = value is { } day ? DateOnly.FromDateTime(day) : to;
        return LoadAsync();
    }

    // A range the page refuses shows its one message and nothing of the range before.
    private async Task LoadAsync()
    {
        error = from > to ? "From is after To: pick a range that starts before it ends."
            : to.DayNumber - from.DayNumber >= MetricRules.MaxBackfillDays ? $"Pick at most {MetricRules.MaxBackfillDays} days." : null;
        view = null;
        if (error is null)
        {
            view = await Dashboard.ViewAsync(site, from, to, await Actor.GetAsync());
            days = view.Series.Select(d => d.Day.ToString("yyyy-MM-dd")).ToList();
        }
    }
}
