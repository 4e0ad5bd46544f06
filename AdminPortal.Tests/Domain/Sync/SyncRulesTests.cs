using AdminPortal.Domain;
using AdminPortal.Domain.Sync;

namespace AdminPortal.Tests.Domain.Sync;

public sealed class SyncRulesTests
{
    private const string Key = "course-v1:MITx+6.00x+2026_T1";
    private const string Social = "https://social.example.org/6.00x";
    private const string Marketing = "https://www.example.org/course/6.00x";
    private const string About = "https://lms.example.org/courses/course-v1:MITx+6.00x+2026_T1/about";

    [Theory]
    [InlineData(true, true, Social, Marketing, Social, SharingSource.Social)]
    [InlineData(true, false, Social, Marketing, Social, SharingSource.Social)]
    [InlineData(false, true, Social, Marketing, Marketing, SharingSource.Marketing)]
    [InlineData(false, false, Social, Marketing, About, SharingSource.About)]
    [InlineData(true, true, null, Marketing, Marketing, SharingSource.Marketing)]
    [InlineData(true, true, "", null, About, SharingSource.About)]
    [InlineData(true, false, null, Marketing, About, SharingSource.About)]
    [InlineData(false, true, Social, " ", About, SharingSource.About)]
    public void TheSharingLinkFollowsTheSettingsAndFallsBackWhenAUrlIsEmpty(
        bool custom, bool marketingSite, string? social, string? marketing, string url, SharingSource source) =>
        Assert.Equal(new SharingLink(url, source), SharingLinks.For(Key, social, marketing, new SharingSettings(custom, marketingSite, "https://lms.example.org/")));

    private static readonly CatalogFields Stored = new("https://old.example.org/c", "en", false);

    [Fact]
    public void OnlyFieldsPresentAndDifferentChange()
    {
        var change = CatalogSyncRules.Compare(Stored, new CatalogRun(Key, "https://new.example.org/c", "EN", null));

        Assert.Equal(new CatalogFields("https://new.example.org/c", "en", false), change.Fields);
        Assert.Equal(["marketing_url"], change.Changed);
    }

    [Fact]
    public void AMissingFieldKeepsTheStoredValue() =>
        Assert.False(CatalogSyncRules.Compare(Stored, new CatalogRun(Key, null, null, null)).HasChanges);

    [Fact]
    public void EveryFieldCanChange()
    {
        var change = CatalogSyncRules.Compare(Stored, new CatalogRun(Key, "https://new.example.org/c", "pt-br", true));

        Assert.Equal(new CatalogFields("https://new.example.org/c", "pt-br", true), change.Fields);
        Assert.Equal(["marketing_url", "language", "financial_aid"], change.Changed);
    }

    [Fact]
    public void AnInvalidValueIsRejectedAndTheStoredOneKept()
    {
        var change = CatalogSyncRules.Compare(Stored, new CatalogRun(Key, "ftp://files.example.org", "not a language", null));

        Assert.Equal((Stored, 0, 2), (change.Fields, change.Changed.Count, change.Rejected.Count));
        Assert.StartsWith("marketing_url: ", change.Rejected[0]);
    }

    [Fact]
    public void TheFirstPageAsksForThePageSizeWithoutUtm() =>
        Assert.Equal("https://catalog.example.org/api/v1/course_runs/?page_size=100&exclude_utm=1",
            CatalogSyncRules.FirstPage("https://catalog.example.org/api/v1/", 100));

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void APageSizeIsBetween1And1000(int size) =>
        Assert.Throws<DomainException>(() => new CatalogSyncSettings(DateTime.UtcNow).Change("https://catalog.example.org", size, true, "me", DateTime.UtcNow));

    [Fact]
    public void TheSyncCannotBeEnabledWithoutAnAddress() =>
        Assert.Equal("Set the catalog API base URL before enabling the sync.",
            Assert.Throws<DomainException>(() => new CatalogSyncSettings(DateTime.UtcNow).Change(" ", 100, true, "me", DateTime.UtcNow)).Message);
}
