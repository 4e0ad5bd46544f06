using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.CourseReset;
using AdminPortal.Domain.Learning;
using AdminPortal.Features.Configuration;
using AdminPortal.Features.Schedules;
using Bogus;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.DemoData;

public sealed record DemoDataResult(
    int Sites, int Courses, int Sections, long Learners, long Enrollments, long ProgressRows, long Schedules, TimeSpan Duration)
{
    public override string ToString() =>
        $"{Sites} sites, {Courses} courses, {Sections} sections, {Learners} learners, {Enrollments} enrollments, " +
        $"{ProgressRows} progress rows, {Schedules} schedules in {Duration.TotalSeconds:0.0} s";
}

/// <summary>
/// Fills an empty portal with a realistic platform. The catalog goes through the domain types and EF; the population
/// (up to millions of rows) through the provider's bulk path (<see cref="BulkTable"/>), in a <see cref="BulkLoad"/> that
/// may commit every <see cref="LearnersPerCommit"/> learners.
/// </summary>
public sealed partial class DemoDataSeeder(
    IDbContextFactory<PortalDbContext> contexts,
    PortalDatabase database,
    ConfigStore configs,
    BulkSchedules schedules,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const int MaxLearners = 5_000_000;
    private const int LearnersPerCommit = 50_000;

    /// <summary>How many learners' rows are held in memory before they are written.</summary>
    private const int LearnersPerWrite = 5_000;

    private static readonly string[] PopulationTables =
        ["Learners", "Enrollments", "CourseGrades", "Certificates", "BlockStates", "BlockCompletions", "Schedules", "ScheduleSkips"];

    /// <param name="today">The day the data is built around (courses running, enrollments of the past year); today by
    /// default. The same seed and day give the same data.</param>
    public async Task<DemoDataResult> SeedAsync(int learners, int seed, PortalActor actor, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default, DateOnly? today = null)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        if (learners is < 1 or > MaxLearners)
        {
            throw new DomainException($"Seed between 1 and {MaxLearners:N0} learners, not {learners:N0}.");
        }
        var watch = Stopwatch.StartNew();
        var day = (today ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var (sites, courses, sections) = await SeedCatalogAsync(new Faker { Random = new Randomizer(seed) }, day, cancellationToken);
        progress?.Report($"Catalog: {sites} sites, {courses.Count} courses, {sections} sections.");
        await DemoScheduleSettings.SaveAsync(configs, courses, actor, cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var load = BulkLoad.Begin(connection, PopulationTables);
        var (enrollments, progressRows) = await Task.Run(() => SeedPopulation(new DemoPopulation(seed, day, courses), courses, learners, load, progress, cancellationToken), cancellationToken);
        // Every demo enrollment gets its schedule decision, with the hold-back draws the seed gives.
        var created = await schedules.DecideNewAsync(connection, load.Transaction, 0, cancellationToken, new SeededRandomSource(seed));
        progress?.Report($"Schedules: {created.Created:N0} created, {created.Skipped:N0} enrollments without one ({created.HeldBack:N0} held back).");
        if (load.RebuildsOnComplete)
        {
            progress?.Report("Indexes and foreign keys: making them again over every row.");
        }
        await Task.Run(load.Complete, cancellationToken);
        var result = new DemoDataResult(sites, courses.Count, sections, learners, enrollments, progressRows, created.Created, watch.Elapsed);
        logger.LogInformation("{Actor} seeded demo data (seed {Seed}): {Result}", actor.Name, seed, result);
        return result;
    }

    private async Task<(int Sites, List<Course> Courses, int Sections)> SeedCatalogAsync(Faker faker, DateTime today, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Learners.AnyAsync(cancellationToken) || await db.Courses.AnyAsync(cancellationToken))
        {
            throw new DomainException("The portal already has courses or learners: demo data goes into an empty database " +
                "(point ConnectionStrings:Portal at a new file).");
        }
        var siteIds = new Dictionary<string, Site>();
        foreach (var (domain, name, orgs) in DemoCatalog.Sites)
        {
            siteIds[domain] = await db.Sites.SingleOrDefaultAsync(s => s.Domain == domain, cancellationToken)
                ?? db.Sites.Add(new Site(domain, name, orgs)).Entity;
        }
        await db.SaveChangesAsync(cancellationToken);
        var demo = DemoCatalog.Courses(faker, today);
        foreach (var item in demo)
        {
            item.Course.Publish(item.SiteDomain is null ? null : siteIds[item.SiteDomain].Id, item.Course.SelfPaced, item.Course.Language);
            db.Courses.Add(item.Course);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var item in demo)
        {
            foreach (var s in item.Sections)
            {
                var section = new Section(item.Course.Id, s.BlockId, s.Position, s.Title, s.Hidden);
                section.SetHighlights(s.Highlights);
                db.Sections.Add(section);
            }
        }
        await AssignAuthorsAsync(db, demo.Where(d => d.Course.HighlightsEnabled).Select(d => d.Course.Id).Take(3).ToList(), cancellationToken);
        // Support's reset tab has work: every other course running today is opted in to course reset, the rest are not.
        db.CourseResetOptIns.AddRange(demo.Select(d => d.Course).Where(c => c.HasStarted(today) && !c.HasEnded(today))
            .Where((_, index) => index % 2 == 0).Select(c => new CourseResetOptIn(c.Id, "demo data", today)));
        await db.SaveChangesAsync(cancellationToken);
        return (siteIds.Count, demo.Select(d => d.Course).ToList(), demo.Sum(d => d.Sections.Count));
    }

    /// <summary>Every course-author account gets three courses with highlights, so the highlights editor has work.</summary>
    private static async Task AssignAuthorsAsync(PortalDbContext db, List<int> courseIds, CancellationToken cancellationToken)
    {
        var authors = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == PortalRoles.CourseAuthor
            select user.Id).ToListAsync(cancellationToken);
        db.CourseAssignments.AddRange(authors.SelectMany(author => courseIds.Select(course => new CourseAssignment(author, course))));
    }
}
