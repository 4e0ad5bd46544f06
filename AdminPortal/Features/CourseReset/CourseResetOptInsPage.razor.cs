using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.CourseReset;

public partial class CourseResetOptInsPage
{
    [Inject] private CourseResetOptInService OptIns { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private const string SearchKey = "q";

    /// <summary>The search and page live in the address, so Back and a reload keep them.</summary>
    [SupplyParameterFromQuery(Name = SearchKey)] public string? Search { get; set; }

    private AddressedGrid<OptInRow, string> rows = default!;
    private string courseKey = "";
    private string? error;

    protected override void OnInitialized() =>
        rows = new(Navigation, [25, 50, 100], () => Search ?? "", async (search, page, cancellationToken) =>
            (await OptIns.SearchAsync(search, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();

    private async Task AddAsync()
    {
        var result = await OptIns.AddAsync(courseKey, await Actor.GetAsync());
        if (result.Succeeded)
        {
            // Cleared with the message, not after the list reloads: a key typed meanwhile would be wiped.
            courseKey = "";
            StateHasChanged();
        }
        await ShowAsync(result, row => $"{row.CourseKey} is opted in: support can reset it now.");
    }

    private async Task ToggleAsync(OptInRow row) =>
        await ShowAsync(await OptIns.SetActiveAsync(row.Id, !row.IsActive, await Actor.GetAsync()),
            changed => $"Course reset is {(changed.IsActive ? "on" : "off")} for {changed.CourseKey}.");

    /// <summary>A change done is a snackbar and the list shown again; a refusal stays on the page.</summary>
    private async Task ShowAsync(ServiceResult<OptInRow> result, Func<OptInRow, string> success)
    {
        error = result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        if (result.Succeeded)
        {
            Snackbar.Add(success(result.Value!), Severity.Success);
            await rows.ReloadAsync();
        }
    }
}
