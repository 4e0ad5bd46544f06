using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Learners;

public partial class LearnersPage
{
    [Inject] private LearnerBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The search lives in the address, so Back and a reload keep it.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    private MudDataGrid<LearnerRow>? grid;
    private bool truncated;
    private string? searched;

    protected override async Task OnParametersSetAsync()
    {
        if (grid is not null && searched != Search)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task<GridData<LearnerRow>> LoadAsync(GridState<LearnerRow> state, CancellationToken cancellationToken)
    {
        searched = Search;
        var page = await Browser.SearchAsync(Search ?? "", state.ToPageRequest(), await Actor.GetAsync(), cancellationToken);
        truncated = page.Truncated;
        return page.ToGridData();
    }

    private void SearchChanged(string? search) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("q", string.IsNullOrWhiteSpace(search) ? null : search.Trim()), replace: true);
}
