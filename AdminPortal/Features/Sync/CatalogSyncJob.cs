using System.Text.Json;
using AdminPortal.Data;
using AdminPortal.Domain.Sync;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Sync;

/// <summary>
/// Keeps courses' marketing URL, language and financial-aid flag in step with the catalog: page by page, following
/// <c>next</c>, one query and one save per page whatever its size. A page the catalog will not give fails the run with
/// the page and the reason (after retries): never a silent "nothing found", and nothing stored is cleared.
/// </summary>
public sealed class CatalogSyncJob(
    CatalogSettingsService settings, CatalogClient catalog, IDbContextFactory<PortalDbContext> contexts, ILogger<CatalogSyncJob> logger) : IPortalJob
{
    public const string Name = "catalog-sync";

    /// <summary>SQL Server's form of a page's one update: OPENJSON reads the changes.</summary>
    internal const string SqlServerUpdate = """
        UPDATE c SET MarketingUrl = j.marketing_url, Language = j.language, FinancialAidEnabled = j.financial_aid
        FROM Courses AS c
        JOIN OPENJSON({0}) WITH (id int, marketing_url nvarchar(max), language nvarchar(16), financial_aid bit) AS j ON c.Id = j.id
        """;

    public async Task ExecuteAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var (config, token) = await settings.ForSyncAsync(cancellationToken);
        if (!config.Enabled)
        {
            run.Log("The catalog sync is off (Sync → Catalog sync): nothing was requested.");
            return;
        }
        var first = new Uri(CatalogSyncRules.FirstPage(config.BaseUrl!, config.PageSize));
        var seen = new HashSet<Uri>();
        for (var (page, url) = (1, (Uri?)first); url is not null; page++)
        {
            if (!seen.Add(url))
            {
                throw new CatalogPageException(page, url.ToString(), "the catalog's \"next\" leads back to a page already read");
            }
            var answer = await catalog.GetPageAsync(url.ToString(), page, token, cancellationToken);
            var updated = await ApplyAsync(answer.Runs, run, cancellationToken);
            run.Count("pages");
            run.Count("found", answer.Runs.Count);
            run.Count("updated", updated);
            url = answer.Next is null ? null : NextPage(first, url, answer.Next, page + 1);
        }
        run.Count("matched", 0);
        run.Count("not-found", 0);
        run.Log($"{run.Counts["found"]} course runs in the catalog on {run.Counts["pages"]} page(s): {run.Counts["matched"]} matched, " +
            $"{run.Counts["not-found"]} not found here, {run.Counts["updated"]} updated.");
    }

    /// <summary>
    /// The next page's address, relative ones resolved against the current page. It must stay on the catalog's own
    /// scheme, host and port: the bearer token goes with every request, and no other server may collect it.
    /// </summary>
    private static Uri NextPage(Uri first, Uri current, string next, int page)
    {
        var url = new Uri(current, next);
        return url.Scheme == first.Scheme && url.Host == first.Host && url.Port == first.Port
            ? url
            : throw new CatalogPageException(page, url.ToString(), $"the catalog's \"next\" points to another server ({url.Host}); refused, so the token stays with the catalog");
    }

    /// <returns>How many courses changed.</returns>
    private async Task<int> ApplyAsync(IReadOnlyList<CatalogRun> runs, JobRunContext run, CancellationToken cancellationToken)
    {
        var keys = runs.Select(r => r.Key).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.IgnoreAutoIncludes().AsNoTracking().Where(c => keys.Contains(c.Key))
            .Select(c => new { c.Id, c.Key, Fields = new CatalogFields(c.MarketingUrl, c.Language, c.FinancialAidEnabled) })
            .ToDictionaryAsync(c => c.Key, cancellationToken);
        var changes = new List<object>();
        foreach (var catalogRun in runs)
        {
            if (!courses.TryGetValue(catalogRun.Key, out var course))
            {
                run.Count("not-found");
                logger.LogInformation("Catalog course run {Key} is not a course here", catalogRun.Key);
                continue;
            }
            run.Count("matched");
            var change = CatalogSyncRules.Compare(course.Fields, catalogRun);
            foreach (var rejected in change.Rejected)
            {
                run.Warn($"{catalogRun.Key}: {rejected}; kept what was stored.");
            }
            if (change.HasChanges)
            {
                changes.Add(new { id = course.Id, marketing_url = change.Fields.MarketingUrl, language = change.Fields.Language, financial_aid = change.Fields.FinancialAid });
            }
        }
        if (changes.Count > 0)
        {
            // One statement for the page's changes (EF Core's SQLite provider would send one per course).
            await db.Database.ExecuteSqlRawAsync(db.Provider() switch
            {
                DatabaseProvider.PostgreSql => """
                    UPDATE "Courses" AS c SET "MarketingUrl" = j.marketing_url, "Language" = j.language, "FinancialAidEnabled" = j.financial_aid
                    FROM json_to_recordset(CAST({0} AS json)) AS j(id integer, marketing_url text, language text, financial_aid boolean)
                    WHERE c."Id" = j.id
                    """,
                DatabaseProvider.SqlServer => SqlServerUpdate,
                _ => """
                    UPDATE Courses SET MarketingUrl = json_extract(c.value, '$.marketing_url'), Language = json_extract(c.value, '$.language'),
                                       FinancialAidEnabled = json_extract(c.value, '$.financial_aid')
                    FROM json_each({0}) AS c WHERE Courses.Id = json_extract(c.value, '$.id')
                    """,
            }, [JsonSerializer.Serialize(changes)], cancellationToken);
        }
        return changes.Count;
    }
}
