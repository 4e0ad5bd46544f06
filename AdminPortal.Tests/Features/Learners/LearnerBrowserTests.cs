using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Learners;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Learners;

[RunsOnPostgreSql]
public sealed class LearnerBrowserTests : IAsyncLifetime
{
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;
    private LearnerBrowser browser = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(sql.AddTo);
        await portal.Get<DemoDataSeeder>().SeedAsync(2500, 42, PortalServices.Admin);
        browser = portal.Get<LearnerBrowser>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task APrefixMatchesUsernamesAndEmailsWhateverTheCase()
    {
        var someone = (await browser.SearchAsync(null, new PageRequest(0, 1), PortalServices.Admin)).Items.Single();

        var byUsername = await browser.SearchAsync(someone.Username.ToUpperInvariant(), new PageRequest(0, 20), PortalServices.Admin);
        var byEmail = await browser.SearchAsync(someone.Email, new PageRequest(0, 20), PortalServices.Admin);

        Assert.Contains(byUsername.Items, r => r.Id == someone.Id);
        Assert.Equal(someone.Id, Assert.Single(byEmail.Items).Id);
        Assert.All(byUsername.Items, r => Assert.True(
            r.Username.StartsWith(someone.Username, StringComparison.OrdinalIgnoreCase) || r.Email.StartsWith(someone.Username, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AShortPrefixIsCappedAndSaysSo()
    {
        var page = await browser.SearchAsync("a", new PageRequest(0, 20), PortalServices.Admin);
        var last = await browser.SearchAsync("a", new PageRequest(page.Total - 5, 20), PortalServices.Admin);

        Assert.True(page.Truncated);
        Assert.InRange(page.Total, LearnerBrowser.MaxMatches, 2 * LearnerBrowser.MaxMatches);
        Assert.Equal(20, page.Items.Count);
        Assert.Equal(5, last.Items.Count);
        Assert.Equal(page.Items.Select(r => r.Username).Order(StringComparer.OrdinalIgnoreCase), page.Items.Select(r => r.Username));
    }

    [Theory]
    [InlineData(nameof(LearnerRow.Username), false)]
    [InlineData(nameof(LearnerRow.Email), true)]
    [InlineData(nameof(LearnerRow.JoinedUtc), false)]
    public async Task SearchResultsSortByAnyColumnAcrossPages(string column, bool descending)
    {
        var first = await browser.SearchAsync("b", new PageRequest(0, 30, column, descending), PortalServices.Admin);
        var second = await browser.SearchAsync("b", new PageRequest(30, 30, column, descending), PortalServices.Admin);
        var all = first.Items.Concat(second.Items).ToList();
        Func<LearnerRow, string> key = column switch
        {
            nameof(LearnerRow.Email) => r => r.Email.ToLowerInvariant(),
            nameof(LearnerRow.JoinedUtc) => r => r.JoinedUtc.ToString("O"),
            _ => r => r.Username.ToLowerInvariant(),
        };

        Assert.Equal(60, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(descending ? all.Select(key).OrderDescending(StringComparer.Ordinal) : all.Select(key).Order(StringComparer.Ordinal), all.Select(key));
    }

    [Fact]
    public async Task WithoutAPrefixEveryLearnerIsPagedInSql()
    {
        var page = await browser.SearchAsync(" ", new PageRequest(40, 20, nameof(LearnerRow.JoinedUtc), Descending: true), PortalServices.Admin);

        Assert.Equal(2500, page.Total);
        Assert.False(page.Truncated);
        Assert.Equal(page.Items.Select(r => r.JoinedUtc).OrderDescending(), page.Items.Select(r => r.JoinedUtc));
    }

    [Fact]
    public async Task TheDetailListsEveryEnrollmentWithItsProgressInAFixedNumberOfQueries()
    {
        var all = await browser.SearchAsync(null, new PageRequest(0, 200), PortalServices.Admin);
        var counts = new Dictionary<int, int>();
        foreach (var row in all.Items)
        {
            sql.Reset();
            var detail = await browser.DetailAsync(row.Id, PortalServices.Admin);
            counts[detail!.Courses.Count] = sql.Count;
        }

        Assert.Contains(counts.Keys, k => k >= 3);
        Assert.Single(counts.Values.Distinct());
    }

    [Fact]
    public async Task AnUnknownLearnerIsNullAndSupportCannotBrowse()
    {
        Assert.Null(await browser.DetailAsync(-5, PortalServices.Admin));
        await Assert.ThrowsAsync<PortalForbiddenException>(() =>
            browser.SearchAsync("a", new PageRequest(0, 20), new PortalActor("x", "Sid", [PortalRoles.Support])));
    }
}
