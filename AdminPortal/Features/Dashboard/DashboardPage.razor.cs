using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Dashboard;

public partial class DashboardPage
{
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private IConfiguration Configuration { get; set; } = default!;

    private PortalActor? actor;
    private IReadOnlyList<PortalArea> areas = [];

    private static string AreaId(PortalArea area) => $"area-{area.Title.Replace(' ', '-')}";

    protected override async Task OnInitializedAsync()
    {
        actor = await Actor.GetAsync();
        areas = PortalNavigation.VisibleTo(actor, Configuration);
    }
}
