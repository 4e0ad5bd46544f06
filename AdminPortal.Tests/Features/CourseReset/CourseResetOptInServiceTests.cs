using AdminPortal.Data;
using AdminPortal.Api;
using AdminPortal.Domain.Accounts;
using AdminPortal.Features.CourseReset;
using AdminPortal.Tests.Support;
using static AdminPortal.Tests.Support.CourseResetWorld;

namespace AdminPortal.Tests.Features.CourseReset;

[RunsOnPostgreSql]
public sealed class CourseResetOptInServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;

    private CourseResetOptInService OptIns => portal.Get<CourseResetOptInService>();

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        await SeedAsync(portal.Services);
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    private async Task<IReadOnlyList<OptInRow>> OptedInAsync() =>
        (await OptIns.SearchAsync(null, new PageRequest(0, 100), PortalServices.Admin)).Items;

    [Fact]
    public async Task TheListIsSearchedByKeyOrNameAndPagedByKey()
    {
        var all = await OptedInAsync();
        var page = await OptIns.SearchAsync(null, new PageRequest(2, 2), PortalServices.Admin);
        var byName = await OptIns.SearchAsync("second COURSE", new PageRequest(0, 10), PortalServices.Admin);
        var byKey = await OptIns.SearchAsync("+Off+", new PageRequest(0, 10), PortalServices.Admin);

        Assert.Equal(all.Select(r => r.CourseKey).Order(StringComparer.Ordinal), all.Select(r => r.CourseKey));
        Assert.Equal(5, page.Total);
        Assert.Equal(all.Skip(2).Take(2).Select(r => r.Id), page.Items.Select(r => r.Id));
        Assert.Equal([Second], byName.Items.Select(r => r.CourseKey));
        Assert.Equal([SwitchedOff], byKey.Items.Select(r => r.CourseKey));
    }

    [Fact]
    public async Task ACourseIsOptedInOnceThenSwitchedOffAndOn()
    {
        var added = await OptIns.AddAsync($" {NotOptedIn} ", PortalServices.Admin);
        var twice = await OptIns.AddAsync(NotOptedIn, PortalServices.Admin);
        var off = await OptIns.SetActiveAsync(added.Value!.Id, false, PortalServices.Admin);

        Assert.Equal((NotOptedIn, "Not opted in", true, "test"), (added.Value.CourseKey, added.Value.CourseName, added.Value.IsActive, added.Value.CreatedBy));
        Assert.Equal(new ServiceError(ErrorKind.Conflict, "course", $"{NotOptedIn} is already opted in; switch it on or off in the list."), Assert.Single(twice.Errors));
        Assert.False(off.Value!.IsActive);
        Assert.Equal(6, (await OptedInAsync()).Count);
    }

    [Theory]
    [InlineData("course-v1:MITx+Nope+2026", ErrorKind.NotFound, "No course has the key course-v1:MITx+Nope+2026: import or publish it first.")]
    [InlineData("not a key", ErrorKind.Invalid, "'not a key' is not a course key")]
    [InlineData(" ", ErrorKind.Invalid, "Enter a course key such as")]
    public async Task AnUnknownOrMalformedCourseIsRefused(string key, ErrorKind kind, string message)
    {
        var error = Assert.Single((await OptIns.AddAsync(key, PortalServices.Admin)).Errors);

        Assert.Equal((kind, "course"), (error.Kind, error.Field));
        Assert.StartsWith(message, error.Message);
        Assert.Equal(5, (await OptedInAsync()).Count);
    }

    [Theory]
    [InlineData(PortalRoles.Support)]
    [InlineData(PortalRoles.Staff)]
    public async Task OnlySuperusersManageOptIns(string role)
    {
        var actor = new PortalActor("x", "someone", [role]);

        await Assert.ThrowsAsync<PortalForbiddenException>(() => OptIns.SearchAsync(null, new PageRequest(0, 100), actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => OptIns.AddAsync(NotOptedIn, actor));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => OptIns.SetActiveAsync(1, false, actor));
    }
}
