using AdminPortal.Data;
using AdminPortal.Domain.Learning;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// What the resolvers read, in statements that do not grow with the learners: the site's courses once per run, then per
/// target day one query over the day's index range of schedules of those courses, with their learners and enrollments,
/// for every bin at once. Other sites' schedules are not returned, so the rows a site's run reads are the rows it resolves.
/// </summary>
public static class MessageCandidateLoader
{
    /// <summary>The courses of the site's orgs with their verified mode and sections: three statements, whatever the number of learners.</summary>
    public static async Task<IReadOnlyDictionary<int, MessageCourse>> CoursesAsync(PortalDbContext db, MessageSite site, CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().IgnoreAutoIncludes()
            .Select(c => new { c.Id, c.Key, c.DisplayName, c.Org, c.EndUtc, c.HighlightsEnabled, c.Language }).ToListAsync(cancellationToken);
        var verified = await db.CourseModes.AsNoTracking().Where(m => m.Slug == Course.VerifiedMode)
            .Select(m => new { m.CourseId, m.ExpirationUtc }).ToDictionaryAsync(m => m.CourseId, m => m.ExpirationUtc, cancellationToken);
        var sections = (await db.Sections.AsNoTracking().OrderBy(s => s.CourseId).ThenBy(s => s.Position)
                .Select(s => new { s.CourseId, s.Title, s.HiddenFromToc, s.Highlights }).ToListAsync(cancellationToken))
            .ToLookup(s => s.CourseId, s => new MessageSection(s.Title, s.HiddenFromToc, s.Highlights));
        return courses.Where(c => site.Covers(c.Org)).ToDictionary(c => c.Id, c => new MessageCourse(
            c.Id, c.Key, c.DisplayName, c.Org, c.EndUtc, verified.ContainsKey(c.Id), verified.GetValueOrDefault(c.Id), c.HighlightsEnabled,
            sections[c.Id].ToList(), c.Language));
    }

    /// <summary>
    /// The schedules in <paramref name="courses"/> (the site's) whose start (or upgrade deadline) falls on the target day,
    /// of every bin: one statement.
    /// </summary>
    public static async Task<IReadOnlyList<MessageCandidate>> ForTargetAsync(
        PortalDbContext db, IReadOnlyDictionary<int, MessageCourse> courses, MessageTarget target, CancellationToken cancellationToken)
    {
        var from = target.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = from.AddDays(1);
        var courseIds = courses.Keys.ToList();
        // A day of starts is read from the (CourseId, StartUtc) index: the site's own courses' rows of that day and no
        // other. A day of upgrade deadlines has no such index; "+ 0" keeps SQLite on the deadline's index range, where
        // given the bare column it walked the (CourseId, StartUtc) index over every schedule of the site's courses
        // (66 s instead of 0.2 s for the upgrade reminders of 1,000,000 schedules). A server database plans from its statistics.
        var schedules = db.Schedules.AsNoTracking();
        schedules = target.Type.Date == ScheduleDate.Start
            ? schedules.Where(s => courseIds.Contains(s.CourseId) && s.StartUtc >= from && s.StartUtc < to)
            : db.Provider() == DatabaseProvider.Sqlite
                ? schedules.Where(s => courseIds.Contains(s.CourseId + 0) && s.UpgradeDeadlineUtc >= from && s.UpgradeDeadlineUtc < to)
                : schedules.Where(s => courseIds.Contains(s.CourseId) && s.UpgradeDeadlineUtc >= from && s.UpgradeDeadlineUtc < to);
        var rows = await (
                from s in schedules
                join e in db.Enrollments on s.EnrollmentId equals e.Id
                join l in db.Learners on s.LearnerId equals l.Id
                select new
                {
                    s.Id, s.LearnerId, l.Username, l.Email, l.Name, l.Language, LearnerActive = l.IsActive, EnrollmentActive = e.IsActive, e.Mode,
                    ScheduleActive = s.IsActive, s.Experience, s.StartUtc, s.UpgradeDeadlineUtc, s.CourseId,
                })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MessageCandidate(
            r.Id, r.LearnerId, r.Username, r.Email, r.Name.Length == 0 ? null : r.Name, r.Language ?? courses[r.CourseId].Language, r.LearnerActive, r.EnrollmentActive, r.Mode,
            r.ScheduleActive, r.Experience, r.StartUtc, r.UpgradeDeadlineUtc, courses[r.CourseId])).ToList();
    }
}
