using AdminPortal.Data;
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
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>Delivery through a real SMTP server that is down at first: nothing is lost, and it all goes once the server is back.</summary>
[RunsOnPostgreSql]
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private static readonly DateOnly Enrolled = new(2026, 3, 2);
    private readonly TestDirectory folder = TestDirectory.CreateMigrated("smtp");
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero));
    private SmtpTestServer smtp = default!;
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        smtp = new SmtpTestServer(folder.Path);
        portal = await PortalServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock),
            ("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", smtp.Port.ToString()), ("Email:Smtp:TimeoutSeconds", "5"));
        var site = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin)).Site.Id;
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        await portal.Get<ScheduleConfigService>().SaveAsync(site,
            ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true, DeliverCourseUpdate = true }, 0, PortalServices.Admin);
        foreach (var name in new[] { "ada", "bob" })
        {
            await portal.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent(name, $"{name}@example.org", null, "course-v1:MITx+6.00x+2026_T1", "audit",
                Enrolled.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)));
        }
    }

    public async Task DisposeAsync()
    {
        smtp.Dispose();
        await portal.DisposeAsync();
        folder.Dispose();
    }

    private Task<AdminPortal.Domain.Jobs.JobRun> DeliveryJobAsync() =>
        portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(MessageDeliveryJob.Name)!, JobStart.Cli, CancellationToken.None);

    private async Task<MessageRun> StoredRunAsync(long id)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.MessageRuns.SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task MessagesWaitWhileTheServerIsDownAndTheDeliveryJobSendsThemOnceOnTime()
    {
        var down = Assert.Single((await portal.Get<MessagingRunner>().RunAsync(
            new MessagingRequest(MessageKind.CourseUpdate, Enrolled.AddDays(7), JobStart.Cli), null, CancellationToken.None)).Runs);
        List<OutboxMessage> waiting;
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            waiting = await db.OutboxMessages.ToListAsync();
        }

        await smtp.StartAsync();
        var tooSoon = await DeliveryJobAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var onTime = await DeliveryJobAsync();
        var again = await DeliveryJobAsync();

        Assert.Equal((2, 0, 0, 2), (down.Queued, down.Sent, down.Failed, down.Waiting));
        Assert.Equal("completed, 2 waiting for retry", MessagingJob.StatusText(down));
        Assert.All(waiting, m => Assert.Equal((OutboxState.Queued, 1, Enrolled.AddDays(7).ToDateTime(new TimeOnly(8, 2))), (m.State, m.Attempts, m.NextAttemptUtc)));
        Assert.All(waiting, m => Assert.NotNull(m.LastError));
        Assert.Equal(0, tooSoon.Counts["sent"]); // the next attempt is due two minutes after the first
        Assert.Equal(2, onTime.Counts["sent"]);
        Assert.Equal(0, again.Counts["sent"]);
        var received = smtp.Received;
        Assert.Equal(2, received.Count);
        Assert.All(smtp.CopiesByMessageId().Values, copies => Assert.Equal(1, copies));
        Assert.All(received, mail => Assert.Contains("X-Portal-Message: courseupdate", mail));
        Assert.Contains(received, mail => mail.Contains("To: ada@example.org"));
        var after = await StoredRunAsync(down.Id);
        Assert.Equal((2, 0, "completed"), (after.Sent, after.Waiting, MessagingJob.StatusText(after)));
    }

    [Fact]
    public async Task TheDeliveryJobKeepsOnlyTheRunsThatDidSomething()
    {
        var idle = await DeliveryJobAsync();

        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(AdminPortal.Domain.Jobs.JobRunStatus.Succeeded, idle.Status);
        Assert.False(await db.JobRuns.AnyAsync(r => r.JobName == MessageDeliveryJob.Name));
    }
}
