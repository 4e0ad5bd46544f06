using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Learners;

public sealed record LearnerRow(
    int Id, string Username, string Email, string Name, bool IsActive, bool IsStaff, DateTime JoinedUtc, DateTime? LastLoginUtc);

/// <summary>
/// Learner search by username or email prefix. Both columns are NOCASE-indexed, so a prefix is an index range; a
/// search reads at most <see cref="MaxMatches"/> entries of each index, sorts them in memory, and reads in full only
/// the rows of the page: it costs about the same at a million learners as at ten thousand, however short the prefix.
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
            var all = await learners.SortAndPage(page, Sorts).Select(ToRow).ToListAsync(cancellationToken);
            return new Page<LearnerRow>(all, await learners.CountAsync(cancellationToken));
        }
        var term = prefix.Trim();
        // Index-only reads: the username index holds usernames and ids, the email index emails and ids. PostgreSQL's
        // citext cannot serve a prefix from its index: there the match and its order are on lower(...) in the C
        // collation, which has an index of its own (migration LearnerSearchIndexes), read from the prefix on.
        var lower = term.ToLowerInvariant();
        var postgres = db.Provider() == DatabaseProvider.PostgreSql;
        var byUsername = postgres
            ? learners.Where(l => EF.Functions.Collate(l.Username.ToLower(), "C").StartsWith(lower)).OrderBy(l => EF.Functions.Collate(l.Username.ToLower(), "C"))
            : learners.Where(l => l.Username.StartsWith(term)).OrderBy(l => l.Username);
        var byEmail = postgres
            ? learners.Where(l => EF.Functions.Collate(l.Email.ToLower(), "C").StartsWith(lower)).OrderBy(l => EF.Functions.Collate(l.Email.ToLower(), "C"))
            : learners.Where(l => l.Email.StartsWith(term)).OrderBy(l => l.Email);
        var usernames = await byUsername.Take(MaxMatches).Select(l => new Match(l.Id, l.Username, null)).ToListAsync(cancellationToken);
        var emails = await byEmail.Take(MaxMatches).Select(l => new Match(l.Id, null, l.Email)).ToListAsync(cancellationToken);
        var truncated = usernames.Count == MaxMatches || emails.Count == MaxMatches;
        var ids = usernames.Select(m => m.Id).Union(emails.Select(m => m.Id)).ToList();
        var sortByText = page.SortBy is null or nameof(LearnerRow.Username) or nameof(LearnerRow.Email);
        // Only the rows of the page are read in full, unless the sort needs a column no index here holds.
        var rows = sortByText
            ? await PageByTextAsync(learners, usernames, emails, ids, page, cancellationToken)
            : SortInMemory(await learners.Where(l => ids.Contains(l.Id)).Select(ToRow).ToListAsync(cancellationToken), page)
                .Skip(page.SafeSkip).Take(page.SafeTake).ToList();
        return new Page<LearnerRow>(rows, ids.Count, truncated);
    }

    private sealed record Match(int Id, string? Username, string? Email);

    private static async Task<List<LearnerRow>> PageByTextAsync(
        IQueryable<Learner> learners, List<Match> usernames, List<Match> emails, List<int> ids, PageRequest page, CancellationToken cancellationToken)
    {
        var byEmailSort = page.SortBy == nameof(LearnerRow.Email);
        var known = (byEmailSort ? emails.Select(m => (m.Id, Text: m.Email!)) : usernames.Select(m => (m.Id, Text: m.Username!)))
            .ToDictionary(m => m.Id, m => m.Text);
        var missing = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var texts = await learners.Where(l => missing.Contains(l.Id))
                .Select(l => new { l.Id, Text = byEmailSort ? l.Email : l.Username }).ToListAsync(cancellationToken);
            texts.ForEach(t => known[t.Id] = t.Text);
        }
        var ordered = page.Descending
            ? known.OrderByDescending(k => k.Value, StringComparer.OrdinalIgnoreCase)
            : known.OrderBy(k => k.Value, StringComparer.OrdinalIgnoreCase);
        var pageIds = ordered.Skip(page.SafeSkip).Take(page.SafeTake).Select(k => k.Key).ToList();
        var rows = await learners.Where(l => pageIds.Contains(l.Id)).Select(ToRow).ToListAsync(cancellationToken);
        return pageIds.Select(id => rows.Single(r => r.Id == id)).ToList();
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
