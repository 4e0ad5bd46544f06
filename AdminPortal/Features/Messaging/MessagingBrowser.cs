using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Messaging;

/// <param name="Learner">A username or email prefix.</param>
public sealed record MessageFilter(string? Learner = null, string? MessageName = null, DateOnly? Day = null);

public sealed record MessageRow(long Id, DateTime CreatedUtc, string SiteDomain, string MessageName, DateOnly TargetDay, int? Week, string Username,
    string Recipient, string Subject, OutboxState State, DateTime? SentUtc);

/// <summary>The Messaging pages' reads: recent runs, and the messages with their rendered emails.</summary>
public sealed class MessagingBrowser(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<IReadOnlyList<MessageRun>> RecentRunsAsync(PortalActor actor, int take = 50, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MessageRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<Page<MessageRow>> MessagesAsync(MessageFilter filter, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Learner))
        {
            var prefix = LikePattern.StartingWith(filter.Learner.Trim());
            query = query.Where(m => EF.Functions.Like(m.Username, prefix, LikePattern.Escape) || EF.Functions.Like(m.Recipient, prefix, LikePattern.Escape));
        }
        if (!string.IsNullOrWhiteSpace(filter.MessageName))
        {
            query = query.Where(m => m.MessageName == filter.MessageName);
        }
        if (filter.Day is { } day)
        {
            var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = from.AddDays(1);
            query = query.Where(m => m.CreatedUtc >= from && m.CreatedUtc < to);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.Id).Skip(page.Skip).Take(Math.Min(page.Take, PageRequest.MaxTake))
            .Select(m => new MessageRow(m.Id, m.CreatedUtc, m.SiteDomain, m.MessageName, m.TargetDay, m.Week, m.Username, m.Recipient, m.Subject, m.State, m.SentUtc))
            .ToListAsync(cancellationToken);
        return new Page<MessageRow>(rows, total);
    }

    public async Task<OutboxMessage?> MessageAsync(long id, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
    }
}
