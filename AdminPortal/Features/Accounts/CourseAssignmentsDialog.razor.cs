using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdminPortal.Features.Accounts;

public partial class CourseAssignmentsDialog
{
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CourseAssignmentService Assignments { get; set; } = default!;

    [Parameter, EditorRequired] public AccountSummary Account { get; set; } = default!;
    [Parameter, EditorRequired] public PortalActor Actor { get; set; } = default!;

    private IReadOnlyList<AssignedCourse> assigned = [];
    private IReadOnlyList<AssignedCourse> found = [];
    private string? term;
    private string? error;

    protected override async Task OnInitializedAsync() => assigned = await Assignments.ListAsync(Account.Id, Actor);

    private async Task FindAsync(string? value)
    {
        term = value;
        found = await Assignments.FindCoursesAsync(term ?? "", Actor);
    }

    private async Task AssignAsync(AssignedCourse course)
    {
        var result = await Assignments.AssignAsync(Account.Id, course.Id, Actor);
        error = result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        assigned = await Assignments.ListAsync(Account.Id, Actor);
    }

    private async Task RemoveAsync(AssignedCourse course)
    {
        await Assignments.UnassignAsync(Account.Id, course.Id, Actor);
        assigned = await Assignments.ListAsync(Account.Id, Actor);
    }
}
