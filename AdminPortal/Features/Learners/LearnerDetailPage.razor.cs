using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Learners;

public partial class LearnerDetailPage
{
    [Inject] private LearnerBrowser Browser { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private LearnerDetail? detail;
    private bool loaded, canReset;

    // The Messages page reads no filter from its address yet: ?q= is the name its learner search will take there.
    private string MessagesLink => $"messaging/messages?q={Uri.EscapeDataString(detail!.Learner.Username)}";

    // The reset tab looks the learner up from ?learner= on arrival.
    private string ResetLink => $"support/course-reset?learner={Uri.EscapeDataString(detail!.Learner.Username)}";

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Actor.GetAsync();
        canReset = actor.Can(PortalPolicies.ResetCourses);
        detail = await Browser.DetailAsync(Id, actor);
        loaded = true;
    }
}
