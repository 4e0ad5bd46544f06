using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using AdminPortal.Data;
using AdminPortal.Email;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Features.Messaging;

public sealed record DeliveryResult(int Sent, int Retrying, int Failed)
{
    public static DeliveryResult operator +(DeliveryResult a, DeliveryResult b) => new(a.Sent + b.Sent, a.Retrying + b.Retrying, a.Failed + b.Failed);
}

/// <summary><c>Messaging:Delivery:*</c>.</summary>
public sealed class MessageDeliveryOptions
{
    public const string Section = "Messaging:Delivery";

    /// <summary>How many due rows a sender claims at a time.</summary>
    [Range(1, 1000)]
    public int ChunkSize { get; init; } = 500;

    /// <summary>How long a claim holds without renewal; a sender renews it while it works, so only a dead sender's runs out.</summary>
    [Range(1, 60)]
    public int ClaimMinutes { get; init; } = 5;

    /// <summary>
    /// How many messages a sender has with the channel at once. Each is marked the moment it is answered, so a crash can
    /// leave at most this many sent and unmarked (sent again after); 1 sends one message at a time.
    /// </summary>
    [Range(1, 32)]
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// For crash tests only: kills this process, as <c>kill -9</c> would, right after the channel accepted this many
    /// messages and before the last of them is marked sent.
    /// </summary>
    public int? KillAfterAccepted { get; init; }
}

/// <summary>
/// Sends the outbox rows that are due (queued, or waiting for a retry whose time has come), a claimed chunk at a time,
/// and marks each one the moment the channel answers. A failed attempt is tried again later with a growing delay and
/// fails for good after the last try; anything that goes wrong with one message (a malformed header, an exception of
/// the channel) fails that message alone, and delivery goes on with the next.
/// </summary>
public sealed class MessageDelivery(
    IDbContextFactory<PortalDbContext> contexts, IEmailChannel channel, IOptions<MessageDeliveryOptions> options, TimeProvider clock,
    UntilDatabaseReturns untilBack, ILogger<MessageDelivery> logger)
{
    private int accepted;

    public string Channel => channel.Describe;

    /// <summary>The channel writes .eml files in a folder of the server (whose path only superusers see).</summary>
    public bool WritesFiles => channel is PickupDirectoryChannel;

    /// <param name="siteId">One site's rows (a messaging run delivering what it queued), or every site's (the delivery job).</param>
    public async Task<DeliveryResult> DeliverAsync(int? siteId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = new DeliveryResult(0, 0, 0);
        // One context and connection for the pass: claims, marks and finishes are all short statements of its own.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var marks = await OutboxMarks.OpenAsync(db, cancellationToken);
        await OutboxClaim.FinishAbandonedAsync(db, clock, cancellationToken);
        while (true)
        {
            var claim = await OutboxClaim.TakeAsync(db, siteId, settings.ChunkSize, TimeSpan.FromMinutes(settings.ClaimMinutes), clock, cancellationToken);
            if (claim.Messages.Count == 0)
            {
                if (await OutboxClaim.AnyDueAsync(db, siteId, clock, cancellationToken))
                {
                    continue; // another sender won these rows; the next ones are free
                }
                return total;
            }
            try
            {
                total += await SendAsync(claim, marks.For(claim), cancellationToken);
            }
            finally
            {
                // After an outage as well: the claim's rows are let go at once (not when it runs out) and its sent ones counted.
                await untilBack.WriteAsync($"the end of outbox claim {claim.Id}", claim.FinishAsync);
            }
        }
    }

    /// <summary>
    /// Keeps up to <see cref="MessageDeliveryOptions.Concurrency"/> messages with the channel (each on the thread pool, so
    /// building and writing them use every core) and marks the answered ones as they come: the sent ones in one
    /// transaction (a group commit), the failed ones each with its next attempt. A message is handed to the channel only
    /// while fewer than that many are unmarked, however the sends end.
    /// </summary>
    private async Task<DeliveryResult> SendAsync(OutboxClaim claim, OutboxMarks marks, CancellationToken cancellationToken)
    {
        var tally = new DeliveryTally();
        var inFlight = new List<Task<Answer>>(options.Value.Concurrency);
        try
        {
            foreach (var message in claim.Messages)
            {
                if (inFlight.Count == options.Value.Concurrency)
                {
                    await Task.WhenAny(inFlight);
                    await MarkAnsweredAsync(inFlight, marks, tally);
                }
                if (!await claim.HoldsAsync(message, cancellationToken))
                {
                    logger.LogWarning("Message {Uuid}: this sender stalled past its claim and another took the message over; skipped here", message.Uuid);
                    continue;
                }
                inFlight.Add(Task.Run(() => AnswerOfAsync(message, cancellationToken), CancellationToken.None));
            }
        }
        finally
        {
            // Whatever stopped the loop, each message the channel took is marked before the claim is let go.
            await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await MarkAnsweredAsync(inFlight, marks, tally);
        }
        return tally.Result;
    }

    private sealed record Answer(OutboxMessage Message, SendOutcome Outcome, DateTime AtUtc);

    private sealed class DeliveryTally
    {
        public int Sent, Retrying, Failed;

        public DeliveryResult Result => new(Sent, Retrying, Failed);
    }

    private async Task<Answer> AnswerOfAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var outcome = await SendOneAsync(message, cancellationToken);
        return new Answer(message, outcome, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Marks every answered message and takes it off <paramref name="inFlight"/>; a send that threw (cancelled) is rethrown after.</summary>
    private async Task MarkAnsweredAsync(List<Task<Answer>> inFlight, OutboxMarks marks, DeliveryTally tally)
    {
        // One look at the sends: one that ends after it stays in flight for the next mark. Asking again here (as once) took
        // such a send off the list unmarked, and its message was claimed and sent again.
        var answered = inFlight.Where(t => t.IsCompleted).ToList();
        inFlight.RemoveAll(answered.Contains);
        var answers = answered.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        var sent = answers.Where(a => a.Outcome.Status == SendStatus.Sent).ToList();
        foreach (var _ in sent)
        {
            KillIfAsked();
        }
        var marked = await marks.MarkSentAsync(sent.Select(a => (a.Message, a.AtUtc)).ToList());
        for (var i = 0; i < sent.Count; i++)
        {
            if (marked[i])
            {
                tally.Sent++;
            }
            else
            {
                logger.LogWarning("Message {Uuid}: this sender stalled past its claim while sending it, and another took it over: it may go twice",
                    sent[i].Message.Uuid);
            }
        }
        foreach (var (message, outcome, now) in answers.Where(a => a.Outcome.Status != SendStatus.Sent))
        {
            if (!await marks.MarkFailedAsync(message, outcome, now))
            {
                logger.LogWarning("Message {Uuid}: this sender stalled past its claim, and another took it over; its failure is not recorded here", message.Uuid);
                continue;
            }
            if (message.State == OutboxState.Failed)
            {
                tally.Failed++;
            }
            else
            {
                tally.Retrying++;
            }
            logger.LogWarning("Message {Uuid} ({Name}) to learner {LearnerId}: attempt {Attempt} failed{Final}: {Error}", message.Uuid,
                message.MessageName, message.LearnerId, message.Attempts, message.State == OutboxState.Failed ? " for good" : "", outcome.Error);
        }
        if (answered.FirstOrDefault(t => !t.IsCompletedSuccessfully) is { } threw)
        {
            await threw;
        }
    }

    private static OutgoingEmail EmailOf(OutboxMessage message) =>
        new(message.Recipient, message.Subject, message.HtmlBody, message.TextBody, message.MessageName, message.Uuid, message.SendUuid);

    private async Task<SendOutcome> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.SendAsync(EmailOf(message), cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return SendOutcome.Transient($"timed out: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Message {Uuid} ({Name}) to learner {LearnerId} could not be sent", message.Uuid, message.MessageName, message.LearnerId);
            return SendOutcome.Permanent($"could not be sent: {e.Message}");
        }
    }

    private void KillIfAsked()
    {
        if (options.Value.KillAfterAccepted is { } limit && Interlocked.Increment(ref accepted) >= limit)
        {
            logger.LogCritical("Messaging:Delivery:KillAfterAccepted={Limit} reached: killing this process before the mark", limit);
            Process.GetCurrentProcess().Kill();
        }
    }
}
