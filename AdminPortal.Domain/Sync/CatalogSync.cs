using AdminPortal.Domain.Learning;

namespace AdminPortal.Domain.Sync;

/// <summary>
/// A course run as the catalog describes it. A field the payload left out (or sent as null) is null here, and leaves
/// the stored value as it is.
/// </summary>
public sealed record CatalogRun(string Key, string? MarketingUrl, string? Language, bool? FinancialAid);

/// <summary>The three fields the catalog keeps in step on a course.</summary>
public sealed record CatalogFields(string? MarketingUrl, string Language, bool FinancialAid);

/// <summary>The fields after the run: the stored ones where the run has a different valid value, the rest as they were.</summary>
/// <param name="Rejected">Fields the run sent with a value that is not valid here (kept as stored), with the reason.</param>
public sealed record CatalogChange(CatalogFields Fields, IReadOnlyList<string> Changed, IReadOnlyList<string> Rejected)
{
    public bool HasChanges => Changed.Count > 0;
}

public static class CatalogSyncRules
{
    public const int MinPageSize = 1;
    public const int MaxPageSize = 1000;
    public const int DefaultPageSize = 100;

    /// <summary>Only values present in the run, valid, and different from the stored ones change.</summary>
    public static CatalogChange Compare(CatalogFields stored, CatalogRun run)
    {
        var (changed, rejected) = (new List<string>(), new List<string>());
        var marketingUrl = Take("marketing_url", () => WebAddress.ValidOrNull(run.MarketingUrl, "marketing URL"), stored.MarketingUrl, changed, rejected);
        var language = Take("language", () => LanguageCode.ValidOrNull(run.Language), stored.Language, changed, rejected)!;
        var financialAid = stored.FinancialAid;
        if (run.FinancialAid is { } aid && aid != stored.FinancialAid)
        {
            (financialAid, changed) = (aid, [.. changed, "financial_aid"]);
        }
        return new CatalogChange(new CatalogFields(marketingUrl, language, financialAid), changed, rejected);
    }

    private static string? Take(string field, Func<string?> valid, string? stored, List<string> changed, List<string> rejected)
    {
        try
        {
            if (valid() is { } value && value != stored)
            {
                changed.Add(field);
                return value;
            }
        }
        catch (DomainException e)
        {
            rejected.Add($"{field}: {e.Message}");
        }
        return stored;
    }

    /// <summary>The first page's address: <c>{base}/course_runs/?page_size=N&amp;exclude_utm=1</c>.</summary>
    public static string FirstPage(string baseUrl, int pageSize) => $"{baseUrl.TrimEnd('/')}/course_runs/?page_size={pageSize}&exclude_utm=1";
}
