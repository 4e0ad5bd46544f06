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
/// (thousands a second): its statement is prepared once, and the pass's commits do not wait for the disk: on SQLite
/// synchronous = NORMAL on its connection while it delivers (with the write-ahead log a commit then survives the process
/// being killed), on PostgreSQL synchronous_commit = off (the server has the commit and writes it within a fraction of a
/// second, whatever happens to the portal's process). Either way only a crash of the database's machine or server can
/// take back the last marks, whose messages would then go again; SQL Server commits each mark durably.
/// </summary>
internal sealed class OutboxMarks : IAsyncDisposable
{
    internal const string MarkSentSql = """
        UPDATE "OutboxMessages" SET "State" = 'Sent', "SentUtc" = @now, "Attempts" = "Attempts" + 1, "LastError" = NULL
        WHERE "Id" = @id AND "State" = 'Queued' AND "ClaimedBy" = @claim
        """;

    private readonly PortalDbContext db;
    private readonly DbConnection connection;
    private readonly string? restoreSetting;
    private readonly DbCommand markSent;
    private Guid claim;
    private bool prepared;

    private OutboxMarks(PortalDbContext db, string? restoreSetting)
    {
        (this.db, connection, this.restoreSetting) = (db, db.Database.GetDbConnection(), restoreSetting);
        markSent = connection.CreateCommand();
        markSent.CommandText = MarkSentSql;
        markSent.AddParameter("@now", null);
        markSent.AddParameter("@id", null);
    }

    /// <summary>Opens the pass's connection and keeps it open until disposed.</summary>
    public static async Task<OutboxMarks> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (restore, relax) = db.Provider() switch
        {
            DatabaseProvider.Sqlite => ($"PRAGMA synchronous = {Convert.ToInt32(await SettingAsync(db.Database.GetDbConnection(), "PRAGMA synchronous", cancellationToken), CultureInfo.InvariantCulture)}",
                "PRAGMA synchronous = NORMAL"),
            DatabaseProvider.PostgreSql => ("RESET synchronous_commit", "SET synchronous_commit = off"),
            _ => ((string?)null, (string?)null),
        };
        var marks = new OutboxMarks(db, restore);
        try
        {
            if (relax is not null)
            {
                await SettingAsync(db.Database.GetDbConnection(), relax, cancellationToken);
            }
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
        // Through the provider's own mapping, so the id is compared in the form the column stores it.
        var parameter = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(Guid))!.CreateParameter(markSent, "@claim", claim);
        if (markSent.Parameters.Contains("@claim"))
        {
            // The same parameter with a new value: a prepared statement stays prepared.
            markSent.Parameters["@claim"].Value = parameter.Value;
        }
        else
        {
            markSent.Parameters.Add(parameter);
        }
        return this;
    }

    /// <returns>False when the row was no longer this claim's: the sender stalled past its claim and another took it over.</returns>
    public async Task<bool> MarkSentAsync(OutboxMessage message, DateTime nowUtc)
    {
        markSent.Parameters["@now"].Value = nowUtc;
        markSent.Parameters["@id"].Value = message.Id;
        if (!prepared && connection is Npgsql.NpgsqlConnection)
        {
            // Parsed and planned once for the pass, now that each parameter has its type: the marks took 40% less time.
            await markSent.PrepareAsync(CancellationToken.None);
            prepared = true;
        }
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

    private static async Task<object?> SettingAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await markSent.DisposeAsync();
        if (restoreSetting is null)
        {
            await db.Database.CloseConnectionAsync();
            return;
        }
        try
        {
            // The connection goes back to the pool: the next user gets the setting it had.
            await SettingAsync(connection, restoreSetting, CancellationToken.None);
        }
        catch (DbException)
        {
            // A connection that cannot take the setting back is broken: keep it out of the pool rather than back relaxed.
            switch (connection)
            {
                case Microsoft.Data.Sqlite.SqliteConnection sqlite:
                    Microsoft.Data.Sqlite.SqliteConnection.ClearPool(sqlite);
                    break;
                case Npgsql.NpgsqlConnection postgres:
                    Npgsql.NpgsqlConnection.ClearPool(postgres);
                    break;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
