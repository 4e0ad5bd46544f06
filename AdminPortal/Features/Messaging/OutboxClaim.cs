using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// A sender's hold on a chunk of due outbox rows: taken in one UPDATE (so two senders, in one process or in many, never
/// take the same row), kept while the sender works (renewed when half of it has run), and finished when it stops: the
/// sent rows get their events and their runs' counts, and every row is let go, in one transaction. A claim whose sender
/// died runs out; its sent rows are finished by the next sender and its queued rows taken again.
/// </summary>
internal sealed class OutboxClaim
{
    private readonly PortalDbContext db;
    private readonly TimeProvider clock;
    private readonly TimeSpan lease;
    private DateTime renewAfterUtc;
    private HashSet<long> held;

    private OutboxClaim(PortalDbContext db, Guid id, IReadOnlyList<OutboxMessage> messages, TimeProvider clock, TimeSpan lease)
    {
        (this.db, Id, Messages, this.clock, this.lease) = (db, id, messages, clock, lease);
        renewAfterUtc = clock.GetUtcNow().UtcDateTime + lease / 2;
        held = [.. messages.Select(m => m.Id)];
    }

    public Guid Id { get; }

    public IReadOnlyList<OutboxMessage> Messages { get; }

    /// <param name="siteId">One site's rows, or every site's.</param>
    public static async Task<OutboxClaim> TakeAsync(
        PortalDbContext db, int? siteId, int size, TimeSpan lease, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + lease;
        // Oldest due first, in the order of the queued rows' own index, so the sent ones are never read.
        var due = Due(db, siteId, now).OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(size).Select(m => m.Id);
        // The outer conditions repeat the inner ones: on a server database a row claimed by another sender meanwhile is
        // checked again when its lock is released, and skipped.
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.State == OutboxState.Queued && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, id).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == id)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return new OutboxClaim(db, id, messages, clock, lease);
    }

    /// <summary>
    /// Whether rows are due that no sender holds. An empty claim alone does not say the queue is empty: on a server
    /// database two senders taking the same rows at the same moment wait for each other's lock, and the one that waited
    /// finds them taken and claims nothing.
    /// </summary>
    public static Task<bool> AnyDueAsync(PortalDbContext db, int? siteId, TimeProvider clock, CancellationToken cancellationToken) =>
        Due(db, siteId, clock.GetUtcNow().UtcDateTime).AnyAsync(cancellationToken);

    private static IQueryable<OutboxMessage> Due(PortalDbContext db, int? siteId, DateTime now) => db.OutboxMessages
        .Where(m => m.State == OutboxState.Queued && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now)
            && (siteId == null || m.SiteId == siteId));

    /// <summary>
    /// Before each send: renews the claim when half of it has run, reading back which rows it still holds, and says
    /// whether this message is one of them. A row is lost only if the sender stalled past the whole claim and another
    /// sender took it; every row lost so is skipped, not just the first.
    /// </summary>
    public async Task<bool> HoldsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now >= renewAfterUtc)
        {
            var until = now + lease;
            await db.OutboxMessages.Where(m => m.ClaimedBy == Id && m.State == OutboxState.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
            held = [.. await db.OutboxMessages.Where(m => m.ClaimedBy == Id && m.State == OutboxState.Queued).Select(m => m.Id).ToListAsync(cancellationToken)];
            renewAfterUtc = now + lease / 2;
        }
        return held.Contains(message.Id);
    }

    /// <summary>Writes the events and run counts of what this claim sent and lets go of all its rows, whatever is stopping.</summary>
    public Task FinishAsync() => FinishAsync(db, Id);

    /// <summary>Finishes the claims of senders that died (their claim ran out) after marking messages sent.</summary>
    public static async Task FinishAbandonedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = await db.OutboxMessages
            .Where(m => m.ClaimedBy != null && m.ClaimedUntilUtc < now && m.State == OutboxState.Sent)
            .Select(m => m.ClaimedBy!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var claim in abandoned)
        {
            await FinishAsync(db, claim);
        }
    }

    /// <summary>A sent-message event for each row of the claim marked sent that has none yet (the three providers' SQL).</summary>
    internal static FormattableString RecordSentEventsSql(Guid claim) => $"""
        INSERT INTO "MessageEvents" ("OutboxMessageId", "Site", "App", "Name", "Language", "Uuid", "SendUuid", "PrimaryCourseKey", "CourseKeys", "CourseCount", "AtUtc")
        SELECT m."Id", m."SiteDomain", {MessageEvent.AppLabel}, m."MessageName", m."Language", m."Uuid", m."SendUuid", m."PrimaryCourseKey", m."CourseKeys",
            m."CourseCount", m."SentUtc"
        FROM "OutboxMessages" AS m
        WHERE m."ClaimedBy" = {claim} AND m."State" = 'Sent' AND NOT EXISTS (SELECT 1 FROM "MessageEvents" AS e WHERE e."OutboxMessageId" = m."Id")
        """;

    private static async Task FinishAsync(PortalDbContext db, Guid claim)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var sent = db.OutboxMessages.Where(m => m.ClaimedBy == claim && m.State == OutboxState.Sent);
        await db.Database.ExecuteSqlInterpolatedAsync(RecordSentEventsSql(claim), CancellationToken.None);
        await db.MessageRuns.Where(r => sent.Any(m => m.RunId == r.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Sent, r => r.Sent + sent.Count(m => m.RunId == r.Id)), CancellationToken.None);
        await db.OutboxMessages.Where(m => m.ClaimedBy == claim)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
