using System.Data.Common;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Email;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Marks each message as soon as the channel answers: sent, or failed (its next attempt, or failed for good). The sent
/// marks of the messages answered meanwhile commit together (at most <see cref="MessageDeliveryOptions.Concurrency"/>),
/// so a crash can leave at most that many sent and unmarked; the events and the run's counts follow once per chunk
/// (<see cref="OutboxClaim.FinishAsync()"/>). The sent mark is the hot path (thousands a second): its statement is
/// prepared once, and the pass's commits do not wait for the disk (<see cref="CommitsWithoutWaiting"/>): only a crash
/// of the database's machine or server can take back the last marks, whose messages would then go again.
/// </summary>
internal sealed class OutboxMarks : IAsyncDisposable
{
    internal const string MarkSentSql = """
        UPDATE "OutboxMessages" SET "State" = 'Sent', "SentUtc" = @now, "Attempts" = "Attempts" + 1, "LastError" = NULL
        WHERE "Id" = @id AND "State" = 'Queued' AND "ClaimedBy" = @claim
        """;

    private readonly PortalDbContext db;
    private readonly DbConnection connection;
    private readonly CommitsWithoutWaiting commits;
    private Guid claim;

    /// <summary>SQLite's mark, made once per pass and kept prepared; the servers send theirs as a batch.</summary>
    private DbCommand? markSent;

    private OutboxMarks(PortalDbContext db, CommitsWithoutWaiting commits) => (this.db, connection, this.commits) = (db, db.Database.GetDbConnection(), commits);

    /// <summary>Opens the pass's connection and keeps it open until disposed.</summary>
    public static async Task<OutboxMarks> OpenAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        new(db, await CommitsWithoutWaiting.BeginAsync(db, cancellationToken));

    /// <summary>Marks as this claim: a row another sender took over is not marked by this one.</summary>
    public OutboxMarks For(OutboxClaim chunk)
    {
        claim = chunk.Id;
        if (markSent is not null)
        {
            BindClaim(markSent);
        }
        return this;
    }

    private DbCommand SentMark()
    {
        if (markSent is null)
        {
            markSent = connection.CreateCommand();
            markSent.CommandText = MarkSentSql;
            markSent.AddParameter("@now", null);
            markSent.AddParameter("@id", null);
            markSent.AddParameter("@claim", null);
            BindClaim(markSent);
        }
        return markSent;
    }

    /// <summary>
    /// Through the provider's own mapping, so the id is compared in the form the column stores it; the same parameter
    /// with a new value, so the statement stays prepared.
    /// </summary>
    private void BindClaim(DbCommand command) =>
        command.Parameters["@claim"].Value = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!.CreateParameter(command, "@claim", claim).Value;

    /// <summary>
    /// The sent marks of the messages the channel answered meanwhile, committed together (a group commit: the disk and
    /// the server see one commit for each handful of messages rather than one for each): on a server database in one
    /// batch, a single round trip; on SQLite in one transaction of the prepared statement.
    /// </summary>
    /// <returns>For each message, false when its row was no longer this claim's: the sender stalled past its claim and another took it over.</returns>
    public async Task<bool[]> MarkSentAsync(IReadOnlyList<(OutboxMessage Message, DateTime AtUtc)> sent)
    {
        var marked = new bool[sent.Count];
        if (sent.Count == 0)
        {
            return marked;
        }
        if (connection.CanCreateBatch)
        {
            return await MarkSentInOneBatchAsync(sent);
        }
        var command = SentMark();
        // Not cancellable: once the channel took a message, its mark must be written whatever is stopping.
        await using var transaction = sent.Count > 1 ? await connection.BeginTransactionAsync(CancellationToken.None) : null;
        command.Transaction = transaction;
        try
        {
            for (var i = 0; i < sent.Count; i++)
            {
                command.Parameters["@now"].Value = sent[i].AtUtc;
                command.Parameters["@id"].Value = sent[i].Message.Id;
                marked[i] = await command.ExecuteNonQueryAsync(CancellationToken.None) == 1;
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        finally
        {
            command.Transaction = null;
        }
        return marked;
    }

    /// <summary>One statement per message, each by its primary key, sent together; a batch runs in one transaction.</summary>
    private async Task<bool[]> MarkSentInOneBatchAsync(IReadOnlyList<(OutboxMessage Message, DateTime AtUtc)> sent)
    {
        await using var batch = connection.CreateBatch();
        foreach (var (message, atUtc) in sent)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = MarkSentSql;
            // The servers store the claim's id as a uuid (uniqueidentifier): the Guid itself is its stored form.
            foreach (var (name, value) in new (string, object)[] { ("@now", atUtc), ("@id", message.Id), ("@claim", claim) })
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        if (connection is Npgsql.NpgsqlConnection)
        {
            // Parsed and planned once per connection (Npgsql keeps what it prepared by its text): the marks took 40% less time.
            await batch.PrepareAsync(CancellationToken.None);
        }
        // Not cancellable: once the channel took a message, its mark must be written whatever is stopping.
        await batch.ExecuteNonQueryAsync(CancellationToken.None);
        return [.. batch.BatchCommands.Select(command => command.RecordsAffected == 1)];
    }

    /// <summary>A failed attempt: tried again after its wait (let go, so any sender takes it then), or failed for good (counted on its run).</summary>
    /// <returns>False when the row was no longer this claim's (another sender took it over): nothing was written.</returns>
    public async Task<bool> MarkFailedAsync(OutboxMessage message, SendOutcome outcome, DateTime nowUtc)
    {
        message.MarkFailed(outcome.Error ?? "unknown error", outcome.Status == SendStatus.PermanentFailure, nowUtc);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Only while it is still this claim's: a row another sender took over is that sender's to mark.
        var marked = await db.OutboxMessages.Where(m => m.Id == message.Id && m.State == OutboxState.Queued && m.ClaimedBy == claim).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.State, message.State).SetProperty(m => m.Attempts, message.Attempts).SetProperty(m => m.LastError, message.LastError)
            .SetProperty(m => m.NextAttemptUtc, message.NextAttemptUtc)
            .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        if (marked == 1 && message.State == OutboxState.Failed)
        {
            await db.MessageRuns.Where(r => r.Id == message.RunId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Failed, r => r.Failed + 1), CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return marked == 1;
    }

    public async ValueTask DisposeAsync()
    {
        if (markSent is not null)
        {
            await markSent.DisposeAsync();
        }
        await commits.DisposeAsync();
    }
}
