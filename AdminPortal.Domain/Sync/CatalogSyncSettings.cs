using AdminPortal.Domain.Learning;

namespace AdminPortal.Domain.Sync;

/// <summary>
/// Where the catalog is and how to read it, set by a superuser. The bearer token is kept only in its encrypted form
/// (the web layer protects it with ASP.NET Data Protection) and is never shown again.
/// </summary>
public sealed class CatalogSyncSettings
{
    public const int SingleId = 1;

    private CatalogSyncSettings()
    {
    }

    public CatalogSyncSettings(DateTime nowUtc) => ModifiedUtc = nowUtc;

    public int Id { get; private set; } = SingleId;
    public string? BaseUrl { get; private set; }
    public int PageSize { get; private set; } = CatalogSyncRules.DefaultPageSize;
    public bool Enabled { get; private set; }
    public string? ProtectedToken { get; private set; }
    public DateTime? TokenSetUtc { get; private set; }
    public string ModifiedBy { get; private set; } = "";
    public DateTime ModifiedUtc { get; private set; }

    public bool HasToken => ProtectedToken is not null;

    public void Change(string? baseUrl, int pageSize, bool enabled, string modifiedBy, DateTime nowUtc)
    {
        var url = WebAddress.ValidOrNull(baseUrl, "catalog API base URL");
        if (enabled && url is null)
        {
            throw new DomainException("Set the catalog API base URL before enabling the sync.");
        }
        if (pageSize is < CatalogSyncRules.MinPageSize or > CatalogSyncRules.MaxPageSize)
        {
            throw new DomainException($"The page size is between {CatalogSyncRules.MinPageSize} and {CatalogSyncRules.MaxPageSize}, not {pageSize}.");
        }
        (BaseUrl, PageSize, Enabled, ModifiedBy, ModifiedUtc) = (url, pageSize, enabled, modifiedBy, nowUtc);
    }

    /// <param name="protectedToken">The token already encrypted; null removes it.</param>
    public void SetToken(string? protectedToken, DateTime nowUtc) =>
        (ProtectedToken, TokenSetUtc, ModifiedUtc) = (protectedToken, protectedToken is null ? null : nowUtc, nowUtc);
}
