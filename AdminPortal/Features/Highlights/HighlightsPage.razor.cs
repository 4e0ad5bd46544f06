using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Accounts;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Highlights;

public partial class HighlightsPage
{
    [Inject] private HighlightsService Highlights { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The search lives in the address, so Back and a reload keep it.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Term { get; set; }

    private IReadOnlyList<AssignedCourse>? courses;
    private bool truncated;
    private bool isSuperuser;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Actor.GetAsync();
        isSuperuser = actor.Can(PortalPolicies.ManagePortal);
        var found = await Highlights.EditableCoursesAsync(actor, Term ?? "");
        (courses, truncated) = (found.Items, found.Truncated);
    }

    private void TermChanged(string? term) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("q", string.IsNullOrWhiteSpace(term) ? null : term.Trim()), replace: true);
}
