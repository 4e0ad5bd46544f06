using AdminPortal.Features.Accounts;

namespace AdminPortal.Tests.Features.Accounts;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/admin/accounts", "/admin/accounts")]
    [InlineData("/admin/accounts?tab=2", "/admin/accounts?tab=2")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("admin/accounts", "/")]
    public void OnlyAddressesOnThisSiteAreFollowed(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(returnUrl));
}
