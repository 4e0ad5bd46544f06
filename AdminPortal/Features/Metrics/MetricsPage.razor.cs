using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Metrics;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Metrics;

public partial class MetricsPage
{
    private const string SiteKey = "site", FromKey = "from", ToKey = "to";

    [Inject] private MetricsDashboard Dashboard { get; set; } = default!;
    [Inject] private DailyMetricsRunner Runner { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // The site and the range live in the address (days as yyyy-MM-dd), so Back, a reload or a shared link show the same metrics.
    [SupplyParameterFromQuery(Name = SiteKey)] public string? SiteParameter { get; set; }
    [SupplyParameterFromQuery(Name = FromKey)] public string? FromParameter { get; set; }
    [SupplyParameterFromQuery(Name = ToKey)] public string? ToParameter { get; set; }

    private sealed record Shown(string Site, DateOnly From, DateOnly To);

    private IReadOnlyList<string> sites = [];
    private string site = "";
    private DateOnly from, to;
    private Shown? shown;
    private MetricsView? view;
    private IReadOnlyList<string> days = [];
    private string? error;
    private AddressedGrid<CourseMetricsRow, Shown?> courses = default!;

    private DateTime? From => from.ToDateTime(TimeOnly.MinValue);

    private DateTime? To => to.ToDateTime(TimeOnly.MinValue);

    private string ExportUrl => $"metrics/export.csv?site={Uri.EscapeDataString(site)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    protected override void OnInitialized() =>
        courses = new(Navigation, [25, 50, 100], () => shown, async (_, page, cancellationToken) =>
            (await Dashboard.CoursesAsync(view!, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override async Task OnInitializedAsync() => sites = await Dashboard.SitesAsync(await Actor.GetAsync());

    protected override async Task OnParametersSetAsync()
    {
        if (sites.Count == 0)
        {
            return;
        }
        site = SiteParameter is { } chosen && sites.Contains(chosen) ? chosen : sites[0];
        to = PortalFormat.ParseDay(ToParameter) ?? MetricRules.DayFor(null, Runner.Today);
        from = PortalFormat.ParseDay(FromParameter) ?? to.AddDays(-29);
        if (shown != new Shown(site, from, to))
        {
            await LoadAsync();
        }
        if (view?.Last is null)
        {
            courses.Hidden();
        }
        else
        {
            await courses.FilterChangedAsync();
        }
    }

    private void SiteChanged(string value) => courses.Filter(SiteKey, value);

    // The range goes into the address whole: changing one end keeps the other as shown.
    private void FromChanged(DateTime? value) => ShowRange(value is { } day ? DateOnly.FromDateTime(day) : from, to);

    private void ToChanged(DateTime? value) => ShowRange(from, value is { } day ? DateOnly.FromDateTime(day) : to);

    private void ShowRange(DateOnly first, DateOnly last) =>
        courses.Filter((FromKey, PortalFormat.Day(first)), (ToKey, PortalFormat.Day(last)));

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
        shown = new Shown(site, from, to);
    }
}
