using AdminPortal.Api;
using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

[RunsOnPostgreSql]
public sealed class CourseResetServiceTests : IAsyncLifetime
{
    private static readonly PortalActor Support = new("support-id", "sam@example.org", [PortalRoles.Support]);
    private readonly ManualClock clock = new(Now);
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;

    private CourseResetService Resets => portal.Get<CourseResetService>();

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            sql.AddTo(services);
        });
        await SeedAsync(portal.Services);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private Task<ServiceResult<ResetRow>> ResetAsync(string learner, string? course, string? reason = "Failed after a long illness") =>
        Resets.ResetAsync(learner, new ResetRequest(course, reason), Support);

    [Fact]
    public async Task TheLearnersRowsAreTheirActiveEnrollmentsInActiveOptInsInOrder()
    {
        await AddProgressAsync(portal.Services, "ada", Second, 2, passing: true);

        var lookup = await Resets.FindAsync("ADA@example.org", Support);

        Assert.Equal("ada", lookup.Learner?.Username);
        Assert.Equal([(Ended, "Course Ended", false), (Future, "Course Not Started", false), (Running, "Available", true), (Second, "Learner Has Passing Grade", false)],
            lookup.Rows.Select(r => (r.CourseKey, r.Status, r.CanReset)));
        Assert.Empty((await Resets.FindAsync("cy", Support)).Rows);
    }

    [Fact]
    public async Task AUsernameThatLooksLikeAnotherLearnersEmailFindsItsOwner()
    {
        await using (var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Learners.Add(new Learner("bob@example.org", "robert@example.org", "Robert", Now.UtcDateTime));
            await db.SaveChangesAsync();
        }

        Assert.Equal("bob@example.org", (await Resets.FindAsync("bob@example.org", Support)).Learner?.Username);
        Assert.Equal("bob", (await Resets.FindAsync("bob", Support)).Learner?.Username);
        Assert.Equal("Learner is not enrolled in course", Assert.Single((await ResetAsync("bob@example.org", Running)).Errors).Message);
    }

    [Fact]
    public async Task AnUnknownLearnerGivesNoLearnerAndNoRows()
    {
        var lookup = await Resets.FindAsync(" nobody@example.org ", Support);

        Assert.Equal(("nobody@example.org", null, 0), (lookup.Query, lookup.Learner, lookup.Rows.Count));
    }

    [Fact]
    public async Task AResetIsAuditedAsEnqueuedAndBlocksASecondOne()
    {
        var first = await ResetAsync("bob", Running, "  Retake: failed after illness  ");
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ResetAsync("bob@example.org", Running);

        Assert.Equal("Enqueued - Created 2026-06-01 12:00 UTC by sam@example.org", first.Value?.Status);
        Assert.False(first.Value!.CanReset);
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((CourseResetStatus.Enqueued, "sam@example.org", "Retake: failed after illness", Now.UtcDateTime, null),
            (audit.Status, audit.RequestedBy, audit.Reason, audit.CreatedUtc, audit.CompletedUtc));
        Assert.Equal(new ServiceError(ErrorKind.Invalid, "course_id", "Cannot reset course: Enqueued - Created 2026-06-01 12:00 UTC by sam@example.org"),
            Assert.Single(second.Errors));
    }

    [Fact]
    public async Task TwoAgentsAtTheSameMomentGetOneReset()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => ResetAsync("bob", Running))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith("Cannot reset course: Enqueued - Created", r.Errors[0].Message));
        Assert.Single(await AuditsAsync(portal.Services));
    }

    [Fact]
    public async Task AFailedResetMakesTheCourseAvailableAgainAndARetryIsANewAudit()
    {
        await ResetAsync("bob", Running);
        var stuck = Assert.Single(await AuditsAsync(portal.Services));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await portal.Get<CourseResetHistory>().MarkFailedAsync(stuck.Id, PortalServices.Admin)).Succeeded);

        var row = (await Resets.FindAsync("bob", Support)).Rows.Single(r => r.CourseKey == Running);
        clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await ResetAsync("bob", Running);

        Assert.Equal(("Failed on 2026-06-01 12:05 UTC", true), (row.Status, row.CanReset));
        Assert.True(retry.Succeeded);
        Assert.Equal([CourseResetStatus.Failed, CourseResetStatus.Enqueued], (await AuditsAsync(portal.Services)).Select(a => a.Status));
        Assert.StartsWith("Enqueued - Created 2026-06-01 12:06 UTC", (await Resets.FindAsync("bob", Support)).Rows.Single(r => r.CourseKey == Running).Status);
    }

    [Theory]
    [InlineData(null, "course_id", "Must specify course id")]
    [InlineData("", "course_id", "Must specify course id")]
    [InlineData("MITx/Run/2026", "course_id", "'MITx/Run/2026' is not a course key")]
    public async Task ABadCourseIdIsRefusedAndNothingIsWritten(string? course, string field, string message)
    {
        var result = await ResetAsync("bob", course);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorKind.Invalid, field), (error.Kind, error.Field));
        Assert.StartsWith(message, error.Message);
        Assert.Empty(await AuditsAsync(portal.Services));
    }

    [Fact]
    public async Task AReasonIsRequiredAndAtMost255Characters()
    {
        var missing = await ResetAsync("bob", Running, " ");
        var tooLong = await ResetAsync("bob", Running, new string('r', 256));

        Assert.Equal(new ServiceError(ErrorKind.Invalid, "comment", "This field is required."), Assert.Single(missing.Errors));
        Assert.Equal(new ServiceError(ErrorKind.Invalid, "comment", "A reason has at most 255 characters; this one has 256."), Assert.Single(tooLong.Errors));
        Assert.Empty(await AuditsAsync(portal.Services));
    }

    [Theory]
    [InlineData("nobody", Running, ErrorKind.NotFound, "User does not exist")]
    [InlineData("ada", NotOptedIn, ErrorKind.NotFound, "Course is not eligible")]
    [InlineData("ada", SwitchedOff, ErrorKind.NotFound, "Course is not eligible")]
    [InlineData("ada", "course-v1:MITx+Unknown+2026", ErrorKind.NotFound, "Course is not eligible")]
    [InlineData("cy", Running, ErrorKind.NotFound, "Learner is not enrolled in course")]
    [InlineData("bob", Future, ErrorKind.NotFound, "Learner is not enrolled in course")]
    [InlineData("ada", Ended, ErrorKind.Invalid, "Cannot reset course: Course Ended")]
    [InlineData("ada", Future, ErrorKind.Invalid, "Cannot reset course: Course Not Started")]
    public async Task EachRefusalSaysWhy(string learner, string course, ErrorKind kind, string message)
    {
        var error = Assert.Single((await ResetAsync(learner, course)).Errors);

        Assert.Equal((kind, message), (error.Kind, error.Message));
        Assert.Empty(await AuditsAsync(portal.Services));
    }

    [Theory]
    [InlineData(PortalRoles.Staff)]
    [InlineData(PortalRoles.CourseAuthor)]
    public async Task OnlySupportAndSuperusersMayLookUpOrReset(string role)
    {
        var actor = new PortalActor("x", "someone", [role]);

        await Assert.ThrowsAsync<PortalForbiddenException>(() => Resets.FindAsync("bob", actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => Resets.ResetAsync("bob", new ResetRequest(Running, "why"), actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => portal.Get<CourseResetHistory>().ListAsync(new(), new(0, 10), actor));
        Assert.True((await Resets.FindAsync("bob", new PortalActor("y", "boss", [PortalRoles.Superuser]))).Rows.Count == 2);
    }

    [Fact]
    public async Task OnlySuperusersMarkAResetFailedAndOnlyAStuckOne()
    {
        await ResetAsync("bob", Running);
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        var history = portal.Get<CourseResetHistory>();

        await Assert.ThrowsAsync<PortalForbiddenException>(() => history.MarkFailedAsync(audit.Id, Support));
        Assert.True((await history.MarkFailedAsync(audit.Id, PortalServices.Admin)).Succeeded);
        var again = await history.MarkFailedAsync(audit.Id, PortalServices.Admin);

        Assert.Equal("This reset's status is Failed: only an enqueued or in-progress reset can be marked failed.", Assert.Single(again.Errors).Message);
        Assert.Equal("marked failed by test", (await AuditsAsync(portal.Services)).Single().Error);
    }

    [Fact]
    public async Task TheHistoryFiltersByStatusLearnerCourseAndDay()
    {
        await ResetAsync("bob", Running);
        clock.Advance(TimeSpan.FromDays(1));
        await ResetAsync("ada", Running);
        var history = portal.Get<CourseResetHistory>();

        Task<IEnumerable<string>> Find(ResetHistoryFilter filter) =>
            history.ListAsync(filter, new(0, 50), Support).ContinueWith(t => t.Result.Items.Select(r => r.Username));

        Assert.Equal(["ada", "bob"], await Find(new()));
        Assert.Equal(["bob"], await Find(new(Learner: "BO")));
        Assert.Equal(["ada"], await Find(new(From: new DateOnly(2026, 6, 2))));
        Assert.Equal(["bob"], await Find(new(To: new DateOnly(2026, 6, 1))));
        Assert.Equal(["ada", "bob"], await Find(new(Course: "running")));
        Assert.Empty(await Find(new(Status: CourseResetStatus.Complete)));
    }

    [Fact]
    public async Task TheTabResetsTheRowItShowsByItsIdsInFourStatements()
    {
        var lookup = await Resets.FindAsync("bob", Support);
        var row = lookup.Rows.Single(r => r.CourseKey == Running);
        sql.Reset();

        var result = await Resets.ResetAsync(new ResetOrder(lookup.Learner!.Id, row.CourseId, " Retake "), Support);

        // The enrollment's facts, the latest reset, the reset's insert, and the requester's email (a person's is looked up).
        Assert.Equal(4, sql.Count);
        Assert.Equal("Enqueued - Created 2026-06-01 12:00 UTC by sam@example.org", result.Value?.Status);
        var audit = Assert.Single(await AuditsAsync(portal.Services));
        Assert.Equal((lookup.Learner.Id, row.CourseId, "Retake"), (audit.LearnerId, audit.CourseId, audit.Reason));
    }

    [Fact]
    public async Task TheTabsResetSaysWhyWhenTheRowNoLongerHolds()
    {
        var lookup = await Resets.FindAsync("ada", Support);
        var ended = lookup.Rows.Single(r => r.CourseKey == Ended);

        var refused = await Resets.ResetAsync(new ResetOrder(lookup.Learner!.Id, ended.CourseId, "Retake"), Support);
        var noReason = await Resets.ResetAsync(new ResetOrder(lookup.Learner.Id, ended.CourseId, " "), Support);

        Assert.Equal(new ServiceError(ErrorKind.Invalid, "course_id", "Cannot reset course: Course Ended"), Assert.Single(refused.Errors));
        Assert.Equal(("reason", "This field is required."), (Assert.Single(noReason.Errors).Field, noReason.Errors[0].Message));
        Assert.Empty(await AuditsAsync(portal.Services));
    }
}
