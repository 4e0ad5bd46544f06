using AdminPortal.Data;
using AdminPortal.Email;
using AdminPortal.Features.Messaging;
using AdminPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdminPortal.Tests.Features.Messaging;

/// <summary>A sender that stalls past its claim loses every row another sender took meanwhile, not only the first it looks at.</summary>
[RunsOnPostgreSql]
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero));
    private PortalServices portal = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        await MessagingWorld.QueueAsync(portal, 3, clock.GetUtcNow().UtcDateTime);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task AStalledSenderSkipsEveryRowAnotherSenderTookOver()
    {
        var contexts = portal.Get<IDbContextFactory<PortalDbContext>>();
        await using var stalledDb = await contexts.CreateDbContextAsync();
        await using var otherDb = await contexts.CreateDbContextAsync();
        var stalled = await OutboxClaim.TakeAsync(stalledDb, null, 10, Lease, clock, CancellationToken.None);
        var first = await stalled.HoldsAsync(stalled.Messages[0], CancellationToken.None);

        clock.Advance(Lease + TimeSpan.FromMinutes(1)); // the first sender stops beating, past its whole claim
        var other = await OutboxClaim.TakeAsync(otherDb, null, 10, Lease, clock, CancellationToken.None);
        var afterStall = new List<bool>();
        foreach (var message in stalled.Messages)
        {
            afterStall.Add(await stalled.HoldsAsync(message, CancellationToken.None));
        }

        Assert.True(first);
        Assert.Equal(3, other.Messages.Count);
        Assert.Equal([false, false, false], afterStall);
    }

    [Fact]
    public async Task ASenderThatLosesTheRaceForItsFirstChunkGoesOnWithTheNextOnes()
    {
        var contexts = portal.Get<IDbContextFactory<PortalDbContext>>();
        var delivery = new MessageDelivery(contexts, portal.Get<IEmailChannel>(), Options.Create(new MessageDeliveryOptions { ChunkSize = 1 }), clock,
            portal.Get<UntilDatabaseReturns>(), NullLogger<MessageDelivery>.Instance);
        await using var rivalDb = await contexts.CreateDbContextAsync();
        var firstId = await rivalDb.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();

        // Another sender is claiming the oldest row and has not committed yet: this sender picks the same row, waits for
        // the other's lock, then finds it taken.
        await using (var rival = await rivalDb.Database.BeginTransactionAsync())
        {
            await rivalDb.OutboxMessages.Where(m => m.Id == firstId).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ClaimedBy, Guid.NewGuid()).SetProperty(m => m.ClaimedUntilUtc, clock.GetUtcNow().UtcDateTime + Lease));
            var delivering = Task.Run(() => delivery.DeliverAsync(null, CancellationToken.None));
            await Task.Delay(TimeSpan.FromSeconds(1)); // this sender is waiting for the lock by now
            await rival.CommitAsync();
            var result = await delivering;

            Assert.Equal(2, result.Sent);
        }
    }
}
