using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Courses;

public partial class CoursesPage
{
    private const string SearchKey = "q", OrgKey = "org", PacingKey = "pacing", StateKey = "state";

    private static readonly IReadOnlyList<SelectOption> PacingOptions =
        [new("", "All"), new("self", "Self-paced"), new("instructor", "Instructor-paced")];
    private static readonly IReadOnlyList<SelectOption> StateOptions =
        [new("", "All"), new(nameof(CourseState.NotStarted), "Not started"), new(nameof(CourseState.Running), "Running"), new(nameof(CourseState.Ended), "Ended")];

    [Inject] private CourseBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // The filters live in the address, so Back, a reload or a shared link show the same courses.
    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = OrgKey)] public string? Org { get; set; }
    [SupplyParameterFromQuery(Name = PacingKey)] public string? Pacing { get; set; }
    [SupplyParameterFromQuery(Name = StateKey)] public string? State { get; set; }

    private MudDataGrid<CourseRow>? grid;
    private IReadOnlyList<SelectOption> orgOptions = [new("", "All")];
    private CourseFilter? loaded;

    private CourseFilter CurrentFilter => new(
        Search: Search,
        Org: string.IsNullOrEmpty(Org) ? null : Org,
        SelfPaced: Pacing switch { "self" => true, "instructor" => false, _ => null },
        State: Enum.TryParse<CourseState>(State, out var s) ? s : null);

    protected override async Task OnInitializedAsync() =>
        orgOptions = [new("", "All"), .. (await Browser.OrgsAsync()).Select(o => new SelectOption(o, o))];

    protected override async Task OnParametersSetAsync()
    {
        if (grid is not null && loaded != CurrentFilter)
        {
            // Back to the first page: a narrower filter may have fewer pages than the one shown.
            if (grid.CurrentPage > 0)
            {
                grid.NavigateTo(MudBlazor.Page.First);
            }
            await grid.ReloadServerData();
        }
    }

    private async Task<GridData<CourseRow>> LoadAsync(GridState<CourseRow> state, CancellationToken cancellationToken)
    {
        loaded = CurrentFilter;
        var page = await Browser.SearchAsync(loaded, state.ToPageRequest(), await Actor.GetAsync(), cancellationToken);
        return page.ToGridData();
    }

    private void Filter(string key, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(key, string.IsNullOrWhiteSpace(value) ? null : value.Trim()), replace: true);

    private static string TextOf(IReadOnlyList<SelectOption> options, string? value) =>
        options.FirstOrDefault(o => o.Value == (value ?? ""))?.Text ?? value ?? "";
}
