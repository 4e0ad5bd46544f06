using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Learners;

public sealed record LearnerRow(
    int Id, string Username, string Email, string Name, bool IsActive, bool IsStaff, DateTime JoinedUtc, DateTime? LastLoginUtc);

/// <summary>
/// Learner search by username or email prefix. Both columns are NOCASE-indexed, so a prefix is an index range and the
/// first page costs the same at a million learners as at ten thousand.
/// </summary>
public sealed partial class LearnerBrowser(IDbContextFactory<PortalDbContext> contexts)
{
    private static readonly Dictionary<string, Func<IQueryable<Learner>, bool, IOrderedQueryable<Learner>>> Sorts = new()
    {
        [nameof(LearnerRow.Username)] = PagingExtensions.By<Learner, string>(l => l.Username),
        [nameof(LearnerRow.Email)] = PagingExtensions.By<Learner, string>(l => l.Email),
        [nameof(LearnerRow.JoinedUtc)] = PagingExtensions.By<Learner, DateTime>(l => l.JoinedUtc),
        [nameof(LearnerRow.LastLoginUtc)] = PagingExtensions.By<Learner, DateTime?>(l => l.LastLoginUtc),
    };

    public async Task<Page<LearnerRow>> SearchAsync(string? prefix, PageRequest page, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ViewOperations);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Learners.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            var term = prefix.Trim();
            query = query.Where(l => l.Username.StartsWith(term) || l.Email.StartsWith(term));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.SortAndPage(page, Sorts)
            .Select(l => new LearnerRow(l.Id, l.Username, l.Email, l.Name, l.IsActive, l.IsStaff, l.JoinedUtc, l.LastLoginUtc))
            .ToListAsync(cancellationToken);
        return new Page<LearnerRow>(rows, total);
    }
}
