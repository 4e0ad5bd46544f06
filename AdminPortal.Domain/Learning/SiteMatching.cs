namespace AdminPortal.Domain.Learning;

public static class SiteMatching
{
    /// <summary>
    /// The site a course belongs to: the one it was published on; else the site that lists its org; else the site
    /// that takes every org no other site lists; else none.
    /// </summary>
    public static Site? SiteOf(int? siteId, string org, IReadOnlyList<Site> sites) =>
        sites.FirstOrDefault(s => s.Id == siteId)
        ?? sites.FirstOrDefault(s => s.Orgs.Contains(org))
        ?? sites.FirstOrDefault(s => s.TakesUnclaimedOrgs);
}
