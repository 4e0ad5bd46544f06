using System.Text.RegularExpressions;
using AdminPortal.Domain.Text;

namespace AdminPortal.Domain.Learning;

/// <summary>
/// A site of the platform. Its org filter decides which courses it messages: the orgs listed, or, when the list is
/// empty, every org that no other site lists.
/// </summary>
public sealed partial class Site
{
    private Site()
    {
    }

    public Site(string domain, string name, IEnumerable<string> orgs)
    {
        Domain = ValidDomain(domain);
        Rename(name);
        SetOrgs(orgs);
    }

    public int Id { get; private set; }
    public string Domain { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> Orgs { get; private set; } = [];

    public bool TakesUnclaimedOrgs => Orgs.Count == 0;

    public void Rename(string name)
    {
        name = name.Trim();
        Name = name.Length is > 0 and <= 100 ? ControlCharacters.Refuse(name, "A site name") : throw new DomainException("A site name has 1 to 100 characters.");
    }

    public void SetOrgs(IEnumerable<string> orgs)
    {
        var list = orgs.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(o => !OrgName().IsMatch(o)) is { } bad)
        {
            throw new DomainException($"'{bad}' is not an org: use letters, digits and . _ - ~");
        }
        Orgs = list;
    }

    /// <summary>Whether this site's learners of a course of <paramref name="org"/> belong to it.</summary>
    public bool Covers(string org, IReadOnlySet<string> orgsClaimedByOtherSites) =>
        TakesUnclaimedOrgs ? !orgsClaimedByOtherSites.Contains(org) : Orgs.Contains(org);

    public static string ValidDomain(string domain)
    {
        domain = domain.Trim().ToLowerInvariant();
        return DomainName().IsMatch(domain) && domain.Length <= 253
            ? domain
            : throw new DomainException($"'{domain}' is not a site domain such as learn.example.org.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-~]+$")]
    public static partial Regex OrgName();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9\-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9\-]*[a-z0-9])?)*(:\d{1,5})?$")]
    private static partial Regex DomainName();
}
