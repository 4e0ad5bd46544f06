using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
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

/// <summary>
/// Each email exactly once, counted by Message-ID at a real SMTP server: two processes sending one site at once, and a
/// sender killed between the server's acceptance of a message and its mark.
/// </summary>
[StartsEarly]
[RunsOnPostgreSql]
public sealed class DeliveryAcrossProcessesTests : IAsyncLifetime
{
    private const string Site = "learn.example.org";
    private static readonly DateOnly Enrolled = new(2026, 3, 2);
    private static readonly DateOnly RunDate = Enrolled.AddDays(3);
    private readonly TestDirectory directory = TestDirectory.CreateMigrated("delivery-processes");
    private SmtpTestServer smtp = default!;

    public async Task InitializeAsync()
    {
        smtp = new SmtpTestServer(directory.Path);
        await smtp.StartAsync();
    }

    public Task DisposeAsync()
    {
        smtp.Dispose();
        directory.Dispose();
        return Task.CompletedTask;
    }

    private (string Key, string? Value)[] Smtp => [("Email:Smtp:Host", "127.0.0.1"), ("Email:Smtp:Port", smtp.Port.ToString())];

    private Task<PortalServices> ProcessAsync(Action<IServiceCollection>? services = null) => PortalServices.StartOnAsync(directory, services, Smtp);

    private async Task SeedAsync(int learners)
    {
        await using var portal = await ProcessAsync();
        var site = (await portal.Get<SiteService>().SetAsync(new SiteRequest(Site, null, ["MITx"]), PortalServices.Admin)).Site.Id;
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ScheduleConfigService>().SaveAsync(site,
            ScheduleConfig.Off with { CreateSchedules = true, EnqueueRecurringNudge = true, DeliverRecurringNudge = true }, 0, PortalServices.Admin);
        for (var i = 0; i < learners; i++)
        {
            await portal.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent($"learner{i}", $"learner{i}@example.org", null,
                "course-v1:MITx+6.00x+2026_T1", "audit", Enrolled.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)));
        }
    }

    private static async Task<T> QueryAsync<T>(PortalServices portal, Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    private static Task<MessagingOutcome> NudgeAsync(PortalServices portal) =>
        portal.Get<MessagingRunner>().RunAsync(new MessagingRequest(MessageKind.RecurringNudge, RunDate, JobStart.Cli, Site), null, CancellationToken.None);

    [Fact]
    public async Task TwoProcessesSendingOneSiteAtOnceSendEachMessageOnce()
    {
        await SeedAsync(learners: 120);
        await using var first = await ProcessAsync();
        await using var second = await ProcessAsync();

        var outcomes = await Task.WhenAll(Task.Run(() => NudgeAsync(first)), Task.Run(() => NudgeAsync(second)));

        var copies = smtp.CopiesByMessageId();
        Assert.Equal(120, copies.Count);
        Assert.All(copies, copy => Assert.Equal(1, copy.Value));
        Assert.Equal(120, await QueryAsync(first, db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent)));
        Assert.Equal(120, await QueryAsync(first, db => db.MessageEvents.CountAsync()));
        var runs = outcomes.SelectMany(o => o.Runs).ToList();
        Assert.Equal(120, runs.Sum(r => r.Queued));
        // Each message counts on the run that queued it, whichever process sent it.
        Assert.Equal(120, await QueryAsync(first, db => db.MessageRuns.SumAsync(r => r.Sent)));
    }

    /// <summary>
    /// Killed after the server accepted the fifth message, before its mark: with one message at a time that one alone goes
    /// twice; with four at once, at most the four the sender had with the server. Nothing is lost either way.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task ASenderKilledAfterTheServerAcceptedAMessageResendsAtMostTheOnesItHadInFlight(int concurrency)
    {
        await SeedAsync(learners: 12);

        var exitCode = await RunKilledCommandAsync(killAfterAccepted: 5, concurrency);

        Assert.Equal(137, exitCode); // SIGKILL
        var accepted = smtp.Received.Count;
        Assert.InRange(accepted, 5, 5 + concurrency - 1);
        var clock = new ManualClock(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(6)); // the dead sender's claim has run out
        await using var portal = await ProcessAsync(services => services.AddSingleton<TimeProvider>(clock));
        var marked = await QueryAsync(portal, db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent));
        Assert.InRange(accepted - marked, 1, concurrency);
        if (concurrency == 1)
        {
            Assert.Equal((5, 4), (accepted, marked));
        }
        var delivery = await portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(MessageDeliveryJob.Name)!, JobStart.Cli, CancellationToken.None);
        await portal.Get<OrphanedWorkSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(12 - marked, delivery.Counts["sent"]);
        var copies = smtp.CopiesByMessageId();
        Assert.Equal(12, copies.Count);
        Assert.Equal(accepted - marked, copies.Values.Count(c => c == 2));
        Assert.Equal(12 - (accepted - marked), copies.Values.Count(c => c == 1));
        Assert.Equal(12, await QueryAsync(portal, db => db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent)));
        Assert.Equal(12, await QueryAsync(portal, db => db.MessageEvents.CountAsync()));
        var run = await QueryAsync(portal, db => db.MessageRuns.SingleAsync());
        Assert.Equal((MessageRunStatus.Failed, MessageRunRecovery.Interrupted, 12, 12), (run.Status, run.Note, run.Queued, run.Sent));
    }

    /// <summary>The portal's own executable, as an operator runs it, with the crash-test hook set.</summary>
    private async Task<int> RunKilledCommandAsync(int killAfterAccepted, int concurrency)
    {
        var (exitCode, _, error) = await PortalExecutable.RunAsync(directory,
            [.. Smtp, ("Messaging:Delivery:KillAfterAccepted", killAfterAccepted.ToString()), ("Messaging:Delivery:Concurrency", concurrency.ToString())],
            "send-recurring-nudge", Site, "--date", RunDate.ToString("yyyy-MM-dd"));
        Assert.True(exitCode == 137, $"the command exited with {exitCode}: {error}");
        return exitCode;
    }
}
