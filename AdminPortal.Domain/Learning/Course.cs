using AdminPortal.Domain.Text;

namespace AdminPortal.Domain.Learning;

/// <summary>A course run of the platform, as the LMS publishes it.</summary>
public sealed class Course
{
    public const string VerifiedMode = "verified";

    private readonly List<CourseMode> modes = [];

    private Course()
    {
    }

    public Course(CourseKey key, string displayName, DateTime startUtc)
    {
        Key = key.ToString();
        Org = key.Org;
        Number = key.Number;
        Run = key.Run;
        Rename(displayName);
        Reschedule(startUtc, null);
    }

    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Org { get; private set; } = "";
    public string Number { get; private set; } = "";
    public string Run { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public int? SiteId { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime? EndUtc { get; private set; }
    public bool SelfPaced { get; private set; }
    public string Language { get; private set; } = "en";
    public string? MarketingUrl { get; private set; }
    public string? SocialSharingUrl { get; private set; }
    public bool FinancialAidEnabled { get; private set; }
    public bool HighlightsEnabled { get; private set; }
    public IReadOnlyCollection<CourseMode> Modes => modes;

    public CourseMode? Verified => modes.FirstOrDefault(m => m.Slug == VerifiedMode);

    public bool HasStarted(DateTime nowUtc) => StartUtc <= nowUtc;

    public bool HasEnded(DateTime nowUtc) => EndUtc is { } end && end <= nowUtc;

    public void Rename(string displayName)
    {
        displayName = displayName.Trim();
        DisplayName = displayName.Length is > 0 and <= 255
            ? ControlCharacters.Refuse(displayName, "A course name")
            : throw new DomainException("A course name has 1 to 255 characters.");
    }

    public void Reschedule(DateTime startUtc, DateTime? endUtc)
    {
        if (endUtc is { } end && end <= startUtc)
        {
            throw new DomainException("A course must end after it starts.");
        }
        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    public void Publish(int? siteId, bool selfPaced, string language)
    {
        SiteId = siteId;
        SelfPaced = selfPaced;
        Language = LanguageCode.Valid(language);
    }

    public void SetLinks(string? marketingUrl, string? socialSharingUrl)
    {
        MarketingUrl = WebAddress.ValidOrNull(marketingUrl, "marketing URL");
        SocialSharingUrl = WebAddress.ValidOrNull(socialSharingUrl, "social-sharing URL");
    }

    public void SetFinancialAid(bool enabled) => FinancialAidEnabled = enabled;

    public void SetHighlightsEnabled(bool enabled) => HighlightsEnabled = enabled;

    /// <summary>Replaces the modes; a mode keeps its row when only its expiration changes.</summary>
    public void SetModes(IEnumerable<(string Slug, DateTime? ExpirationUtc)> wanted)
    {
        var list = wanted.Select(m => (Slug: CourseMode.ValidSlug(m.Slug), m.ExpirationUtc)).ToList();
        if (list.GroupBy(m => m.Slug).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"The mode '{twice.Key}' is listed twice.");
        }
        modes.RemoveAll(m => list.All(w => w.Slug != m.Slug));
        foreach (var (slug, expiration) in list)
        {
            if (modes.FirstOrDefault(m => m.Slug == slug) is { } existing)
            {
                existing.ExpireAt(expiration);
            }
            else
            {
                modes.Add(new CourseMode(slug, expiration));
            }
        }
    }
}
