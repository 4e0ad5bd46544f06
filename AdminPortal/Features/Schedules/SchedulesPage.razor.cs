using AdminPortal.Components.Navigation;
using AdminPortal.Components.Shared;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Schedules;

public partial class SchedulesPage
{
    private const string CourseKey = "course", ExperienceKey = "experience", ActiveKey = "active", EarlyKey = "early";
    private const string Ellipsis = "max-width: 22rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap";

    private static readonly IReadOnlyList<SelectOption> ExperienceOptions =
        [new("", "All"), .. Enum.GetValues<ScheduleExperience>().Select(e => new SelectOption(e.ToString(), e.DisplayName()))];
    private static readonly IReadOnlyList<SelectOption> ActiveOptions = [new("", "All"), new("yes", "Active"), new("no", "Inactive")];
    private static readonly IReadOnlyList<SelectOption> ActionOptions =
    [
        new(nameof(ScheduleBulkAction.UseCourseUpdates), "Change experience to Course Updates"),
        new(nameof(ScheduleBulkAction.UseRecurringNudgeAndUpgradeReminder), "Change experience to Recurring Nudge and Upgrade Reminder"),
        new(nameof(ScheduleBulkAction.Activate), "Activate"),
        new(nameof(ScheduleBulkAction.Deactivate), "Deactivate"),
    ];

    [Inject] private ScheduleBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    // The filters live in the address, so Back, a reload or a shared link show the same schedules.
    [SupplyParameterFromQuery(Name = CourseKey)] public string? Course { get; set; }
    [SupplyParameterFromQuery(Name = ExperienceKey)] public string? Experience { get; set; }
    [SupplyParameterFromQuery(Name = ActiveKey)] public string? Active { get; set; }
    [SupplyParameterFromQuery(Name = EarlyKey)] public string? Early { get; set; }

    private AddressedGrid<ScheduleRow, ScheduleFilter> rows = default!;
    private IReadOnlyDictionary<ScheduleSkipReason, int> skips = new Dictionary<ScheduleSkipReason, int>();
    private string action = nameof(ScheduleBulkAction.UseCourseUpdates);
    private int matching;
    private bool canManage;

    private bool StartBeforeCourseStart => Early == "yes";

    private string SkipsText => skips.Count == 0
        ? "none."
        : string.Join(", ", skips.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key.DisplayName()}")) + ".";

    private ScheduleFilter CurrentFilter => new(
        Course: Course,
        Experience: Enum.TryParse<ScheduleExperience>(Experience, out var e) ? e : null,
        Active: Active switch { "yes" => true, "no" => false, _ => null },
        StartBeforeCourseStart: StartBeforeCourseStart);

    protected override void OnInitialized() =>
        rows = new(Navigation, [25, 50, 100], () => CurrentFilter, async (filter, page, cancellationToken) =>
        {
            var found = await Browser.SearchAsync(filter, page, await Actor.GetAsync(), cancellationToken);
            matching = found.Total;
            return found.ToGridData();
        });

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        skips = await Browser.SkipsAsync(actor);
    }

    protected override Task OnParametersSetAsync() => rows.FilterChangedAsync();

    private void EarlyChanged(bool early) => rows.Filter(EarlyKey, early ? "yes" : null);

    private async Task ApplyAsync()
    {
        var filter = CurrentFilter;
        var label = ActionOptions.TextOf(action);
        var confirmed = await Dialogs.ShowMessageBoxAsync($"{label} for {matching:N0} schedule(s)?",
            $"{label}: this applies to the {matching:N0} schedule(s) matching the filters; those already so stay as they are.",
            yesText: "Apply", cancelText: "Cancel");
        if (confirmed is not true)
        {
            return;
        }
        var changed = await Browser.ApplyAsync(filter, Enum.Parse<ScheduleBulkAction>(action), await Actor.GetAsync());
        Snackbar.Add($"{label}: {changed:N0} schedule(s) changed.", Severity.Success);
        await rows.ReloadAsync();
    }
}
