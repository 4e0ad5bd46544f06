using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>A run of nudges with <paramref name="messages"/> rows queued straight into the outbox, due at <paramref name="nowUtc"/>: delivery alone, with no schedules behind them.</summary>
    public static async Task QueueAsync(PortalServices context, int messages, DateTime nowUtc)
    {
        var site = new MessageSite(1, "learn.example.org", "Learn", [], new HashSet<string>());
        var day = DateOnly.FromDateTime(nowUtc);
        await using var db = await context.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var run = new MessageRun(site, MessageKind.RecurringNudge, day, Guid.NewGuid(), JobStarter.Cli, null, "test", false, null, nowUtc);
        db.MessageRuns.Add(run);
        await db.SaveChangesAsync();
        var target = MessageTypes.TargetsFor(MessageKind.RecurringNudge, day)[0];
        var rows = Enumerable.Range(1, messages).Select(i =>
        {
            var message = new ResolvedMessage(target, i, $"learner{i}", $"learner{i}@example.org", null, "en",
                [new MessageCourseRef(1, "course-v1:MITx+6.00x+2026_T1", "Intro")], [], null, null, false);
            return new OutboxMessage(message.Key(1), run.Id, site, message, message.Email, new RenderedEmail("s", "h", "t"), Guid.NewGuid(), run.SendUuid,
                deliver: true, nowUtc);
        }).ToList();
        await OutboxWriter.InsertAsync(db, rows, CancellationToken.None);
    }

    public static Task<MessagingOutcome> RunAsync(PortalServices context) =>
        context.Get<MessagingRunner>().RunAsync(new MessagingRequest(MessageKind.CourseUpdate, WeekOne, JobStart.Cli, Weeks: 1), null, CancellationToken.None);
}
