using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Schedules;
using AdminPortal.Features.Sites;
using AdminPortal.Tests.Support;

namespace AdminPortal.Tests.Features.Schedules;

[RunsOnPostgreSql]
public sealed class ScheduleConfigServiceTests : IAsyncLifetime
{
    private PortalServices portal = default!;
    private ScheduleConfigService configs = default!;
    private int siteId;

    public async Task InitializeAsync()
    {
        portal = await PortalServices.StartAsync();
        configs = portal.Get<ScheduleConfigService>();
        siteId = (await portal.Get<SiteService>().SetAsync(new SiteRequest("learn.example.org", "Learn", []), PortalServices.Admin)).Site.Id;
    }

    public async Task DisposeAsync() => await portal.DisposeAsync();

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public async Task AHoldBackRatioOutsideZeroToOneIsRefusedWithTheExactMessage(double ratio)
    {
        var result = await configs.SaveAsync(siteId, ScheduleConfig.Off with { HoldBackRatio = ratio }, 0, PortalServices.Admin);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("hold_back_ratio", "Invalid hold back ratio, the value must be between 0 and 1."), (error.Field, error.Message));
        Assert.Equal(0, (await configs.ListAsync(PortalServices.Admin)).Single().Config.Version);
    }

    [Fact]
    public async Task ABlankHoldBackRatioOnTheFormIsRefusedNotSavedAsZero()
    {
        var form = ScheduleConfigForm.From(ScheduleConfig.Off with { HoldBackRatio = 0.25 });
        form.HoldBackRatio = null;

        var result = await configs.SaveAsync(siteId, form.ToValues(), 0, PortalServices.Admin);

        Assert.Equal("Invalid hold back ratio, the value must be between 0 and 1.", Assert.Single(result.Errors).Message);
        Assert.Equal(0, (await configs.ListAsync(PortalServices.Admin)).Single().Config.Version);
    }

    [Fact]
    public async Task ASiteWithoutAVersionShowsEverythingOff()
    {
        var site = Assert.Single(await configs.ListAsync(PortalServices.Admin));

        Assert.Equal((0, ScheduleConfig.Off), (site.Config.Version, site.Config.Values));
    }

    [Fact]
    public async Task StaffReadsButCannotSave()
    {
        var staff = new PortalActor("s", "Stella", [PortalRoles.Staff]);

        Assert.Single(await configs.ListAsync(staff));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => configs.SaveAsync(siteId, ScheduleConfig.Off, 0, staff));
        await Assert.ThrowsAsync<PortalForbiddenException>(() => configs.RestoreAsync(siteId, 1, 0, staff));
    }

    [Fact]
    public async Task AnUnknownSiteIsRefused() =>
        Assert.Equal("site", Assert.Single((await configs.SaveAsync(9999, ScheduleConfig.Off, 0, PortalServices.Admin)).Errors).Field);
}
