using AdminPortal.Data;
using AdminPortal.Domain.Jobs;
using AdminPortal.Domain.Messaging;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>A bin written to the outbox: new rows with their bodies, rows queued before left as they were, every value as stored.</summary>
[RunsOnPostgreSql]
public sealed class OutboxWriterTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 9, 8, 15, 30, DateTimeKind.Utc);
    private static readonly MessageSite Site = new(1, "learn.example.org", "Learn", [], new HashSet<string>());
    private PortalServices portal = default!;

    public async Task InitializeAsync() => portal = await PortalServices.StartAsync();

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<MessageRun> RunAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var run = new MessageRun(Site, MessageKind.CourseUpdate, DateOnly.FromDateTime(Now), Guid.NewGuid(), JobStarter.Cli, null, "test", false, null, Now);
        db.MessageRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static OutboxMessage Message(MessageRun run, int learner, string body)
    {
        var target = MessageTypes.TargetsFor(MessageKind.CourseUpdate, DateOnly.FromDateTime(Now))[0];
        var message = new ResolvedMessage(target, learner, $"learner{learner}", $"learner{learner}@example.org", null, "fr",
            [new MessageCourseRef(1, "course-v1:MITx+6.00x+2026_T1", "Intro"), new MessageCourseRef(2, "course-v1:MITx+7.00x+2026_T1", "Biology")],
            [], null, null, false);
        return new OutboxMessage(message.Key(Site.Id), run.Id, Site, message, message.Email,
            new RenderedEmail($"Week 1, learner {learner}", $"<p>{body} ü “quoted” & <b>bold</b></p>", $"{body} text"), Guid.NewGuid(), run.SendUuid,
            deliver: true, Now);
    }

    private async Task<int> WriteAsync(IReadOnlyList<OutboxMessage> messages)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await OutboxWriter.InsertAsync(db, messages, CancellationToken.None);
    }

    [Fact]
    public async Task ABinWithRowsQueuedBeforeWritesOnlyTheNewOnesEachWithItsOwnBody()
    {
        var first = await RunAsync();
        Assert.Equal(2, await WriteAsync([Message(first, 1, "first run"), Message(first, 3, "first run")]));
        var second = await RunAsync();
        var again = Enumerable.Range(1, 4).Select(learner => Message(second, learner, $"second run {learner}")).ToList();

        var written = await WriteAsync(again);

        Assert.Equal(2, written);
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.OutboxMessages.OrderBy(m => m.LearnerId).ToListAsync();
        Assert.Equal([(1, first.Id), (2, second.Id), (3, first.Id), (4, second.Id)], stored.Select(m => (m.LearnerId, m.RunId)));
        Assert.Equal(["first run text", "second run 2 text", "first run text", "second run 4 text"], stored.Select(m => m.TextBody));
        Assert.Equal("<p>second run 2 ü “quoted” & <b>bold</b></p>", stored[1].HtmlBody);
    }

    [Fact]
    public async Task EveryValueIsStoredAsTheModelReadsIt()
    {
        var run = await RunAsync();
        var message = Message(run, 7, "values");

        await WriteAsync([message]);

        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.OutboxMessages.SingleAsync();
        Assert.Equal(
            (message.Key, message.RunId, message.SiteId, message.SiteDomain, message.MessageName, message.TargetDay, message.Week, message.LearnerId,
                message.Username, message.Recipient, message.Language, message.PrimaryCourseKey, message.CourseCount),
            (stored.Key, stored.RunId, stored.SiteId, stored.SiteDomain, stored.MessageName, stored.TargetDay, stored.Week, stored.LearnerId,
                stored.Username, stored.Recipient, stored.Language, stored.PrimaryCourseKey, stored.CourseCount));
        Assert.Equal(message.CourseKeys, stored.CourseKeys);
        Assert.Equal((message.Uuid, message.SendUuid, message.Subject, OutboxState.Queued, 0, (string?)null),
            (stored.Uuid, stored.SendUuid, stored.Subject, stored.State, stored.Attempts, stored.LastError));
        Assert.Equal((Now, Now, (DateTime?)null), (stored.CreatedUtc, stored.NextAttemptUtc, stored.SentUtc));
        // The uuid is found by the model's own comparison (the column's stored form), as delivery and tracking look it up.
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Uuid == message.Uuid && m.CreatedUtc == Now));
    }
}
