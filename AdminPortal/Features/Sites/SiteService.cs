using AdminPortal.Data;
using AdminPortal.Domain;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Learning;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.Sites;

/// <param name="Orgs">null keeps the current filter; empty means every org no other site lists.</param>
public sealed record SiteRequest(string Domain, string? Name, IReadOnlyList<string>? Orgs);

public sealed record SiteSummary(int Id, string Domain, string Name, IReadOnlyList<string> Orgs)
{
    public string OrgFilter => Orgs.Count == 0 ? "every org no other site lists" : string.Join(", ", Orgs);
}

public sealed class SiteService(IDbContextFactory<PortalDbContext> contexts, ILogger<SiteService> logger)
{
    public async Task<IReadOnlyList<SiteSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Domain).ToListAsync(cancellationToken);
        return sites.Select(ToSummary).ToList();
    }

    /// <summary>Creates the site, or updates the name and org filter given; an org belongs to one site at most.</summary>
    public async Task<(SiteSummary Site, bool Created)> SetAsync(SiteRequest request, PortalActor actor, CancellationToken cancellationToken = default)
    {
        actor.Demand(PortalPolicies.ManagePortal);
        var domain = Site.ValidDomain(request.Domain);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Domain == domain, cancellationToken);
        var created = site is null;
        site ??= db.Sites.Add(new Site(domain, request.Name ?? domain, [])).Entity;
        if (request.Name is not null)
        {
            site.Rename(request.Name);
        }
        if (request.Orgs is not null)
        {
            site.SetOrgs(request.Orgs);
            var others = await db.Sites.AsNoTracking().Where(s => s.Domain != domain).ToListAsync(cancellationToken);
            if (others.SelectMany(o => o.Orgs.Select(org => (org, o.Domain))).FirstOrDefault(p => site.Orgs.Contains(p.org)) is { org: not null } clash)
            {
                throw new DomainException($"The org {clash.org} is already listed by the site {clash.Domain}: an org belongs to one site.");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} {Change} site {Domain}: orgs {Orgs}", actor.Name, created ? "created" : "updated", domain, site.Orgs);
        return (ToSummary(site), created);
    }

    private static SiteSummary ToSummary(Site site) => new(site.Id, site.Domain, site.Name, site.Orgs);
}
