using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>One site and course whose learners, enrolled the same day, are due their week-1 course update on <see cref="WeekOne"/>.</summary>
internal static class MessagingWorld
{
    public const string Course = "course-v1:MITx+6.00x+2026_T1";
    public static readonly DateOnly Enrolled = new(2026, 3, 2);
    public static readonly DateOnly WeekOne = Enrolled.AddDays(7);

    public static async Task SeedAsync(PortalServices context, int learners)
    {
        var siteId = (await context.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin)).Site.Id;
        await context.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await context.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        var configs = context.Get<ScheduleConfigService>();
        var current = await configs.CurrentAsync(siteId, PortalServices.Admin);
        var config = ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true, DeliverCourseUpdate = true };
        Assert.True((await configs.SaveAsync(siteId, config, current.Value!.Version, PortalServices.Admin)).Succeeded);
        for (var i = 0; i < learners; i++)
        {
            await context.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent(
                $"learner{i}", $"learner{i}@example.org", $"Learner {i}", Course, "audit", Enrolled.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)));
        }
    }

    public static Task<MessagingOutcome> RunAsync(PortalServices context) =>
        context.Get<MessagingRunner>().RunAsync(new MessagingRequest(MessageKind.CourseUpdate, WeekOne, JobStart.Cli, Weeks: 1), null, CancellationToken.None);
}
