using System.Collections.Concurrent;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Email;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>A sender keeps several messages with the channel at once, never more than its concurrency, and marks every one the channel answered.</summary>
[RunsOnPostgreSql]
public sealed class MessageDeliveryTests : IAsyncLifetime
{
    private const int Messages = 10;
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await MessagingWorld.QueueAsync(portal, Messages, DateTime.UtcNow);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private MessageDelivery Delivery(IEmailChannel channel, int concurrency) => new(portal.Get<IDbContextFactory<PortalDbContext>>(), channel,
        Options.Create(new MessageDeliveryOptions { Concurrency = concurrency }), TimeProvider.System, portal.Get<UntilDatabaseReturns>(),
        NullLogger<MessageDelivery>.Instance);

    private async Task<(int Sent, int Failed, int Events)> StoredAsync()
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent), await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Failed),
            await db.MessageEvents.CountAsync());
    }

    [Fact]
    public async Task ASenderHasAtMostItsConcurrencyWithTheChannelAndMarksEachOneSent()
    {
        var channel = new SlowChannel();

        var result = await Delivery(channel, concurrency: 3).DeliverAsync(null, CancellationToken.None);

        Assert.Equal(3, channel.MostAtOnce);
        Assert.Equal(new DeliveryResult(Messages, 0, 0), result);
        Assert.Equal(Messages, channel.Sent.Distinct().Count());
        Assert.Equal((Messages, 0, Messages), await StoredAsync());
    }

    [Fact]
    public async Task WithAConcurrencyOfOneMessagesGoOneAtATime()
    {
        var channel = new SlowChannel();

        await Delivery(channel, concurrency: 1).DeliverAsync(null, CancellationToken.None);

        Assert.Equal(1, channel.MostAtOnce);
        Assert.Equal((Messages, 0, Messages), await StoredAsync());
    }

    [Fact]
    public async Task AMessageRefusedAmongOthersSentAtOnceFailsAlone()
    {
        var channel = new SlowChannel(refuse: "learner4@example.org");

        var result = await Delivery(channel, concurrency: 4).DeliverAsync(null, CancellationToken.None);

        Assert.Equal(new DeliveryResult(Messages - 1, 0, 1), result);
        Assert.Equal((Messages - 1, 1, Messages - 1), await StoredAsync());
    }

    [Fact]
    public async Task WhenTheSenderIsStoppedEveryMessageTheChannelTookIsStillMarked()
    {
        using var stopping = new CancellationTokenSource();
        var channel = new SlowChannel(onSend: count =>
        {
            if (count == 4)
            {
                stopping.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Delivery(channel, concurrency: 4).DeliverAsync(null, stopping.Token));

        var (sent, _, events) = await StoredAsync();
        Assert.InRange(channel.Sent.Count, 4, Messages - 1);
        Assert.Equal(channel.Sent.Count, sent);
        Assert.Equal(sent, events);
    }

    [Fact]
    public async Task AMessageAnotherSenderTookOverWhileItWasBeingSentIsNotMarkedByThisOne()
    {
        var contexts = portal.Get<IDbContextFactory<PortalDbContext>>();
        var other = Guid.NewGuid();
        long first;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            first = await db.OutboxMessages.MinAsync(m => m.Id); // one at a time, the oldest goes first
        }
        var channel = new SlowChannel(onSend: count =>
        {
            if (count == 1)
            {
                // This sender stalled past its claim: another took the message over while it was being sent.
                using var db = contexts.CreateDbContext();
                db.OutboxMessages.Where(m => m.Id == first).ExecuteUpdate(u => u.SetProperty(m => m.ClaimedBy, other));
            }
        });

        var result = await Delivery(channel, concurrency: 1).DeliverAsync(null, CancellationToken.None);

        Assert.Equal(new DeliveryResult(Messages - 1, 0, 0), result);
        await using var check = await contexts.CreateDbContextAsync();
        var taken = await check.OutboxMessages.SingleAsync(m => m.Id == first);
        Assert.Equal((OutboxState.Queued, (DateTime?)null, (Guid?)other), (taken.State, taken.SentUtc, taken.ClaimedBy));
        Assert.Equal((Messages - 1, 0, Messages - 1), await StoredAsync());
    }

    /// <summary>
    /// Answers come back on the thread pool while the sender is marking the ones before them. Each must be marked exactly
    /// once: an answer that arrived between the sender's look at what was answered and its taking those off its list was
    /// once dropped unmarked, so its message was claimed and sent again (a few times in a hundred passes of 120 messages).
    /// </summary>
    [Fact]
    public async Task EveryAnswerIsMarkedOnceHoweverTheAnswersInterleaveWithTheMarks()
    {
        const int many = 600;
        await MessagingWorld.QueueAsync(portal, many, DateTime.UtcNow);
        var channel = new InstantChannel();

        var result = await Delivery(channel, concurrency: 8).DeliverAsync(null, CancellationToken.None);

        Assert.Equal(many, channel.Copies.Count);
        Assert.All(channel.Copies, copies => Assert.Equal(1, copies.Value));
        Assert.Equal(new DeliveryResult(many, 0, 0), result);
        Assert.Equal((many, 0, many), await StoredAsync());
    }

    /// <summary>Answers on the thread pool after a few microseconds, a varying number, counting the copies of each message.</summary>
    private sealed class InstantChannel : IEmailChannel
    {
        public ConcurrentDictionary<Guid, int> Copies { get; } = new();

        public string Describe => "an instant channel";

        public async Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Thread.SpinWait(Random.Shared.Next(0, 4000));
            Copies.AddOrUpdate(message.Uuid, 1, (_, copies) => copies + 1);
            return SendOutcome.Sent;
        }
    }

    /// <summary>Takes 30 ms per message, counting how many it holds at once; refuses one address for good if asked.</summary>
    private sealed class SlowChannel(string? refuse = null, Action<int>? onSend = null) : IEmailChannel
    {
        private int atOnce;

        public ConcurrentQueue<Guid> Sent { get; } = new();

        public int MostAtOnce { get; private set; }

        public string Describe => "a slow channel";

        public async Task<SendOutcome> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Interlocked.Increment(ref atOnce);
            lock (this)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }
            try
            {
                await Task.Delay(30, CancellationToken.None);
                if (message.Recipient == refuse)
                {
                    return SendOutcome.Permanent("550 no such mailbox");
                }
                Sent.Enqueue(message.Uuid);
                onSend?.Invoke(Sent.Count);
                return SendOutcome.Sent;
            }
            finally
            {
                Interlocked.Decrement(ref atOnce);
            }
        }
    }
}
