using AdminPortal.Domain.Learning;
using Bogus;

namespace AdminPortal.Features.DemoData;

/// <summary>The demo platform's sites and courses: every case the features must handle, the same for a given seed and day.</summary>
public static class DemoCatalog
{
    public static readonly (string Domain, string Name, string[] Orgs)[] Sites =
    [
        ("learn.example.org", "Example Learning", []),
        ("mitx.example.org", "MITx on Example", ["MITx"]),
        ("partners.example.org", "Partner Universities", ["HarvardX", "BerkeleyX"]),
    ];

    private static readonly string[] Orgs = ["MITx", "HarvardX", "BerkeleyX", "DemoX", "OpenU"];
    private static readonly string[] Subjects =
        ["Computer Science", "Data Science", "Physics", "Statistics", "Economics", "Biology", "Philosophy", "Music Theory",
         "Machine Learning", "Climate Science", "Public Health", "Linear Algebra"];

    public sealed record DemoCourse(Course Course, string? SiteDomain, IReadOnlyList<DemoSection> Sections);

    public sealed record DemoSection(string BlockId, int Position, string Title, bool Hidden, IReadOnlyList<string> Highlights);

    /// <summary>About 40 courses: self-paced and instructor-paced, running, not started and ended, with and without a
    /// verified mode (some expired), with highlights on about half.</summary>
    public static IReadOnlyList<DemoCourse> Courses(Faker faker, DateTime today)
    {
        var courses = new List<DemoCourse>();
        for (var i = 0; i < 40; i++)
        {
            var org = Orgs[i % Orgs.Length];
            var subject = Subjects[i % Subjects.Length];
            var number = $"{subject.Split(' ')[0][..3].ToUpperInvariant()}{101 + i}x";
            var start = (i % 10) switch
            {
                0 => today.AddDays(faker.Random.Int(5, 60)),        // not started yet
                1 => today.AddDays(-faker.Random.Int(400, 700)),    // long ended
                _ => today.AddDays(-faker.Random.Int(10, 330)),
            };
            var course = new Course(new CourseKey(org, number, $"{start.Year}_T{1 + (start.Month - 1) / 4}"),
                $"{faker.PickRandom("Introduction to", "Foundations of", "Advanced", "Practical", "Principles of")} {subject}", start);
            course.Reschedule(start, i % 10 == 1 ? start.AddDays(120) : i % 3 == 0 ? start.AddDays(faker.Random.Int(200, 500)) : null);
            course.Publish(null, selfPaced: i % 4 != 3, language: i % 9 == 4 ? "fr" : "en");
            var verified = i % 5 != 2;
            course.SetModes(verified
                ? [("audit", null), (Course.VerifiedMode, i % 7 == 5 ? today.AddDays(-5) : start.AddDays(faker.Random.Int(120, 420)))]
                : [("audit", null)]);
            course.SetLinks(i % 2 == 0 ? $"https://www.example.org/course/{org.ToLowerInvariant()}-{number.ToLowerInvariant()}" : null, null);
            course.SetFinancialAid(verified && i % 3 == 0);
            course.SetHighlightsEnabled(i % 2 == 0);
            courses.Add(new DemoCourse(course, SiteFor(org), DemoSections(faker, course, withHighlights: i % 2 == 0)));
        }
        return courses;
    }

    private static string? SiteFor(string org) => Sites.FirstOrDefault(s => s.Orgs.Contains(org)).Domain ?? Sites[0].Domain;

    private static List<DemoSection> DemoSections(Faker faker, Course course, bool withHighlights)
    {
        var count = faker.Random.Int(6, 12);
        var sections = new List<DemoSection>();
        for (var position = 1; position <= count; position++)
        {
            // Every third section has no highlights, so week numbering must skip it.
            var highlights = withHighlights && position % 3 != 0
                ? Enumerable.Range(0, faker.Random.Int(1, Section.MaxHighlights))
                    .Select(_ => Truncate(faker.Lorem.Sentence(faker.Random.Int(5, 14)), Section.MaxHighlightLength)).ToList()
                : [];
            sections.Add(new DemoSection($"block-v1:{course.Org}+{course.Number}+{course.Run}+type@chapter+block@week{position}", position,
                $"Week {position}: {faker.Hacker.IngVerb()} {faker.Hacker.Noun()}", position == count && count > 8, highlights));
        }
        return sections;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
