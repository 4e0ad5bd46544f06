using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.CourseReset;

public partial class CourseResetOptInsPage
{
    [Inject] private CourseResetOptInService OptIns { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<OptInRow> rows = [];
    private string courseKey = "";
    private string? error;

    protected override async Task OnInitializedAsync() => rows = await OptIns.ListAsync(await Actor.GetAsync());

    private async Task AddAsync()
    {
        var result = await OptIns.AddAsync(courseKey, await Actor.GetAsync());
        Show(result, row => $"{row.CourseKey} is opted in: support can reset it now.");
        if (result.Succeeded)
        {
            courseKey = "";
        }
    }

    private async Task ToggleAsync(OptInRow row) =>
        Show(await OptIns.SetActiveAsync(row.Id, !row.IsActive, await Actor.GetAsync()),
            changed => $"Course reset is {(changed.IsActive ? "on" : "off")} for {changed.CourseKey}.");

    /// <summary>A change done is a snackbar; a refusal stays on the page.</summary>
    private void Show(ServiceResult<OptInRow> result, Func<OptInRow, string> success)
    {
        error = result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        if (result.Succeeded)
        {
            Snackbar.Add(success(result.Value!), Severity.Success);
            rows = [.. rows.Where(r => r.Id != result.Value!.Id).Append(result.Value!).OrderBy(r => r.CourseKey)];
        }
    }
}
