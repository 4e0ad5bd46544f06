using AdminPortal.Data;
using AdminPortal.Domain.Configuration;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Schedules;
using AdminPortal.Domain.UpgradeDeadlines;
using AdminPortal.Features.Configuration;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Schedules;

/// <summary>What schedule creation needs of each course, loaded in a fixed number of queries however many courses there are.</summary>
public sealed class ScheduleFacts
{
    private static readonly IReadOnlyList<string> NoHighlights = [];
    private readonly Dictionary<int, (ScheduleCourse Course, ScheduleConfig Site)> byCourse = [];

    public (ScheduleCourse Course, ScheduleConfig Site) For(int courseId) => byCourse[courseId];

    public bool Knows(int courseId) => byCourse.ContainsKey(courseId);

    /// <param name="db">Read in its transaction, if any, so a course changed in it is seen as changed.</param>
    /// <param name="courseIds">The courses to load; null for all.</param>
    public static async Task<ScheduleFacts> LoadAsync(
        PortalDbContext db, ConfigStore configs, IReadOnlyCollection<int>? courseIds, CancellationToken cancellationToken)
    {
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds == null || courseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        // Compared as stored: an empty list is the text [].
        var withHighlights = (await db.Sections.Where(s => !s.HiddenFromToc && s.Highlights != NoHighlights)
            .Select(s => s.CourseId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var global = (await configs.CurrentAsync(ConfigKind.GlobalDeadline, "", GlobalDeadlineConfig.Off, cancellationToken)).Values;
        var orgs = await configs.AllCurrentAsync<DeadlineOverride>(ConfigKind.OrgDeadline, cancellationToken);
        var courseDeadlines = await configs.AllCurrentAsync<DeadlineOverride>(ConfigKind.CourseDeadline, cancellationToken);
        var courseSchedules = await configs.AllCurrentAsync<CourseScheduleOverride>(ConfigKind.CourseSchedules, cancellationToken);
        var siteConfigs = await configs.AllCurrentAsync<ScheduleConfig>(ConfigKind.ScheduleConfig, cancellationToken);
        var facts = new ScheduleFacts();
        foreach (var course in courses)
        {
            var key = ConfigKeys.Of(course.Id);
            var decision = UpgradeDeadlinePolicy.Decide(course.Org, course.Key, global,
                orgs.GetValueOrDefault(course.Org)?.Values ?? DeadlineOverride.None,
                courseDeadlines.GetValueOrDefault(key)?.Values ?? DeadlineOverride.None);
            var site = SiteMatching.SiteOf(course.SiteId, course.Org, sites);
            var siteConfig = site is null ? ScheduleConfig.Off
                : siteConfigs.GetValueOrDefault(ConfigKeys.Of(site.Id))?.Values ?? ScheduleConfig.Off;
            facts.byCourse[course.Id] = (new ScheduleCourse(
                course.SelfPaced, course.StartUtc, courseSchedules.GetValueOrDefault(key)?.Values.CreateSchedules ?? false,
                course.HighlightsEnabled && withHighlights.Contains(course.Id), decision, course.Verified is not null, course.Verified?.ExpirationUtc),
                siteConfig);
        }
        return facts;
    }
}
