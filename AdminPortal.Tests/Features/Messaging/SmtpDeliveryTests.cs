using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>Delivery through a real SMTP server that is down at first: nothing is lost, and it all goes once the server is back.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private static readonly DateOnly Enrolled = new(2026, 3, 2);
    private readonly TestDirectory folder = TestDirectory.Create("smtp");
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

    [Fact]
    public async Task MessagesWaitWhileTheServerIsDownAndGoOnceItIsBack()
    {
        var down = Assert.Single((await portal.Get<MessagingRunner>().RunAsync(
            new MessagingRequest(MessageKind.CourseUpdate, Enrolled.AddDays(7), "test"), null, CancellationToken.None)).Runs);
        List<OutboxMessage> waiting;
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            waiting = await db.OutboxMessages.ToListAsync();
        }

        await smtp.StartAsync();
        var tooSoon = await portal.Get<MessageDelivery>().DeliverAsync(null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(3));
        var back = await portal.Get<MessageDelivery>().DeliverAsync(null, CancellationToken.None);
        var again = await portal.Get<MessageDelivery>().DeliverAsync(null, CancellationToken.None);

        Assert.Equal((2, 0, 0), (down.Queued, down.Sent, down.Failed));
        Assert.All(waiting, m => Assert.Equal((OutboxState.Queued, 1), (m.State, m.Attempts)));
        Assert.All(waiting, m => Assert.NotNull(m.LastError));
        Assert.Equal(0, tooSoon.Sent); // the next attempt is due two minutes after the first
        Assert.Equal(2, back.Sent);
        Assert.Equal(0, again.Sent);
        var received = smtp.Received;
        Assert.Equal(2, received.Count);
        Assert.All(received, mail => Assert.Contains("X-Portal-Message: courseupdate", mail));
        Assert.Contains(received, mail => mail.Contains("To: ada@example.org"));
    }
}
