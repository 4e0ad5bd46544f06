using AdminPortal.Domain;
using AdminPortal.Domain.Learning;

namespace AdminPortal.Tests.Domain.Learning;

public sealed class SiteAndLearnerRulesTests
{
    private static readonly HashSet<string> ClaimedElsewhere = ["MITx"];

    [Fact]
    public void ASiteWithOrgsCoversExactlyThem()
    {
        var site = new Site("partners.example.org", "Partners", ["HarvardX", " BerkeleyX ", "HarvardX"]);

        Assert.Equal(["HarvardX", "BerkeleyX"], site.Orgs);
        Assert.True(site.Covers("BerkeleyX", ClaimedElsewhere));
        Assert.False(site.Covers("DemoX", ClaimedElsewhere));
    }

    [Fact]
    public void ASiteWithoutOrgsCoversEveryOrgNoOtherSiteLists()
    {
        var site = new Site("learn.example.org", "Learn", []);

        Assert.True(site.TakesUnclaimedOrgs);
        Assert.True(site.Covers("DemoX", ClaimedElsewhere));
        Assert.False(site.Covers("MITx", ClaimedElsewhere));
    }

    [Theory]
    [InlineData("Learn.Example.org", "learn.example.org")]
    [InlineData("localhost:8000", "localhost:8000")]
    public void DomainsAreLowerCased(string domain, string stored) => Assert.Equal(stored, Site.ValidDomain(domain));

    [Theory]
    [InlineData("not a domain")]
    [InlineData("https://learn.example.org")]
    [InlineData("-bad.example.org")]
    public void ABadDomainIsRefused(string domain) => Assert.Throws<DomainException>(() => Site.ValidDomain(domain));

    [Theory]
    [InlineData("ada")]
    [InlineData("ada.lovelace+test@x")]
    [InlineData("A_1-2")]
    public void UsernamesUseTheLmsCharacters(string username) => Assert.Equal(username, Learner.ValidUsername(username));

    [Theory]
    [InlineData("a")]
    [InlineData("ada lovelace")]
    [InlineData("ada/lovelace")]
    public void OtherUsernamesAreRefused(string username) => Assert.Throws<DomainException>(() => Learner.ValidUsername(username));

    [Theory]
    [InlineData("Ada Lovelace <ada@example.org>")]
    [InlineData("ada@localhost")]
    [InlineData("ada")]
    public void AnEmailIsOneAddressWithADomain(string email) => Assert.Throws<DomainException>(() => Learner.ValidEmail(email));

    [Fact]
    public void AGradeIsAFraction()
    {
        var grade = new CourseGrade(1, 1);

        Assert.Throws<DomainException>(() => grade.Record(1.2, null, DateTime.UtcNow));
        grade.Record(0.8, DateTime.UtcNow, DateTime.UtcNow);
        Assert.True(grade.IsPassing);
    }

    [Fact]
    public void AScoreCannotExceedItsMaximum() =>
        Assert.Throws<DomainException>(() => new BlockState(1, 1, "block").Record(1, 2, 1, DateTime.UtcNow));
}
