using AdminPortal.Components.Navigation;
using AdminPortal.Domain.CourseReset;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.CourseReset;

public partial class CourseResetPage
{
    [Inject] private CourseResetService Resets { get; set; } = default!;
    [Inject] private CourseResetWatcher Watcher { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The learner searched for lives in the address, so a reload, Back or another page's link shows the same rows.</summary>
    [SupplyParameterFromQuery(Name = "learner")] public string? LearnerQuery { get; set; }

    private string query = "";
    private ResetLookup? lookup;
    private IDisposable? watching;
    private bool disposed;

    protected override async Task OnParametersSetAsync()
    {
        if (!string.IsNullOrWhiteSpace(LearnerQuery) && LearnerQuery.Trim() != lookup?.Query)
        {
            query = LearnerQuery.Trim();
            await LoadAsync();
        }
    }

    private async Task Search()
    {
        var wanted = query.Trim();
        if (wanted.Length > 0 && wanted == lookup?.Query)
        {
            // The same learner again: read the rows again (the address does not change).
            await LoadAsync();
            return;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("learner", wanted.Length == 0 ? null : wanted), replace: true);
    }

    private async Task LoadAsync()
    {
        var found = await Resets.FindAsync(query, await Actor.GetAsync());
        if (disposed)
        {
            return;
        }
        watching?.Dispose();
        watching = found.Learner is { } learner ? Watcher.Watch(learner.Id, audits => InvokeAsync(() => Apply(learner.Id, audits))) : null;
        lookup = found;
    }

    private void Apply(int learnerId, IReadOnlyDictionary<int, CourseResetAudit> audits)
    {
        if (lookup?.Learner?.Id != learnerId)
        {
            return;
        }
        var now = Clock.GetUtcNow().UtcDateTime;
        lookup = lookup with { Rows = lookup.Rows.Select(r => r.With(audits.GetValueOrDefault(r.CourseId), now)).ToList() };
        StateHasChanged();
    }

    private async Task ResetAsync(ResetLearner learner, ResetRow row)
    {
        var parameters = new DialogParameters
        {
            [nameof(ResetDialog.Learner)] = learner, [nameof(ResetDialog.Row)] = row, [nameof(ResetDialog.Actor)] = await Actor.GetAsync(),
        };
        var dialog = await Dialogs.ShowAsync<ResetDialog>($"Reset {row.DisplayName} for {learner.Username}?", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: ResetRow updated } && lookup is not null)
        {
            lookup = lookup with { Rows = lookup.Rows.Select(r => r.CourseId == updated.CourseId ? updated : r).ToList() };
        }
    }

    public void Dispose()
    {
        disposed = true;
        watching?.Dispose();
    }
}
