using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Learners;

public sealed record LearnerRow(
    int Id, string Username, string Email, string Name, bool IsActive, bool IsStaff, DateTime JoinedUtc, DateTime? LastLoginUtc);

/// <summary>
/// Learner search by username or email prefix. Both columns are NOCASE-indexed, so a prefix is an index range; a
/// search reads at most <see cref="MaxMatches"/> rows of each range and pages them in memory, so it costs the same
/// at a million learners as at ten thousand, however short the prefix.
/// </summary>
public sealed partial class LearnerBrowser(IDbContextFactory<PortalDbContext> contexts)
{
    public const int MaxMatches = 200;

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
        var learners = db.Learners.AsNoTracking();
        if (string.IsNullOrWhiteSpace(prefix))
        {
            var rows = await learners.SortAndPage(page, Sorts).Select(ToRow).ToListAsync(cancellationToken);
            return new Page<LearnerRow>(rows, await learners.CountAsync(cancellationToken));
        }
        var term = prefix.Trim();
        var byUsername = await learners.Where(l => l.Username.StartsWith(term)).OrderBy(l => l.Username).Take(MaxMatches)
            .Select(ToRow).ToListAsync(cancellationToken);
        var byEmail = await learners.Where(l => l.Email.StartsWith(term)).OrderBy(l => l.Email).Take(MaxMatches)
            .Select(ToRow).ToListAsync(cancellationToken);
        var matches = byUsername.UnionBy(byEmail, r => r.Id).ToList();
        return new Page<LearnerRow>(SortInMemory(matches, page).Skip(page.SafeSkip).Take(page.SafeTake).ToList(), matches.Count,
            Truncated: byUsername.Count == MaxMatches || byEmail.Count == MaxMatches);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Learner, LearnerRow>> ToRow =
        l => new LearnerRow(l.Id, l.Username, l.Email, l.Name, l.IsActive, l.IsStaff, l.JoinedUtc, l.LastLoginUtc);

    /// <summary>The same orders as the database's, NOCASE text included.</summary>
    private static IEnumerable<LearnerRow> SortInMemory(List<LearnerRow> rows, PageRequest page)
    {
        Func<LearnerRow, object?> key = page.SortBy switch
        {
            nameof(LearnerRow.Email) => r => r.Email,
            nameof(LearnerRow.JoinedUtc) => r => r.JoinedUtc,
            nameof(LearnerRow.LastLoginUtc) => r => r.LastLoginUtc,
            _ => r => r.Username,
        };
        var comparer = Comparer<object?>.Create((a, b) => a is string x && b is string y
            ? StringComparer.OrdinalIgnoreCase.Compare(x, y)
            : Comparer<object?>.Default.Compare(a, b));
        return page.Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
    }
}
