using AdminPortal.Domain.Messaging;

namespace AdminPortal.Tests.Domain.Messaging;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage Message(bool deliver = true)
    {
        var target = MessageTypes.TargetsFor(MessageKind.RecurringNudge, new DateOnly(2026, 11, 22))[0];
        var courses = Enumerable.Range(1, 12).Select(i => new MessageCourseRef(i, $"course-v1:MITx+C{i}+2026", $"Course {i}")).ToList();
        var resolved = new ResolvedMessage(target, 24, "ada", "ada@example.org", null, "en", courses, [], null, null, false);
        var site = new MessageSite(1, "learn.example.org", "Learn", [], new HashSet<string>());
        return new OutboxMessage(resolved.Key(1), 7, site, resolved, "ada@example.org", new RenderedEmail("s", "h", "t"), Guid.NewGuid(), Guid.NewGuid(), deliver, Now);
    }

    [Fact]
    public void ItKeepsTheFirstTenCoursesAndCountsThemAll()
    {
        var message = Message();

        Assert.Equal(10, message.CourseKeys.Count);
        Assert.Equal(12, message.CourseCount);
        Assert.Equal("course-v1:MITx+C1+2026", message.PrimaryCourseKey);
        Assert.Equal(OutboxState.Queued, message.State);
        Assert.Equal(OutboxState.DeliveryDisabled, Message(deliver: false).State);
    }

    [Fact]
    public void FailedAttemptsBackOffThenFailForGood()
    {
        var message = Message();
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            message.MarkFailed("421 try later", permanent: false, Now);
            waits.Add(message.NextAttemptUtc - Now);
        }
        message.MarkFailed("421 try later", permanent: false, Now);

        Assert.Equal([2, 4, 8, 16], waits.Select(w => w.TotalMinutes));
        Assert.Equal((OutboxState.Failed, 5, "421 try later"), (message.State, message.Attempts, message.LastError));
    }

    [Fact]
    public void APermanentErrorFailsAtOnce()
    {
        var message = Message();

        message.MarkFailed("550 no such mailbox", permanent: true, Now);

        Assert.Equal((OutboxState.Failed, 1), (message.State, message.Attempts));
    }
}
