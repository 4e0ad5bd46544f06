using AdminPortal.Data;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.Courses;
using AdminPortal.Features.DemoData;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Courses;

[RunsOnPostgreSql]
public sealed class CourseBrowserTests : IAsyncLifetime
{
    private readonly SqlCounter sql = new();
    private PortalServices portal = default!;
    private CourseBrowser browser = default!;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync(sql.AddTo);
        await portal.Get<DemoDataSeeder>().SeedAsync(300, 42, PortalServices.Admin);
        browser = portal.Get<CourseBrowser>();
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Fact]
    public async Task AllCoursesArePagedWithTheirActiveEnrollments()
    {
        var first = await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 15), PortalServices.Admin);
        var second = await browser.SearchAsync(new CourseFilter(), new PageRequest(15, 15), PortalServices.Admin);

        Assert.Equal(40, first.Total);
        Assert.Equal(15, first.Items.Count);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
        Assert.True(first.Items.Sum(c => c.ActiveEnrollments) > 0);
        Assert.Equal(first.Items.Select(c => c.Key).Order(StringComparer.Ordinal), first.Items.Select(c => c.Key));
    }

    [Fact]
    public async Task APageCostsTheSameStatementsWhateverItsSize()
    {
        sql.Reset();
        await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 2), PortalServices.Admin);
        var small = sql.Count;
        sql.Reset();
        await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 40), PortalServices.Admin);

        Assert.Equal(small, sql.Count);
        Assert.True(small <= 3, $"{small} statements");
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var now = DateTime.UtcNow;

        var mitxSelfPaced = await browser.SearchAsync(new CourseFilter(Org: "MITx", SelfPaced: true), new PageRequest(0, 50), PortalServices.Admin);
        var ended = await browser.SearchAsync(new CourseFilter(State: CourseState.Ended), new PageRequest(0, 50), PortalServices.Admin);
        var notStarted = await browser.SearchAsync(new CourseFilter(State: CourseState.NotStarted), new PageRequest(0, 50), PortalServices.Admin);

        Assert.NotEmpty(mitxSelfPaced.Items);
        Assert.All(mitxSelfPaced.Items, c => Assert.True(c.Org == "MITx" && c.SelfPaced));
        Assert.NotEmpty(ended.Items);
        Assert.All(ended.Items, c => Assert.True(c.EndUtc <= now));
        Assert.NotEmpty(notStarted.Items);
        Assert.All(notStarted.Items, c => Assert.True(c.StartUtc > now));
    }

    [Fact]
    public async Task SearchIgnoresCaseAndTakesPercentLiterally()
    {
        var upper = await browser.SearchAsync(new CourseFilter(Search: "MITX"), new PageRequest(0, 50), PortalServices.Admin);
        var lower = await browser.SearchAsync(new CourseFilter(Search: "mitx"), new PageRequest(0, 50), PortalServices.Admin);
        var percent = await browser.SearchAsync(new CourseFilter(Search: "%"), new PageRequest(0, 50), PortalServices.Admin);

        Assert.Equal(8, upper.Total);
        Assert.Equal(upper.Items.Select(c => c.Id), lower.Items.Select(c => c.Id));
        Assert.Equal(0, percent.Total);
    }

    [Fact]
    public async Task SortingIsByAKnownColumnOnly()
    {
        var byStart = await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 40, nameof(CourseRow.StartUtc), Descending: true), PortalServices.Admin);
        var unknown = await browser.SearchAsync(new CourseFilter(), new PageRequest(0, 40, "Id; DROP TABLE Courses"), PortalServices.Admin);

        Assert.Equal(byStart.Items.Select(c => c.StartUtc).OrderDescending(), byStart.Items.Select(c => c.StartUtc));
        Assert.Equal(40, unknown.Total);
    }

    [Fact]
    public async Task TheDetailShowsModesSectionsAndCounts()
    {
        var row = (await browser.SearchAsync(new CourseFilter(Org: "MITx"), new PageRequest(0, 1), PortalServices.Admin)).Items.Single();

        var detail = await browser.DetailAsync(row.Id, PortalServices.Admin);

        Assert.NotNull(detail);
        Assert.Equal(row.ActiveEnrollments, detail.Enrollments.Active);
        Assert.Equal(detail.Enrollments.Active, detail.Enrollments.ActiveByMode.Values.Sum());
        Assert.InRange(detail.Sections.Count, 6, 12);
        Assert.Equal(detail.Sections.Select(s => s.Position).Order(), detail.Sections.Select(s => s.Position));
        Assert.Null(await browser.DetailAsync(-1, PortalServices.Admin));
    }

    [Fact]
    public async Task SupportAndAuthorsCannotBrowse()
    {
        var support = new PortalActor("x", "Sid", [PortalRoles.Support]);

        await Assert.ThrowsAsync<PortalForbiddenException>(() => browser.SearchAsync(new CourseFilter(), new PageRequest(0, 10), support));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => browser.DetailAsync(1, support));
    }
}
