using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Schedules;

public partial class ScheduleConfigPage
{
    [Inject] private ScheduleConfigService Configs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    private IReadOnlyList<SiteScheduleConfig>? sites;
    private string siteId = "";
    private ConfigEditor<ScheduleConfig>? editor;
    private ScheduleConfigForm form = new();
    private bool canManage;

    /// <summary>Per message type, its queue (enqueue_*) and deliver (deliver_*) switches, labelled as the tests and people find them.</summary>
    private IEnumerable<(string Title, Switch Queue, Switch Deliver)> MessageSwitches =>
    [
        ("Recurring nudge",
            new("Queue recurring nudges", () => form.EnqueueRecurringNudge, v => form.EnqueueRecurringNudge = v),
            new("Deliver recurring nudges", () => form.DeliverRecurringNudge, v => form.DeliverRecurringNudge = v)),
        ("Upgrade reminder",
            new("Queue upgrade reminders", () => form.EnqueueUpgradeReminder, v => form.EnqueueUpgradeReminder = v),
            new("Deliver upgrade reminders", () => form.DeliverUpgradeReminder, v => form.DeliverUpgradeReminder = v)),
        ("Course update",
            new("Queue course updates", () => form.EnqueueCourseUpdate, v => form.EnqueueCourseUpdate = v),
            new("Deliver course updates", () => form.DeliverCourseUpdate, v => form.DeliverCourseUpdate = v)),
    ];

    private SiteScheduleConfig SelectedSite => sites!.First(s => ConfigKeys.Of(s.SiteId) == siteId);

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        sites = await Configs.ListAsync(actor);
        if (sites.Count > 0)
        {
            siteId = ConfigKeys.Of(sites[0].SiteId);
            await LoadAsync();
        }
    }

    private string SiteText(string? key) =>
        sites?.FirstOrDefault(s => ConfigKeys.Of(s.SiteId) == key) is { } site ? $"{site.Domain} ({site.Name})" : "";

    private async Task SiteChangedAsync(string key)
    {
        siteId = key;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var actor = await Actor.GetAsync();
        var site = SelectedSite.SiteId;
        editor = new ConfigEditor<ScheduleConfig>(new(
            async () => await Configs.CurrentAsync(site, actor),
            async () => ServiceResult.Of(await Configs.HistoryAsync(site, actor)),
            async (values, basedOn) => (await Configs.SaveAsync(site, values, basedOn, actor)).Map(s => new SaveOutcome<ScheduleConfig>(s, null)),
            (version, basedOn) => Configs.RestoreAsync(site, version, basedOn, actor)));
        await editor.LoadAsync();
        form = ScheduleConfigForm.From(editor.Current!.Values);
    }

    private async Task SaveAsync()
    {
        if (await editor!.SaveAsync(form.ToValues()))
        {
            form = ScheduleConfigForm.From(editor.Current!.Values);
        }
    }

    private async Task RestoreAsync(int version)
    {
        if (await editor!.RestoreAsync(version))
        {
            form = ScheduleConfigForm.From(editor.Current!.Values);
        }
    }

    private sealed record Switch(string Label, Func<bool> Get, Action<bool> Set);
}
