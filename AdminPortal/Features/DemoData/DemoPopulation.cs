using AdminPortal.Domain.Learning;
using Bogus;

namespace AdminPortal.Features.DemoData;

/// <summary>One generated learner with their enrollments and progress, produced one at a time so memory stays flat.</summary>
public sealed record DemoLearner(
    int Id, string Username, string Email, string Name, bool Active, bool Staff, bool Superuser, DateTime Joined, DateTime? LastLogin,
    string Language, IReadOnlyList<DemoEnrollment> Enrollments);

public sealed record DemoEnrollment(
    int CourseIndex, string Mode, bool Active, DateTime Created, double? Grade, DateTime? PassedAt, int BlocksTouched, DateTime LastActivity);

/// <summary>Learners, about two enrollments each, and progress for a share of them; deterministic for a seed and day.</summary>
public sealed class DemoPopulation(int seed, DateTime today, IReadOnlyList<Course> courses)
{
    private static readonly string[] Domains = ["example.org", "mail.example.com", "learners.example.net"];
    private static readonly string[] Languages = ["en", "en", "en", "en", "fr", "es", "pt-br"];

    public IEnumerable<DemoLearner> Generate(int count)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var random = new Random(seed);
        var enrollable = Enumerable.Range(0, courses.Count).Where(i => courses[i].StartUtc <= today || random.Next(3) == 0).ToArray();
        for (var id = 1; id <= count; id++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            // The id makes usernames and emails unique without a set of all the names so far.
            var username = $"{Slug(first)}.{Slug(last)}{id}";
            var joined = today.AddDays(-random.Next(1, 730)).AddMinutes(random.Next(0, 1440));
            var lastLogin = random.NextDouble() < 0.7 ? today.AddDays(-random.Next(0, 60)).AddMinutes(random.Next(0, 1440)) : (DateTime?)null;
            yield return new DemoLearner(id, username, $"{username}@{Domains[id % Domains.Length]}", $"{first} {last}",
                Active: random.NextDouble() >= 0.03, Staff: random.NextDouble() < 0.01, Superuser: random.NextDouble() < 0.001,
                joined, lastLogin is { } login && login < joined ? joined : lastLogin, Languages[random.Next(Languages.Length)],
                Enrollments(random, enrollable, joined));
        }
    }

    private List<DemoEnrollment> Enrollments(Random random, int[] enrollable, DateTime joined)
    {
        var count = random.Next(0, 5);
        var chosen = new HashSet<int>();
        var enrollments = new List<DemoEnrollment>(count);
        while (chosen.Count < Math.Min(count, enrollable.Length))
        {
            var index = enrollable[random.Next(enrollable.Length)];
            if (!chosen.Add(index))
            {
                continue;
            }
            var course = courses[index];
            var earliest = Max(joined, today.AddDays(-365));
            var created = earliest.AddMinutes(random.NextDouble() * (today - earliest).TotalMinutes);
            var mode = course.Verified is not null && random.NextDouble() < 0.2 ? Course.VerifiedMode : "audit";
            var studying = course.HasStarted(today) && random.NextDouble() < 0.4;
            var grade = studying ? Math.Round(random.NextDouble(), 2) : (double?)null;
            var passedAt = grade >= 0.7 ? Max(created, course.StartUtc).AddDays(random.Next(20, 90)) : (DateTime?)null;
            enrollments.Add(new DemoEnrollment(index, mode, Active: random.NextDouble() >= 0.05, created, grade,
                passedAt is { } passed && passed < today ? passed : null, studying ? random.Next(1, 4) : 0,
                created.AddDays(random.Next(0, Math.Max(1, (int)(today - created).TotalDays)))));
        }
        return enrollments;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static string Slug(string name) => new(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
