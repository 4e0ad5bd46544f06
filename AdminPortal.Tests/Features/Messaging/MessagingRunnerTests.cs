using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Email;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Hosting.Processes;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>The messaging pipeline on real SQLite with .eml delivery: queuing and delivery switches, re-runs and a crash.</summary>
[RunsOnPostgreSql]
public sealed class MessagingRunnerTests : IAsyncLifetime
{
    private const string Course = "course-v1:MITx+6.00x+2026_T1";
    private static readonly DateOnly Enrolled = new(2026, 3, 2);
    private static readonly DateOnly WeekOne = Enrolled.AddDays(7);
    private readonly SqlCounter sql = new();
    private readonly SwitchableChannel channel = new();
    private PortalServices portal = default!;
    private int siteId;
    private string pickup = "";

    /// <summary>The real .eml channel, which a test can make throw for one recipient, as a channel's bug would.</summary>
    private sealed class SwitchableChannel : IEmailChannel
    {
        public IEmailChannel? Inner { get; set; }
        public string? ThrowFor { get; set; }

        public string Describe => "test";

        public Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken) =>
            message.Recipient == ThrowFor ? throw new InvalidOperationException("the channel broke") : Inner!.SendAsync(message, cancellationToken);
    }

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services =>
        {
            sql.AddTo(services);
            services.AddSingleton<PickupDirectoryChannel>();
            services.AddSingleton<IEmailChannel>(provider =>
            {
                channel.Inner = provider.GetRequiredService<PickupDirectoryChannel>();
                return channel;
            });
        });
        pickup = Path.Combine(portal.Folder, "outbox");
        siteId = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin)).Site.Id;
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true });
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task ConfigAsync(ScheduleConfig config)
    {
        var configs = portal.Get<ScheduleConfigService>();
        var current = await configs.CurrentAsync(siteId, PortalServices.Admin);
        Assert.True((await configs.SaveAsync(siteId, config, current.Value!.Version, PortalServices.Admin)).Succeeded);
    }

    private async Task EnrollAsync(int learners, string prefix = "learner")
    {
        for (var i = 0; i < learners; i++)
        {
            await portal.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent(
                $"{prefix}{i}", $"{prefix}{i}@example.org", $"<b>{prefix} {i}</b>", Course, "audit", Enrolled.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)));
        }
    }

    private Task<MessagingOutcome> RunAsync(MessageKind kind = MessageKind.CourseUpdate, DateOnly? date = null, bool dryRun = false, string? recipient = null) =>
        portal.Get<MessagingRunner>().RunAsync(new MessagingRequest(kind, date ?? WeekOne, JobStart.Cli, OverrideRecipient: recipient, DryRun: dryRun), null, CancellationToken.None);

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private int Files => Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml").Length : 0;

    [Theory]
    [InlineData(1, 1, 1, "Run date is required: a date such as 2026-12-01 (yyyy-MM-dd).")]
    [InlineData(9999, 12, 31, "Run date must be between 2000-01-01 and 2099-12-31.")]
    public async Task ARunDateOutsideTheRulesIsRefusedBeforeAnythingIsWritten(int year, int month, int day, string message)
    {
        await EnrollAsync(1);

        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => RunAsync(date: new DateOnly(year, month, day), dryRun: true));

        Assert.Equal(message, Assert.Single(refused.Errors).ErrorMessage);
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => RunAsync(date: new DateOnly(year, month, day)));
        Assert.Equal(0, await QueryAsync(db => db.MessageRuns.CountAsync()));
    }

    [Fact]
    public async Task QueuingOffSaysSoAndWritesNothing()
    {
        await EnrollAsync(3);

        var run = Assert.Single((await RunAsync()).Runs);

        Assert.Equal((MessageRunStatus.QueuingDisabled, "Message queuing disabled for site learn.example.org"), (run.Status, run.Note));
        Assert.Equal(0, await QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(MessageRunStatus.QueuingDisabled, (await QueryAsync(db => db.MessageRuns.SingleAsync())).Status);
    }

    [Fact]
    public async Task DeliveryOffQueuesButSendsNothing()
    {
        await EnrollAsync(3);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true });

        var run = Assert.Single((await RunAsync()).Runs);

        Assert.Equal((3, 3, 0, "Not delivered: delivery disabled"), (run.Queued, run.NotDelivered, run.Sent, run.Note));
        Assert.All(await QueryAsync(db => db.OutboxMessages.ToListAsync()), m => Assert.Equal(OutboxState.DeliveryDisabled, m.State));
        Assert.Equal(0, Files);
    }

    [Fact]
    public async Task ARunSendsEachMessageOnceAndARerunSendsNothingNew()
    {
        await EnrollAsync(4);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true, DeliverCourseUpdate = true });

        var first = Assert.Single((await RunAsync()).Runs);
        var again = Assert.Single((await RunAsync()).Runs);

        Assert.Equal((4, 4, 4), (first.Candidates, first.Queued, first.Sent));
        Assert.Equal((4, 0, 4, 0), (again.Candidates, again.Queued, again.AlreadyQueued, again.Sent));
        Assert.Equal(4, Files);
        var events = await QueryAsync(db => db.MessageEvents.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(4, events.Count);
        var sent = await QueryAsync(db => db.OutboxMessages.FirstAsync(m => m.Id == events[0].OutboxMessageId));
        Assert.Equal(("learn.example.org", "schedules", "courseupdate", "en", Course, 1), (events[0].Site, events[0].App, events[0].Name, events[0].Language,
            events[0].PrimaryCourseKey, events[0].CourseCount));
        Assert.Equal((sent.Uuid, first.SendUuid, OutboxState.Sent), (events[0].Uuid, events[0].SendUuid, sent.State));
        Assert.Equal([Course], events[0].CourseKeys);
    }

    [Fact]
    public async Task OneMessageTheChannelCannotSendFailsAloneAndTheOthersGo()
    {
        await EnrollAsync(3);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueRecurringNudge = true, DeliverRecurringNudge = true });
        channel.ThrowFor = "learner1@example.org";

        var run = Assert.Single((await RunAsync(MessageKind.RecurringNudge, Enrolled.AddDays(3))).Runs);
        var again = Assert.Single((await RunAsync(MessageKind.RecurringNudge, Enrolled.AddDays(3))).Runs);

        Assert.Equal((MessageRunStatus.Completed, 3, 2, 1, 0), (run.Status, run.Queued, run.Sent, run.Failed, run.Waiting));
        Assert.Equal((0, 0), (again.Sent, again.Failed));
        var failed = await QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.State == OutboxState.Failed));
        Assert.Equal(("learner1", 1, "could not be sent: the channel broke"), (failed.Username, failed.Attempts, failed.LastError));
        Assert.Equal(2, Files);
        Assert.Equal(2, await QueryAsync(db => db.MessageEvents.CountAsync()));
    }

    [Fact]
    public async Task RowsStoredBeforeInputWasCheckedNeitherInjectHeadersNorBlockOtherMessages()
    {
        await EnrollAsync(2);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueRecurringNudge = true, DeliverRecurringNudge = true });
        var injected = await QueuedRowAsync(901, "old", "old@example.org", "Keep learning in Intro\r\nBcc: everyone@example.org");
        await QueuedRowAsync(902, "bad", "not an address", "Keep learning in Intro");

        var run = Assert.Single((await RunAsync(MessageKind.RecurringNudge, Enrolled.AddDays(3))).Runs);

        Assert.Equal((MessageRunStatus.Completed, 2, 2), (run.Status, run.Queued, run.Sent));
        var bad = await QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.State == OutboxState.Failed));
        Assert.Equal("bad", bad.Username);
        Assert.StartsWith("The message cannot be written:", bad.LastError);
        Assert.Equal(1, await QueryAsync(db => db.MessageRuns.Where(r => r.Id == bad.RunId).Select(r => r.Failed).SingleAsync()));
        Assert.Equal(3, Files);
        var eml = await File.ReadAllLinesAsync(Path.Combine(pickup, $"{injected}.eml"));
        Assert.DoesNotContain(eml, line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A queued row as the portal may have stored it before input was checked (a course name with a line break).</summary>
    private async Task<Guid> QueuedRowAsync(int learnerId, string username, string recipient, string subject)
    {
        var site = new MessageSite(siteId, "learn.example.org", "Learn", ["MITx"], new HashSet<string>());
        var target = MessageTypes.TargetsFor(MessageKind.RecurringNudge, Enrolled.AddDays(3))[0];
        var course = new MessageCourseRef(1, Course, "Intro");
        var resolved = new ResolvedMessage(target, learnerId, username, recipient, null, "en", [course], [], null, null, false);
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var earlier = new MessageRun(site, MessageKind.RecurringNudge, Enrolled.AddDays(3), Guid.NewGuid(), JobStarter.Cli, null, "test", false, null,
            DateTime.UtcNow.AddDays(-1));
        db.MessageRuns.Add(earlier);
        await db.SaveChangesAsync();
        earlier.Finish(MessageRunStatus.Completed, null, DateTime.UtcNow.AddDays(-1));
        await db.SaveChangesAsync();
        var row = new OutboxMessage(resolved.Key(siteId), earlier.Id, site, resolved, recipient, new RenderedEmail(subject, "<p>hi</p>", "hi"),
            Guid.NewGuid(), Guid.NewGuid(), deliver: true, DateTime.UtcNow.AddDays(-1));
        await OutboxWriter.InsertAsync(db, [row], CancellationToken.None);
        return row.Uuid;
    }

    [Fact]
    public async Task ADryRunListsWhoWouldGetWhatAndWritesNothing()
    {
        await EnrollAsync(2);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true, DeliverCourseUpdate = true });

        var outcome = await RunAsync(dryRun: true, recipient: "qa@example.org");

        Assert.Equal(2, outcome.Preview.Count);
        Assert.All(outcome.Preview, line => Assert.Equal(("courseupdate", 1, "qa@example.org", "Welcome to week 1"), (line.Message, line.Week, line.Recipient, line.Subject)));
        Assert.Equal(0, await QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.MessageRuns.CountAsync()));
        Assert.Equal(0, Files);
    }

    [Fact]
    public async Task TheStatementsOfARunDoNotGrowWithTheLearners()
    {
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true });
        await EnrollAsync(2, "few");
        await portal.Get<ThisProcess>().OwnerIdAsync(CancellationToken.None); // a process registers once, with its first run
        sql.Reset();
        var few = Assert.Single((await RunAsync()).Runs);
        var fewStatements = sql.Count;
        await EnrollAsync(40, "many");
        sql.Reset();
        var many = Assert.Single((await RunAsync(date: WeekOne)).Runs);
        var manyStatements = sql.Count;

        Assert.Equal((2, 40), (few.Queued, many.Queued));
        Assert.Equal(fewStatements, manyStatements);
    }

    [Fact]
    public async Task TheEmailIsEncodedTrackedAndLabelled()
    {
        await EnrollAsync(1);
        await ConfigAsync(ScheduleConfig.Off with { CreateSchedules = true, EnqueueCourseUpdate = true, DeliverCourseUpdate = true });

        await RunAsync();

        var message = await QueryAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal("Welcome to week 1", message.Subject);
        Assert.Contains("Hi &lt;b&gt;learner 0&lt;/b&gt;,", message.HtmlBody);
        Assert.DoesNotContain("<b>learner 0</b>", message.HtmlBody);
        Assert.Contains("<li>Loops, and when to stop</li>", message.HtmlBody);
        Assert.Contains($"utm_source=schedules&amp;utm_medium=email&amp;utm_campaign=courseupdate&amp;utm_content={message.Uuid:D}&amp;utm_term=course-v1%3AMITx%2B6.00x%2B2026_T1", message.HtmlBody);
        Assert.Contains($"/api/messages/{message.Uuid:D}/open.gif", message.HtmlBody);
        Assert.Contains("- Variables and types", message.TextBody);
        var eml = await File.ReadAllTextAsync(Path.Combine(pickup, $"{message.Uuid}.eml"));
        Assert.Contains("X-Portal-Message: courseupdate", eml);
        Assert.Contains($"X-Portal-Message-Uuid: {message.Uuid}", eml);
        Assert.Contains($"X-Portal-Send-Uuid: {message.SendUuid}", eml);
        Assert.Contains("To: learner0@example.org", eml);
    }
}
