using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Sync;
using AdminPortal.Features.Sync;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Courses;

public partial class CourseDetailPage
{
    [Inject] private CourseBrowser Browser { get; set; } = default!;
    [Inject] private SharingLinkService SharingLinks { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private CourseDetail? course;
    private bool loaded;

    private SharingLink Sharing => Domain.Sync.SharingLinks.For(course!.Key, course.SocialSharingUrl, course.MarketingUrl, SharingLinks.Settings);

    protected override async Task OnParametersSetAsync()
    {
        course = await Browser.DetailAsync(Id, await Actor.GetAsync());
        loaded = true;
    }
}
