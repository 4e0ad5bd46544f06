namespace AdminPortal.Domain.Metrics;

/// <summary>One course's numbers for one day.</summary>
public sealed class CourseDailyMetric
{
    private CourseDailyMetric()
    {
    }

    public CourseDailyMetric(DateOnly day, int courseId, string courseKey, string courseName, int? siteId, string site, long enrollments, long activeLearners,
        long completions, double averageProgress, DateTime computedUtc)
    {
        (Day, CourseId, CourseKey, CourseName, SiteId, Site, Enrollments, ActiveLearners, Completions, AverageProgress, ComputedUtc) =
            (day, courseId, courseKey, courseName, siteId, site, enrollments, activeLearners, completions, averageProgress, computedUtc);
    }

    public long Id { get; private set; }
    public DateOnly Day { get; private set; }
    public int CourseId { get; private set; }

    /// <summary>Kept with the numbers, so the dashboard reads the metrics tables only.</summary>
    public string CourseKey { get; private set; } = "";
    public string CourseName { get; private set; } = "";
    public int? SiteId { get; private set; }

    /// <summary>The site's domain, or <see cref="SiteDailyMetric.NoSite"/>, as the site rows name it.</summary>
    public string Site { get; private set; } = "";

    /// <summary>Active enrollments made by the end of the day, LMS staff left out.</summary>
    public long Enrollments { get; private set; }

    /// <summary>Learners whose progress in the course changed that day.</summary>
    public long ActiveLearners { get; private set; }

    /// <summary>Certificates issued by the end of the day.</summary>
    public long Completions { get; private set; }

    /// <summary>The average grade (0 to 1) of the learners with one.</summary>
    public double AverageProgress { get; private set; }
    public DateTime ComputedUtc { get; private set; }
}

/// <summary>One site's numbers for one day; courses without a site are counted under <see cref="NoSite"/>.</summary>
public sealed class SiteDailyMetric
{
    public const string NoSite = "(no site)";

    private SiteDailyMetric()
    {
    }

    public SiteDailyMetric(DateOnly day, string site, long activeLearners, long totalLearners, long courses, long enrollments, long monthlyActiveLearners, DateTime computedUtc)
    {
        (Day, Site, ActiveLearners, TotalLearners, Courses, Enrollments, MonthlyActiveLearners, ComputedUtc) =
            (day, site, activeLearners, totalLearners, courses, enrollments, monthlyActiveLearners, computedUtc);
    }

    public long Id { get; private set; }
    public DateOnly Day { get; private set; }

    /// <summary>The site's domain, or <see cref="NoSite"/>.</summary>
    public string Site { get; private set; } = "";
    public long ActiveLearners { get; private set; }
    public long TotalLearners { get; private set; }
    public long Courses { get; private set; }
    public long Enrollments { get; private set; }

    /// <summary>Learners active from the first of the month to the end of the day.</summary>
    public long MonthlyActiveLearners { get; private set; }
    public DateTime ComputedUtc { get; private set; }
}
