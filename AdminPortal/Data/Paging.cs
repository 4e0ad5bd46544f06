namespace AdminPortal.Data;

/// <summary>A page of a server-side list: which rows, sorted by which column (a name the list knows), which way.</summary>
public sealed record PageRequest(int Skip, int Take, string? SortBy = null, bool Descending = false)
{
    public const int MaxTake = 200;

    public int SafeSkip => Math.Max(0, Skip);

    public int SafeTake => Math.Clamp(Take, 1, MaxTake);
}

/// <param name="Truncated">More rows match than the list holds: the user should narrow the search.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool Truncated = false);

public static class PagingExtensions
{
    /// <summary>
    /// Sorts by a column from a fixed list (unknown names fall back to the first), then applies the page. The list is
    /// the whitelist: a caller can never sort by an arbitrary expression.
    /// </summary>
    public static IQueryable<T> SortAndPage<T>(
        this IQueryable<T> query,
        PageRequest page,
        IReadOnlyDictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> sorts)
    {
        var sort = page.SortBy is not null && sorts.TryGetValue(page.SortBy, out var chosen) ? chosen : sorts.Values.First();
        return sort(query, page.Descending).Skip(page.SafeSkip).Take(page.SafeTake);
    }

    public static Func<IQueryable<T>, bool, IOrderedQueryable<T>> By<T, TKey>(System.Linq.Expressions.Expression<Func<T, TKey>> key) =>
        (query, descending) => descending ? query.OrderByDescending(key) : query.OrderBy(key);
}
