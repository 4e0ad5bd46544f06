using AdminPortal.Data;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Enrollments;
using AdminPortal.Features.Import;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>The resolvers' reads on the real database: what a target day finds, in one statement however many learners.</summary>
[RunsOnPostgreSql]
public sealed class MessageCandidateLoaderTests : IAsyncLifetime
{
    private const string Course = "course-v1:MITx+6.00x+2026_T1";
    private static readonly DateOnly Enrolled = new(2026, 3, 2);
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;
    private MessageSite site = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(sql.AddTo);
        var created = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", null, ["MITx"]), PortalServices.Admin)).Site;
        site = new MessageSite(created.Id, created.Domain, created.Name, created.Orgs, new HashSet<string>());
        await portal.Get<ImportService>().ImportAsync(ImportKind.Courses, TestData.ImportFile("courses.csv"), "courses.csv", PortalServices.Admin);
        await portal.Get<ImportService>().ImportAsync(ImportKind.Sections, TestData.ImportFile("sections.csv"), "sections.csv", PortalServices.Admin);
        await portal.Get<ConfigStore>().SaveAsync(ConfigKind.GlobalDeadline, "", new GlobalDeadlineConfig(true, 21), 0, PortalServices.Admin);
        await portal.Get<ScheduleConfigService>().SaveAsync(created.Id, ScheduleConfig.Off with { CreateSchedules = true }, 0, PortalServices.Admin);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task EnrollAsync(int learners, string prefix, DateOnly day, string mode = "audit")
    {
        for (var i = 0; i < learners; i++)
        {
            var result = await portal.Get<EnrollmentService>().EnrollAsync(new EnrollmentEvent(
                $"{prefix}{i}", $"{prefix}{i}@example.org", $"Learner {i}", Course, mode, day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc)));
            Assert.NotNull(result.Value!.Schedule);
        }
    }

    private async Task<(IReadOnlyList<MessageCandidate> Candidates, int Statements)> LoadAsync(MessageTarget target, MessageSite? forSite = null)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var courses = await MessageCandidateLoader.CoursesAsync(db, forSite ?? site, CancellationToken.None);
        sql.Reset();
        var candidates = await MessageCandidateLoader.ForTargetAsync(db, courses, target, CancellationToken.None);
        return (candidates, sql.Count);
    }

    [Fact]
    public async Task ATargetDayFindsItsSchedulesInOneStatementHoweverManyLearners()
    {
        await EnrollAsync(5, "few", Enrolled);
        await EnrollAsync(60, "many", Enrolled.AddDays(1));
        await EnrollAsync(3, "other", Enrolled.AddDays(2));

        var (few, fewStatements) = await LoadAsync(new MessageTarget(MessageTypes.NudgeDay3, Enrolled, null));
        var (many, manyStatements) = await LoadAsync(new MessageTarget(MessageTypes.NudgeDay3, Enrolled.AddDays(1), null));

        Assert.Equal(5, few.Count);
        Assert.Equal(60, many.Count);
        Assert.Equal((1, 1), (fewStatements, manyStatements));
        var candidate = few.Single(c => c.Username == "few0");
        Assert.Equal(("few0@example.org", "Learner 0", "audit", ScheduleExperience.CourseUpdates), (candidate.Email, candidate.LearnerName, candidate.EnrollmentMode, candidate.Experience));
        Assert.Equal((Course, true, 2), (candidate.Course.Key, candidate.Course.HasVerifiedMode, candidate.Course.Sections.Count(s => s.Highlights.Count > 0)));
    }

    [Fact]
    public async Task ASiteReadsOnlyTheSchedulesOfItsOwnOrgsCourses()
    {
        await EnrollAsync(5, "mit", Enrolled);
        var harvard = new MessageSite(site.Id + 1, "harvard.example.org", "Harvard", ["HarvardX"], new HashSet<string>());
        var target = new MessageTarget(MessageTypes.NudgeDay3, Enrolled, null);

        var (theirs, theirStatements) = await LoadAsync(target, harvard);
        var (ours, _) = await LoadAsync(target);

        Assert.Empty(theirs);
        Assert.Equal(1, theirStatements);
        Assert.Equal(5, ours.Count);
    }

    [Fact]
    public async Task LoadedCandidatesResolveIntoMessages()
    {
        await EnrollAsync(4, "nudged", Enrolled);
        await EnrollAsync(2, "verified", Enrolled, mode: "verified");
        // The course sends highlights, so its schedules get course updates; an operator moves them to reminders.
        await portal.Get<ScheduleBrowser>().ApplyAsync(new ScheduleFilter(), ScheduleBulkAction.UseRecurringNudgeAndUpgradeReminder, PortalServices.Admin);
        var runDate = Enrolled.AddDays(19); // the upgrade deadline (21 days after the start) is two days later

        var reminder = MessageTypes.TargetsFor(MessageKind.UpgradeReminder, runDate).Single();
        var (candidates, _) = await LoadAsync(reminder);
        var messages = Enumerable.Range(0, MessageTypes.Bins)
            .Select(bin => MessageResolver.For(MessageKind.UpgradeReminder).Resolve(reminder, site, bin, runDate, candidates))
            .ToList();

        Assert.Equal(6, candidates.Count);
        Assert.Equal(4, messages.Sum(r => r.Messages.Count));
        Assert.Equal(2, messages.Sum(r => r.Skipped.GetValueOrDefault(MessageSkip.AlreadyVerified)));
        Assert.All(messages.SelectMany(r => r.Messages), m => Assert.StartsWith("nudged", m.Username));
    }
}
