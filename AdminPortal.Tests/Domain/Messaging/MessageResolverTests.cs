using AdminPortal.Domain.Messaging;
using AdminPortal.Domain.Schedules;

namespace AdminPortal.Tests.Domain.Messaging;

public sealed class MessageResolverTests
{
    private static readonly DateOnly RunDate = new(2026, 11, 22);
    private static readonly MessageSite Site = new(1, "learn.example.org", "Learn", ["MITx"], new HashSet<string>());
    private const ScheduleExperience Nudges = ScheduleExperience.RecurringNudgeAndUpgradeReminder;
    private const ScheduleExperience Updates = ScheduleExperience.CourseUpdates;

    private static MessageCourse Course(int id, string org = "MITx", DateTime? end = null, bool verified = true, DateTime? expires = null,
        params MessageSection[] sections) =>
        new(id, $"course-v1:{org}+C{id}+2026", $"Course {id}", org, end, verified, expires, true, sections);

    private static MessageSection Section(string title, params string[] highlights) => new(title, false, highlights);

    /// <summary>A candidate in bin 0 (learner ids are multiples of 24) whose start is <paramref name="startDay"/>.</summary>
    private static MessageCandidate Candidate(int learner, MessageCourse course, DateOnly startDay, ScheduleExperience experience = Nudges,
        DateTime? deadline = null, string mode = "audit", bool learnerActive = true, bool enrollmentActive = true, bool scheduleActive = true) =>
        new(learner * 1000L + course.Id, learner, $"user{learner}", $"user{learner}@example.org", null, "en", learnerActive, enrollmentActive, mode,
            scheduleActive, experience, startDay.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc), deadline, course);

    private static Resolution Resolve(MessageKind kind, MessageTarget target, params MessageCandidate[] candidates) =>
        MessageResolver.For(kind).Resolve(target, Site, 0, RunDate, candidates);

    private static MessageTarget Target(MessageKind kind, int index = 0) => MessageTypes.TargetsFor(kind, RunDate)[index];

    [Fact]
    public void EachKindLooksAtItsOwnDays()
    {
        Assert.Equal(
            [("recurringnudge_day3", new DateOnly(2026, 11, 19)), ("recurringnudge_day10", new DateOnly(2026, 11, 12))],
            MessageTypes.TargetsFor(MessageKind.RecurringNudge, RunDate).Select(t => (t.Type.Name, t.Day)));
        Assert.Equal(("upgradereminder", new DateOnly(2026, 11, 24)), MessageTypes.TargetsFor(MessageKind.UpgradeReminder, RunDate).Select(t => (t.Type.Name, t.Day)).Single());
        var updates = MessageTypes.TargetsFor(MessageKind.CourseUpdate, RunDate);
        Assert.Equal(Enumerable.Range(1, 10).Select(w => ((int?)w, RunDate.AddDays(-7 * w))), updates.Select(t => (t.Week, t.Day)));
        Assert.All(updates, t => Assert.Equal("courseupdate", t.Type.Name));
    }

    [Theory]
    [InlineData("recurringnudge_day3", Nudges, true)]
    [InlineData("recurringnudge_day3", Updates, true)]
    [InlineData("recurringnudge_day10", Nudges, true)]
    [InlineData("recurringnudge_day10", Updates, false)]
    [InlineData("upgradereminder", Nudges, true)]
    [InlineData("upgradereminder", Updates, false)]
    [InlineData("courseupdate", Nudges, false)]
    [InlineData("courseupdate", Updates, true)]
    public void EachTypeReachesItsExperiences(string name, ScheduleExperience experience, bool reached)
    {
        var type = MessageTypes.All.Single(t => t.Name == name);
        var target = MessageTypes.TargetsFor(type.Kind, RunDate).First(t => t.Type == type);
        var course = Course(1, sections: Section("Week 1", "Loops"));
        var candidate = Candidate(24, course, type.Date == ScheduleDate.Start ? target.Day : RunDate.AddDays(-20), experience,
            deadline: target.Day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

        var resolution = Resolve(type.Kind, target, candidate);

        Assert.Equal(reached, resolution.Messages.Count == 1);
        Assert.Equal(reached ? 0 : 1, resolution.Skipped.GetValueOrDefault(MessageSkip.OtherExperience));
    }

    [Fact]
    public void ThreeCoursesMakeOneNudgeButThreeCourseUpdates()
    {
        var courses = Enumerable.Range(1, 3).Select(id => Course(id, sections: Section("Intro", "Welcome", "Tour"))).ToList();
        var nudgeDay = Target(MessageKind.RecurringNudge).Day;
        var weekOne = Target(MessageKind.CourseUpdate);

        var nudge = Resolve(MessageKind.RecurringNudge, Target(MessageKind.RecurringNudge), courses.Select(c => Candidate(24, c, nudgeDay)).ToArray());
        var updates = Resolve(MessageKind.CourseUpdate, weekOne, courses.Select(c => Candidate(24, c, weekOne.Day, Updates)).ToArray());

        var message = Assert.Single(nudge.Messages);
        Assert.Equal([1, 2, 3], message.Courses.Select(c => c.Id));
        Assert.Equal(1, message.PrimaryCourse.Id);
        Assert.Equal(3, updates.Messages.Count);
        Assert.Equal(3, updates.Messages.Select(m => m.Key(Site.Id)).Distinct().Count());
        Assert.All(updates.Messages, m => Assert.Equal(["Welcome", "Tour"], m.Highlights));
    }

    [Fact]
    public void EveryRecipientGetsAModelOfTheirOwn()
    {
        var one = Course(1);
        var two = Course(2);
        var day = Target(MessageKind.RecurringNudge).Day;

        var resolution = Resolve(MessageKind.RecurringNudge, Target(MessageKind.RecurringNudge),
            Candidate(24, one, day), Candidate(24, two, day), Candidate(48, two, day));

        var (first, second) = (resolution.Messages[0], resolution.Messages[1]);
        Assert.Equal(("user24", "1,2"), (first.Username, string.Join(",", first.Courses.Select(c => c.Id))));
        Assert.Equal(("user48", "2"), (second.Username, string.Join(",", second.Courses.Select(c => c.Id))));
        Assert.NotSame(first.Courses, second.Courses);
    }

    [Fact]
    public void VerifiedLearnersAndCoursesThatCannotBeUpgradedGetNoReminder()
    {
        var target = Target(MessageKind.UpgradeReminder);
        var deadline = target.Day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        var open = Course(1);
        var noVerified = Course(2, verified: false);
        var expired = Course(3, expires: RunDate.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var start = RunDate.AddDays(-19);

        var resolution = Resolve(MessageKind.UpgradeReminder, target,
            Candidate(24, open, start, deadline: deadline),
            Candidate(48, open, start, deadline: deadline, mode: "verified"),
            Candidate(72, noVerified, start, deadline: deadline),
            Candidate(96, expired, start, deadline: deadline),
            Candidate(120, open, start, deadline: deadline.AddDays(1)));

        Assert.Equal([24], resolution.Messages.Select(m => m.LearnerId));
        Assert.Equal(deadline, resolution.Messages[0].UpgradeDeadlineUtc);
        Assert.Equal(4, resolution.Candidates); // the one due a day later is not a candidate of this day
        Assert.Equal(1, resolution.Skipped[MessageSkip.AlreadyVerified]);
        Assert.Equal(1, resolution.Skipped[MessageSkip.NoVerifiedMode]);
        Assert.Equal(1, resolution.Skipped[MessageSkip.UpgradeExpired]);
    }

    [Fact]
    public void ACourseThatEndedYesterdayIsLeftOutOneEndingInTwoDaysIsNot()
    {
        var day = Target(MessageKind.RecurringNudge).Day;
        var ended = Course(1, end: RunDate.AddDays(-1).ToDateTime(new TimeOnly(23, 0), DateTimeKind.Utc));
        var ending = Course(2, end: RunDate.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

        var resolution = Resolve(MessageKind.RecurringNudge, Target(MessageKind.RecurringNudge), Candidate(24, ended, day), Candidate(48, ending, day));

        Assert.Equal([48], resolution.Messages.Select(m => m.LearnerId));
        Assert.Equal(1, resolution.Skipped[MessageSkip.CourseEnded]);
    }

    [Theory]
    [InlineData(new[] { "MITx" }, new string[0], "MITx", true)]
    [InlineData(new[] { "MITx" }, new string[0], "HarvardX", false)]
    [InlineData(new[] { "MITx", "HarvardX" }, new string[0], "HarvardX", true)]
    [InlineData(new[] { "MITx", "HarvardX" }, new string[0], "BerkeleyX", false)]
    [InlineData(new string[0], new[] { "MITx" }, "BerkeleyX", true)]
    [InlineData(new string[0], new[] { "MITx" }, "MITx", false)]
    public void ASiteMessagesTheOrgsItCovers(string[] siteOrgs, string[] claimedElsewhere, string courseOrg, bool messaged)
    {
        var site = new MessageSite(1, "learn.example.org", "Learn", siteOrgs, claimedElsewhere.ToHashSet());
        var target = Target(MessageKind.RecurringNudge);

        var resolution = MessageResolver.For(MessageKind.RecurringNudge).Resolve(target, site, 0, RunDate, [Candidate(24, Course(1, courseOrg), target.Day)]);

        Assert.Equal(messaged, resolution.Messages.Count == 1);
        Assert.Equal(messaged ? 1 : 0, resolution.Candidates); // another site's course is not this site's candidate at all
    }

    [Fact]
    public void InactiveLearnersEnrollmentsAndSchedulesAreLeftOut()
    {
        var course = Course(1);
        var day = Target(MessageKind.RecurringNudge).Day;

        var resolution = Resolve(MessageKind.RecurringNudge, Target(MessageKind.RecurringNudge),
            Candidate(24, course, day, learnerActive: false),
            Candidate(48, course, day, enrollmentActive: false),
            Candidate(72, course, day, scheduleActive: false),
            Candidate(96, course, day));

        Assert.Equal([96], resolution.Messages.Select(m => m.LearnerId));
        Assert.Equal((1, 1, 1), (resolution.Skipped[MessageSkip.LearnerInactive], resolution.Skipped[MessageSkip.EnrollmentInactive],
            resolution.Skipped[MessageSkip.ScheduleInactive]));
        Assert.Equal(3, resolution.Suppressed);
    }

    [Fact]
    public void WeeksCountOnlyVisibleSectionsWithHighlightsAndStopAfterTheLast()
    {
        var course = Course(1, sections:
        [
            Section("Introduction"),
            Section("Variables", "Names", "Types"),
            new MessageSection("Secret", true, ["Hidden things"]),
            Section("Loops", "for", "while"),
        ]);

        Assert.Equal("Variables", course.SectionOfWeek(1)!.Title);
        Assert.Equal("Loops", course.SectionOfWeek(2)!.Title);
        Assert.Null(course.SectionOfWeek(3));
        Assert.Null((course with { HighlightsEnabled = false }).SectionOfWeek(1));
        var weekThree = Target(MessageKind.CourseUpdate, 2);
        var resolution = Resolve(MessageKind.CourseUpdate, weekThree, Candidate(24, course, weekThree.Day, Updates));
        Assert.Empty(resolution.Messages);
        Assert.Equal(1, resolution.NoHighlights);
        Assert.Equal(0, resolution.Suppressed);
    }

    [Fact]
    public void ABinHoldsTheLearnersWhoseIdLeavesThatRemainder()
    {
        var target = Target(MessageKind.RecurringNudge);
        var candidates = Enumerable.Range(1, 48).Select(learner => Candidate(learner, Course(1), target.Day)).ToList();

        var bins = Enumerable.Range(0, MessageTypes.Bins)
            .Select(bin => MessageResolver.For(MessageKind.RecurringNudge).Resolve(target, Site, bin, RunDate, candidates).Messages.Select(m => m.LearnerId).ToList())
            .ToList();

        Assert.All(bins, learners => Assert.Equal(2, learners.Count));
        Assert.Equal([5, 29], bins[5]);
        Assert.Equal(Enumerable.Range(1, 48), bins.SelectMany(b => b).Order());
    }

    [Fact]
    public void KeysNameSiteTypeLearnerAndDay()
    {
        var nudge = Target(MessageKind.RecurringNudge);
        var update = Target(MessageKind.CourseUpdate);

        Assert.Equal("1:recurringnudge_day3:24:2026-11-19", MessageTypes.Key(1, nudge, 24, 7));
        Assert.Equal("1:courseupdate:24:2026-11-15:7", MessageTypes.Key(1, update, 24, 7));
    }
}
