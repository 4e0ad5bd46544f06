using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.UpgradeDeadlines;

public partial class UpgradeDeadlinesPage
{
    [Inject] private UpgradeDeadlineService Deadlines { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    private DeadlineExplainerPanel? explainer;
    private ConfigEditor<GlobalDeadlineConfig>? global;
    private GlobalDeadlineForm globalForm = new();
    private IReadOnlyList<string> orgs = [], courseKeys = [];
    private bool canManage;

    protected override async Task OnInitializedAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        orgs = await Deadlines.OrgsInUseAsync();
        courseKeys = await Deadlines.CourseKeysAsync();
        global = new ConfigEditor<GlobalDeadlineConfig>(new(
            async () => await Deadlines.GlobalAsync(actor),
            async () => ServiceResult.Of(await Deadlines.GlobalHistoryAsync(actor)),
            async (values, basedOn) => (await Deadlines.SaveGlobalAsync(values, basedOn, actor)).Map(s => new SaveOutcome<GlobalDeadlineConfig>(s, null)),
            (version, basedOn) => Deadlines.RestoreGlobalAsync(version, basedOn, actor)));
        await LoadGlobalAsync();
    }

    private async Task LoadGlobalAsync()
    {
        await global!.LoadAsync();
        globalForm = GlobalDeadlineForm.From(global.Current!.Values);
    }

    private async Task SaveGlobalAsync()
    {
        if (await global!.SaveAsync(globalForm.ToValues()))
        {
            globalForm = GlobalDeadlineForm.From(global.Current!.Values);
            await ExplainAgainAsync();
        }
    }

    private async Task RestoreGlobalAsync(int version)
    {
        if (await global!.RestoreAsync(version))
        {
            globalForm = GlobalDeadlineForm.From(global.Current!.Values);
            await ExplainAgainAsync();
        }
    }

    private Task ExplainAgainAsync() => explainer?.RefreshAsync() ?? Task.CompletedTask;
}
