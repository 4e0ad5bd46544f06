using System.Net.Mail;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

public sealed record DeliveryResult(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends queued outbox rows that are due, a chunk at a time: each chunk's sent rows are marked and their events written in
/// two statements. A failed attempt is tried again later with a growing delay, and fails for good after the last try.
/// One delivery at a time per process, so two runs never send the same row.
/// </summary>
public sealed class MessageDelivery(IDbContextFactory<PortalDbContext> contexts, IEmailChannel channel, TimeProvider clock, ILogger<MessageDelivery> logger)
{
    private const int Chunk = 100;
    private readonly SemaphoreSlim single = new(1, 1);

    public string Channel => channel.Describe;

    public async Task<DeliveryResult> DeliverAsync(int? siteId, CancellationToken cancellationToken)
    {
        await single.WaitAsync(cancellationToken);
        try
        {
            var (sent, retrying, failed) = (0, 0, 0);
            while (true)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var due = await db.OutboxMessages
                    .Where(m => m.State == OutboxState.Queued && m.NextAttemptUtc <= now && (siteId == null || m.SiteId == siteId))
                    .OrderBy(m => m.Id).Take(Chunk).ToListAsync(cancellationToken);
                if (due.Count == 0)
                {
                    return new DeliveryResult(sent, retrying, failed);
                }
                var delivered = new List<long>();
                foreach (var message in due)
                {
                    try
                    {
                        await channel.SendAsync(OutgoingEmail.From(message), cancellationToken);
                        delivered.Add(message.Id);
                    }
                    catch (SmtpException e)
                    {
                        message.MarkFailed(e.Message, SmtpChannel.IsPermanent(e), now);
                        (retrying, failed) = message.State == OutboxState.Failed ? (retrying, failed + 1) : (retrying + 1, failed);
                        logger.LogWarning("Message {Uuid} ({Name}) to learner {LearnerId}: attempt {Attempt} failed: {Error}",
                            message.Uuid, message.MessageName, message.LearnerId, message.Attempts, e.Message);
                    }
                }
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken); // the failed attempts, few
                if (delivered.Count > 0)
                {
                    await db.OutboxMessages.Where(m => delivered.Contains(m.Id)).ExecuteUpdateAsync(u => u
                        .SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentUtc, now)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), cancellationToken);
                    await WriteEventsAsync(db, delivered, now, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                sent += delivered.Count;
            }
        }
        finally
        {
            single.Release();
        }
    }

    private static Task<int> WriteEventsAsync(PortalDbContext db, List<long> ids, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync($"""
            INSERT OR IGNORE INTO MessageEvents (OutboxMessageId, Site, App, Name, Language, Uuid, SendUuid, PrimaryCourseKey, CourseKeys, CourseCount, AtUtc)
            SELECT Id, SiteDomain, '{MessageEvent.AppLabel}', MessageName, Language, Uuid, SendUuid, PrimaryCourseKey, CourseKeys, CourseCount, @now
            FROM OutboxMessages WHERE Id IN (SELECT value FROM json_each(@ids))
            """,
            [new Microsoft.Data.Sqlite.SqliteParameter("@now", OutboxWriter.SqliteText(now)),
                new Microsoft.Data.Sqlite.SqliteParameter("@ids", System.Text.Json.JsonSerializer.Serialize(ids))],
            cancellationToken);
}
