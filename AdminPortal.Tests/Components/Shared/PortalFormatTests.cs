using AdminPortal.Components.Shared;

namespace AdminPortal.Tests.Components.Shared;

public sealed class PortalFormatTests
{
    [Fact]
    public void ATimeIsShownInUtcAndLabelledSo() =>
        Assert.Equal("2026-12-06 18:20 UTC", PortalFormat.Utc(new DateTime(2026, 12, 6, 18, 20, 59, DateTimeKind.Utc)));

    [Fact]
    public void NoTimeAndATimeNeverSetAreNever()
    {
        // A settings row never saved holds DateTime's default; it showed as "0001-01-01 00:00 UTC".
        Assert.Equal("never", PortalFormat.Utc((DateTime?)null));
        Assert.Equal("never", PortalFormat.Utc(default(DateTime)));
    }
}
