using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Learners;

public partial class LearnersPage
{
    [Inject] private LearnerBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The search lives in the address, so Back and a reload keep it.</summary>
    private const string SearchKey = "q";

    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }

    private AddressedGrid<LearnerRow, string> rows = default!;
    private bool truncated;

    protected override void OnInitialized() =>
        rows = new(Navigation, [20, 50, 100], () => Search ?? "", async (search, page, cancellationToken) =>
        {
            var found = await Browser.SearchAsync(search, page, await Actor.GetAsync(), cancellationToken);
            truncated = found.Truncated;
            return found.ToGridData();
        });

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();
}
