using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;

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

    private AddressedGrid<CourseRow, CourseFilter> rows = default!;
    private IReadOnlyList<SelectOption> orgOptions = [new("", "All")];

    private CourseFilter CurrentFilter => new(
        Search: Search,
        Org: string.IsNullOrEmpty(Org) ? null : Org,
        SelfPaced: Pacing switch { "self" => true, "instructor" => false, _ => null },
        State: Enum.TryParse<CourseState>(State, out var s) ? s : null);

    protected override void OnInitialized() =>
        rows = new(Navigation, [20, 50, 100], () => CurrentFilter, async (filter, page, cancellationToken) =>
            (await Browser.SearchAsync(filter, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override async Task OnInitializedAsync() =>
        orgOptions = [new("", "All"), .. (await Browser.OrgsAsync()).Select(o => new SelectOption(o, o))];

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();
}
