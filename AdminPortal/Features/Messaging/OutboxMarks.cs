using System.Data.Common;
using System.Globalization;
using AdminPortal.Data;
using AdminPortal.Domain.Messaging;
using AdminPortal.Email;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <summary>
/// Marks each message the moment the channel answers: sent, or failed (its next attempt, or failed for good). One
/// statement of its own per message, so a crash can leave at most the one message in flight unmarked; the events and
/// the run's counts follow once per chunk (<see cref="OutboxClaim.FinishAsync()"/>). The sent mark is the hot path
/// (thousands a second): its statement is prepared once, and the pass's commits do not wait for the disk
/// (synchronous = NORMAL on its connection while it delivers): with SQLite's write-ahead log a commit then survives the
/// process being killed, and only a power cut or an operating-system crash can take back the last marks.
/// </summary>
internal sealed class OutboxMarks : IAsyncDisposable
{
    internal const string MarkSentSql = """
        UPDATE "OutboxMessages" SET "State" = 'Sent', "SentUtc" = @now, "Attempts" = "Attempts" + 1, "LastError" = NULL
        WHERE "Id" = @id AND "State" = 'Queued' AND "ClaimedBy" = @claim
        """;

    private readonly PortalDbContext db;
    private readonly DbConnection connection;
    private readonly object? synchronous;
    private readonly DbCommand markSent;
    private Guid claim;

    private OutboxMarks(PortalDbContext db, object? synchronous)
    {
        (this.db, connection, this.synchronous) = (db, db.Database.GetDbConnection(), synchronous);
        markSent = connection.CreateCommand();
        markSent.CommandText = MarkSentSql;
        markSent.AddParameter("@now", null);
        markSent.AddParameter("@id", null);
    }

    /// <summary>Opens the pass's connection and keeps it open until disposed.</summary>
    public static async Task<OutboxMarks> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Provider() != DatabaseProvider.Sqlite)
        {
            // A server database commits each mark durably (synchronous_commit stays on): its crash must not take a mark back.
            return new OutboxMarks(db, null);
        }
        var synchronous = await PragmaAsync(db.Database.GetDbConnection(), "PRAGMA synchronous", cancellationToken);
        var marks = new OutboxMarks(db, synchronous);
        try
        {
            await PragmaAsync(db.Database.GetDbConnection(), "PRAGMA synchronous = NORMAL", cancellationToken);
            return marks;
        }
        catch
        {
            await marks.DisposeAsync();
            throw;
        }
    }

    /// <summary>Marks as this claim: a row another sender took over is not marked by this one.</summary>
    public OutboxMarks For(OutboxClaim chunk)
    {
        claim = chunk.Id;
        if (markSent.Parameters.Contains("@claim"))
        {
            markSent.Parameters.RemoveAt("@claim");
        }
        // Through the provider's own mapping, so the id is compared in the form the column stores it.
        markSent.Parameters.Add(db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!.CreateParameter(markSent, "@claim", claim));
        return this;
    }

    /// <returns>False when the row was no longer this claim's: the sender stalled past its claim and another took it over.</returns>
    public async Task<bool> MarkSentAsync(OutboxMessage message, DateTime nowUtc)
    {
        markSent.Parameters["@now"].Value = nowUtc;
        markSent.Parameters["@id"].Value = message.Id;
        // Not cancellable: once the channel took the message, the mark must be written whatever is stopping.
        return await markSent.ExecuteNonQueryAsync(CancellationToken.None) == 1;
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

    private static async Task<object?> PragmaAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await markSent.DisposeAsync();
        if (synchronous is null)
        {
            await db.Database.CloseConnectionAsync();
            return;
        }
        try
        {
            // The connection goes back to the pool: the next user gets the setting it had.
            await PragmaAsync(connection, $"PRAGMA synchronous = {Convert.ToInt32(synchronous, CultureInfo.InvariantCulture)}", CancellationToken.None);
        }
        catch (DbException)
        {
            // A connection that cannot take a PRAGMA is broken: keep it out of the pool rather than back with NORMAL.
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool((Microsoft.Data.Sqlite.SqliteConnection)connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
