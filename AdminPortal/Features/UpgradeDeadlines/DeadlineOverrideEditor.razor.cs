using AdminPortal.Components.Navigation;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.UpgradeDeadlines;

public partial class DeadlineOverrideEditor
{
    [Inject] private UpgradeDeadlineService Deadlines { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Parameter, EditorRequired] public DeadlineLevel Level { get; set; }
    [Parameter] public bool CanManage { get; set; }
    [Parameter] public IReadOnlyList<string> Suggestions { get; set; } = [];

    /// <summary>Called after a save or a restore, so the page can explain the deadline again.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    private IReadOnlyList<OverrideRow> rows = [];
    private string? target = "";
    private string opened = "";
    private ConfigEditor<DeadlineOverride>? editor;
    private DeadlineOverrideForm form = new();

    private bool IsOrg => Level == DeadlineLevel.Org;
    private string Noun => IsOrg ? "org" : "course";
    private string Title => IsOrg ? "Org" : "Course";
    private string TargetLabel => IsOrg ? "Org to override" : "Course to override";
    private string Hint => IsOrg
        ? "An enabled org override replaces the global setting for every course of the org: its own days, or opted out."
        : "An enabled course override replaces the org and global settings for that course: its own days, or opted out.";

    protected override async Task OnInitializedAsync() => rows = await Deadlines.OverridesAsync(Level, await Actor.GetAsync());

    private async Task OpenAsync(string name)
    {
        var actor = await Actor.GetAsync();
        (target, opened) = (name.Trim(), name.Trim());
        var level = Level;
        var key = opened;
        editor = new ConfigEditor<DeadlineOverride>(new(
            () => Deadlines.OverrideAsync(level, key, actor),
            () => Deadlines.OverrideHistoryAsync(level, key, actor),
            (values, basedOn) => Deadlines.SaveOverrideAsync(level, key, values, basedOn, actor),
            (version, basedOn) => Deadlines.RestoreOverrideAsync(level, key, version, basedOn, actor)));
        if (await editor.LoadAsync())
        {
            form = DeadlineOverrideForm.From(editor.Current!.Values);
        }
    }

    private async Task SaveAsync()
    {
        if (await editor!.SaveAsync(form.ToValues()))
        {
            await SettledAsync();
        }
    }

    private async Task RestoreAsync(int version)
    {
        if (await editor!.RestoreAsync(version))
        {
            await SettledAsync();
        }
    }

    private async Task SettledAsync()
    {
        form = DeadlineOverrideForm.From(editor!.Current!.Values);
        rows = await Deadlines.OverridesAsync(Level, await Actor.GetAsync());
        await OnChanged.InvokeAsync();
    }

    private Task OpenTargetAsync() => OpenAsync(target ?? "");

    private Task<IEnumerable<string>> SuggestAsync(string? text, CancellationToken cancellationToken) => Task.FromResult(
        Suggestions.Where(s => string.IsNullOrWhiteSpace(text) || s.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static string Describe(DeadlineOverride o) =>
        !o.Enabled ? "not enabled (the level above decides)" : o.OptOut ? "opted out" : $"{o.DeadlineDays} days";
}
