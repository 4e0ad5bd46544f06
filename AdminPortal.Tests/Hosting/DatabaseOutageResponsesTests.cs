using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AdminPortal.Data;
using AdminPortal.Domain.Integration;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Email;
using AdminPortal.Features.Messaging;
using AdminPortal.Jobs;
using AdminPortal.Tests.Features.Messaging;
using AdminPortal.Features.Jobs;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Import;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Tests.Hosting;

/// <summary>The PostgreSQL server stopped for ten seconds under an enrollment burst, a signed-in person's page and a job run.</summary>
[StartsEarly]
public sealed class DatabaseOutageResponsesTests
{
    private const string Course = "course-v1:MITx+6.00x+2026_T1";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WhileTheServerIsDownTheApiAnswers503AndPagesSaySoAndAfterItReturnsAllWorksWithNothingAcknowledgedLost()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var directory = TestDirectory.Create("outage");
        await using var portal = new PortalWebFactory(directory, TestJobs.Register,
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:Portal", cluster.ConnectionString("portal")));
        await portal.Services.GetRequiredService<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, []), PortalServices.Admin);
        Assert.True((await portal.Services.GetRequiredService<ImportService>().ImportAsync(
            ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin)).Succeeded);
        var key = await portal.Services.CreateApiKeyAsync(ApiScope.Enrollments);
        var email = TestAccounts.UniqueEmail("superuser");
        await portal.Services.CreateAccountAsync(email, PortalRoles.Superuser);
        var person = portal.CreateBrowserlikeClient();
        await person.SignInAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);

        var answers = new ConcurrentQueue<(TimeSpan At, HttpStatusCode Status, string? RetryAfter, string Username)>();
        var clock = Stopwatch.StartNew();
        using var stopBurst = new CancellationTokenSource();
        var burst = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var client = portal.CreateClient().WithApiKey(key);
            while (!stopBurst.IsCancellationRequested)
            {
                var username = "u" + Guid.NewGuid().ToString("N")[..12];
                var response = await client.PostJsonAsync("/api/enrollments",
                    $$"""{"username": "{{username}}", "email": "{{username}}@example.org", "name": "Test", "course_key": "{{Course}}", "mode": "audit", "created": "2026-01-10T12:00:00Z"}""");
                answers.Enqueue((clock.Elapsed, response.StatusCode, response.Headers.RetryAfter?.ToString(), username));
                // A steady stream rather than as fast as the CPU allows; after a refusal an LMS would wait the Retry-After,
                // a quarter of a second keeps the test short.
                await Task.Delay(response.StatusCode == HttpStatusCode.OK ? 50 : 250);
            }
        })).ToArray();

        await portal.Services.GetRequiredService<JobsService>().RunNowAsync(SlowJob.Name, PortalServices.Admin);
        await Eventually.WaitForAsync(async () => (await portal.Services.AllAsync(SlowJob.Name)).SingleOrDefault(), "the slow job's run");
        await WaitUntilAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= 10, "enrollments acknowledged before the outage");
        await cluster.StopAsync();
        var stopped = clock.Elapsed;
        // The job ends while the database is away: its end is recorded once the database is back, not lost.
        portal.Services.GetRequiredService<JobProbe>().Release.SetResult();
        var page = await person.GetAsync("/");
        var pageText = await page.Content.ReadAsStringAsync();
        await Task.Delay(Outage - (clock.Elapsed - stopped));
        await cluster.StartAgainAsync();
        var restarted = clock.Elapsed;
        await WaitUntilAsync(() => answers.Count(a => a.At > restarted && a.Status == HttpStatusCode.OK) >= 10,
            "enrollments acknowledged after the server returned");
        await stopBurst.CancelAsync();
        await Task.WhenAll(burst);
        var run = await portal.Services.WaitForFinishedRunAsync(SlowJob.Name);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("The database is unavailable", pageText);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);
        // Every answer was an acknowledgement or a 503 that says when to retry; no 500, no request left hanging.
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK || (a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter == "10"),
            $"{a.Status} (Retry-After {a.RetryAfter}) at {a.At}"));
        Assert.Contains(answers, a => a.At > stopped && a.At < restarted && a.Status == HttpStatusCode.ServiceUnavailable);
        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Username).ToList();
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Enrollments.CountAsync(e => db.Learners.Any(l => l.Id == e.LearnerId && acknowledged.Contains(l.Username)));
        Assert.Equal(acknowledged.Count, stored);
        Assert.Equal(JobRunStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task AMessagingRunWhoseDatabaseGoesAwayFailsWithTheReasonAndWhatItQueuedIsSentAfterwardsWithNoneLost()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        using var directory = TestDirectory.Create("outage-messaging");
        var channel = new GatedChannel(stopAt: 5);
        await using var portal = await PortalServices.StartOnAsync(directory, services => services.AddSingleton<IEmailChannel>(channel),
            ("Database:Provider", "PostgreSql"), ("ConnectionStrings:Portal", cluster.ConnectionString("portal")),
            // One message with the channel at a time: the one the outage catches is then the only one sent and unmarked.
            ("Messaging:Delivery:Concurrency", "1"));
        await MessagingWorld.SeedAsync(portal, learners: 12);
        var clock = Stopwatch.StartNew();

        var run = Task.Run(() => MessagingWorld.RunAsync(portal));
        await channel.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cluster.StopAsync();
        var stopped = clock.Elapsed;
        // The fifth message goes out while the database is away: its mark cannot be written.
        channel.Release.SetResult();
        await Task.Delay(Outage - (clock.Elapsed - stopped));
        await cluster.StartAgainAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => run);
        var delivery = await portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(MessageDeliveryJob.Name)!, JobStart.Cli, CancellationToken.None);

        Assert.True(DatabaseErrors.IsUnavailable(failure), failure.ToString());
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var messageRun = await db.MessageRuns.AsNoTracking().SingleAsync();
        Assert.Equal(MessageRunStatus.Failed, messageRun.Status);
        Assert.StartsWith("the database was unavailable", messageRun.Note);
        // Every queued message went, and is marked so, once the database returned; the one sent during the outage went
        // twice (its mark was lost with the connection), which its Message-ID lets a receiving server drop.
        Assert.Equal(12, messageRun.Queued);
        Assert.Equal(12, await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent));
        Assert.Equal(12, await db.MessageEvents.CountAsync());
        Assert.Equal(12, messageRun.Sent);
        Assert.Equal((JobRunStatus.Succeeded, 8L), (delivery.Status, delivery.Counts["sent"]));
        Assert.Equal(12, channel.Sent.Distinct().Count());
        Assert.Equal(13, channel.Sent.Count);
    }

    /// <summary>Accepts every message; at the <c>stopAt</c>-th it says so and waits for the test before accepting it.</summary>
    private sealed class GatedChannel(int stopAt) : IEmailChannel
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<Guid> Sent { get; } = new();

        public string Describe => "a test channel";

        public async Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
        {
            if (Sent.Count + 1 == stopAt && !Reached.Task.IsCompleted)
            {
                Reached.SetResult();
                await Release.Task;
            }
            Sent.Enqueue(message.Uuid);
            return SendOutcome.Sent;
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Eventually.WaitForAsync(() => Task.FromResult(condition() ? what : null), what, timeoutSeconds: 30);
}
