using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.CourseReset;

public partial class CourseResetHistoryPage
{
    [Inject] private CourseResetHistory History { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // The filters live in the address (dates as yyyy-MM-dd), so a reload, Back or a shared link shows the same resets.
    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "learner")] public string? Learner { get; set; }
    [SupplyParameterFromQuery(Name = "course")] public string? Course { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    private AddressedGrid<ResetHistoryRow, ResetHistoryFilter> rows = default!;
    private bool canManage;
    private string? message;

    protected override void OnInitialized() =>
        rows = new(Navigation, [25, 50, 100], () => Filter, async (filter, page, cancellationToken) =>
            (await History.ListAsync(filter, page, await Actor.GetAsync(), cancellationToken)).ToGridData());

    protected override async Task OnInitializedAsync() => canManage = (await Actor.GetAsync()).Can(PortalPolicies.ManagePortal);

    protected override async Task OnParametersSetAsync()
    {
        if (RangeError is null)
        {
            await rows.FilterChangedAsync();
        }
        else
        {
            rows.Hidden();
        }
    }

    private DateOnly? FromDay => PortalFormat.ParseDay(From);

    private DateOnly? ToDay => PortalFormat.ParseDay(To);

    private ResetHistoryFilter Filter => new(
        Enum.TryParse<CourseResetStatus>(Status, out var chosen) ? chosen : null, Learner, Course, FromDay, ToDay);

    /// <summary>A range that ends before it starts shows this alone: no empty table beside it.</summary>
    private string? RangeError => FromDay > ToDay ? "Asked from is after Asked until: pick a range that starts before it ends." : null;

    private void SetDate(string name, DateTime? date) => rows.Filter(name, PortalFormat.Day(date));

    private static DateTime? AsDate(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    private static string Times(ResetHistoryRow r) => r.Status switch
    {
        CourseResetStatus.InProgress => $"started {PortalFormat.Utc(r.StartedUtc)}",
        CourseResetStatus.Complete => $"completed {PortalFormat.Utc(r.CompletedUtc)}",
        CourseResetStatus.Failed => $"failed {PortalFormat.Utc(r.ModifiedUtc)}",
        _ => "waiting for the job",
    };

    private static string EmailText(ResetHistoryRow r) =>
        r.EmailedUtc is not null ? "learner emailed" : r.EmailError is { } e ? $"email failed: {e}" : "email pending";

    private async Task MarkFailedAsync(ResetHistoryRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Mark failed?",
            $"Mark the reset of {row.CourseKey} for {row.Username} failed? Nothing is deleted; support can then reset again.",
            yesText: "Mark failed", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        var result = await History.MarkFailedAsync(row.Id, await Actor.GetAsync());
        message = result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        if (result.Succeeded)
        {
            Snackbar.Add($"The reset of {row.CourseKey} for {row.Username} is marked failed: support can reset it again.", Severity.Success);
        }
        await rows.ReloadAsync();
    }
}
