using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Jobs;
using AdminPortal.Email;
using AdminPortal.Features.CourseReset;
using AdminPortal.Jobs;
using AdminPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

/// <summary>The reset job on real SQLite: exactly one learner's progress in one course goes, all or nothing.</summary>
[RunsOnPostgreSql]
public sealed class CourseResetJobTests : IAsyncLifetime
{
    private static readonly PortalActor Support = new("support-id", "sam@example.org", [PortalRoles.Support]);
    private readonly ManualClock clock = new(Now);
    private readonly FailingChannel channel = new();
    private PortalServices portal = default!;
    private string pickup = "";

    /// <summary>The real .eml channel, which a test can make fail to stand for a mail server that is down.</summary>
    private sealed class FailingChannel : IEmailChannel
    {
        public IEmailChannel? Inner { get; set; }
        public bool Down { get; set; }

        public string Describe => "test";

        public Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken) =>
            Down ? Task.FromResult(SendOutcome.Transient("the mail server is down")) : Inner!.SendAsync(message, cancellationToken);
    }

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<PickupDirectoryChannel>();
            services.AddSingleton<IEmailChannel>(provider =>
            {
                channel.Inner = provider.GetRequiredService<PickupDirectoryChannel>();
                return channel;
            });
        });
        pickup = Path.Combine(portal.Folder, "outbox");
        await SeedAsync(portal.Services);
        await AddProgressAsync(portal.Services, "bob", Running, 30);
        await AddProgressAsync(portal.Services, "ada", Running, 20);
        await AddProgressAsync(portal.Services, "bob", Second, 10);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task AskAsync(string learner, string course = Running) =>
        Assert.True((await portal.Get<CourseResetService>().ResetAsync(learner, new ResetRequest(course, "Retake"), Support)).Succeeded);

    private Task<JobRun> RunJobAsync() =>
        portal.Get<JobRunner>().RunAsync(portal.Get<JobCatalog>().Find(CourseResetJob.Name)!, JobStart.Cli, CancellationToken.None);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AResetDeletesExactlyThatLearnersProgressInThatCourseAndEmailsThem()
    {
        await AskAsync("bob");
        clock.Advance(TimeSpan.FromMinutes(2));

        var run = await RunJobAsync();

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Counts["completed"]);
        Assert.Equal((0, 0, 0), await ProgressAsync(portal.Services, "bob", Running));
        Assert.Equal((20, 1, 20), await ProgressAsync(portal.Services, "ada", Running));
        Assert.Equal((10, 1, 10), await ProgressAsync(portal.Services, "bob", Second));
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        var at = Now.UtcDateTime.AddMinutes(2);
        Assert.Equal((CourseResetStatus.Complete, at, at, at, null), (audit.Status, audit.StartedUtc, audit.CompletedUtc, audit.EmailedUtc, audit.EmailError));
        Assert.Contains("61 progress row(s) deleted", run.LogLines.Single().Message);
        var email = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        Assert.Contains("To: bob@example.org", email);
        Assert.Contains("Subject: The course Running course has been reset !", email);
        Assert.Contains("X-Portal-Message: courseresetcomplete", email);
    }

    [Fact]
    [SqliteOnly("injects the failure with a SQLite trigger")]
    public async Task AFailureAfterTheFirstDeleteLeavesEverythingAsItWas()
    {
        await AskAsync("bob");
        // The database refuses the second delete: the block states are already gone inside the transaction by then.
        await ExecuteAsync("CREATE TRIGGER refuse_grade_delete BEFORE DELETE ON CourseGrades BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

        var run = await RunJobAsync();

        Assert.Equal((JobRunStatus.Failed, "1 reset(s) failed; each one's reason is on the reset history page."), (run.Status, run.Error));
        Assert.Equal((30, 1, 30), await ProgressAsync(portal.Services, "bob", Running));
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((CourseResetStatus.Failed, null, null), (audit.Status, audit.CompletedUtc, audit.EmailedUtc));
        Assert.Contains("injected failure", audit.Error);
        Assert.Empty(Directory.Exists(pickup) ? Directory.GetFiles(pickup, "*.eml") : []);
        Assert.True((await portal.Get<CourseResetService>().FindAsync("bob", Support)).Rows.Single(r => r.CourseKey == Running).CanReset);
    }

    [Fact]
    [SqliteOnly("changes the grade through a SQLite connection of its own")]
    public async Task ALearnerWhoPassedSinceTheResetWasAskedForKeepsTheirProgress()
    {
        await AskAsync("bob");
        await ExecuteAsync("UPDATE CourseGrades SET PassedAtUtc = '2026-06-01 11:00:00' WHERE LearnerId = (SELECT Id FROM Learners WHERE Username = 'bob')");

        var run = await RunJobAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Equal((30, 1, 30), await ProgressAsync(portal.Services, "bob", Running));
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((CourseResetStatus.Failed, "No longer eligible since it was asked for: Learner Has Passing Grade."), (audit.Status, audit.Error));
    }

    [Fact]
    [SqliteOnly("marks the reset failed from a SQLite trigger")]
    public async Task AResetMarkedFailedWhileItRunsRollsBackItsDeletions()
    {
        await AskAsync("bob");
        // Stands for a superuser's "mark failed" landing between the job's first delete and its "complete".
        await ExecuteAsync("""
            CREATE TRIGGER mark_failed_meanwhile AFTER DELETE ON BlockStates
            BEGIN UPDATE CourseResetAudits SET Status = 'Failed' WHERE Status = 'InProgress'; END;
            """);

        var run = await RunJobAsync();

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Equal((30, 1, 30), await ProgressAsync(portal.Services, "bob", Running));
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((CourseResetStatus.Failed, "marked failed while it ran; nothing was deleted", null), (audit.Status, audit.Error, audit.CompletedUtc));
    }

    [Fact]
    public async Task AnEmailThatFailsIsRecordedAndTheResetStands()
    {
        await AskAsync("bob");
        channel.Down = true;

        var run = await RunJobAsync();

        Assert.Equal(JobRunStatus.Succeeded, run.Status);
        Assert.Equal((0, 0, 0), await ProgressAsync(portal.Services, "bob", Running));
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((CourseResetStatus.Complete, null, "the mail server is down"), (audit.Status, audit.EmailedUtc, audit.EmailError));
    }

    [Fact]
    public async Task OneRunTakesEveryEnqueuedResetOldestFirstAndSkipsOnesMarkedFailed()
    {
        await AskAsync("ada");
        clock.Advance(TimeSpan.FromSeconds(1));
        await AskAsync("bob");
        clock.Advance(TimeSpan.FromSeconds(1));
        await AskAsync("bob", Second);
        var second = (await AuditsAsync(portal.Services))[1];
        Assert.True((await portal.Get<CourseResetHistory>().MarkFailedAsync(second.Id, PortalServices.Admin)).Succeeded);

        var run = await RunJobAsync();

        Assert.Equal([CourseResetStatus.Complete, CourseResetStatus.Failed, CourseResetStatus.Complete], (await AuditsAsync(portal.Services)).Select(a => a.Status));
        Assert.Equal(2, run.Counts["completed"]);
        Assert.Equal((30, 1, 30), await ProgressAsync(portal.Services, "bob", Running));
        Assert.Equal((0, 0, 0), await ProgressAsync(portal.Services, "bob", Second));
        Assert.Equal((0, 0, 0), await ProgressAsync(portal.Services, "ada", Running));
    }

    [Fact]
    public async Task ARunWithNothingEnqueuedDoesNothing()
    {
        var run = await RunJobAsync();

        Assert.Equal((JobRunStatus.Succeeded, 0), (run.Status, run.Counts.Count));
        Assert.Equal((30, 1, 30), await ProgressAsync(portal.Services, "bob", Running));
    }
}
