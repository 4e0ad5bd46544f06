using AdminPortal.Domain.Accounts;

namespace AdminPortal.Tests.Domain.Accounts;

public sealed class AccountRulesTests
{
    private static readonly PortalActor Admin = new("admin", "Sam", [PortalRoles.Superuser]);
    private static readonly AccountState LastSuperuser = new("other", [PortalRoles.Superuser], IsDisabled: false);

    [Fact]
    public void TheLastActiveSuperuserCannotLoseTheRole()
    {
        var refusal = AccountRules.RefuseChange(new AccountChange.SetRoles([PortalRoles.Staff]), LastSuperuser, Admin, activeSuperusers: 1);
        Assert.Equal("At least one active superuser must remain: make another account a superuser first.", refusal);
    }

    [Fact]
    public void TheLastActiveSuperuserCannotBeDisabled() =>
        Assert.NotNull(AccountRules.RefuseChange(new AccountChange.Disable(), LastSuperuser, Admin, activeSuperusers: 1));

    [Fact]
    public void ASuperuserMayLoseTheRoleWhenAnotherRemains() =>
        Assert.Null(AccountRules.RefuseChange(new AccountChange.SetRoles([PortalRoles.Staff]), LastSuperuser, Admin, activeSuperusers: 2));

    [Fact]
    public void KeepingTheSuperuserRoleIsAlwaysAllowed() =>
        Assert.Null(AccountRules.RefuseChange(
            new AccountChange.SetRoles([PortalRoles.Superuser, PortalRoles.Support]), LastSuperuser, Admin, activeSuperusers: 1));

    [Fact]
    public void ADisabledSuperuserMayLoseTheRoleEvenWhenNoActiveOneWouldRemain()
    {
        var disabled = LastSuperuser with { IsDisabled = true };
        Assert.Null(AccountRules.RefuseChange(new AccountChange.SetRoles([PortalRoles.Staff]), disabled, Admin, activeSuperusers: 1));
    }

    [Fact]
    public void NobodyDisablesTheirOwnAccount()
    {
        var self = new AccountState(Admin.Id, [PortalRoles.Superuser], IsDisabled: false);
        Assert.Equal("You cannot disable your own account.",
            AccountRules.RefuseChange(new AccountChange.Disable(), self, Admin, activeSuperusers: 3));
    }

    [Fact]
    public void OtherAccountsMayBeDisabledAndEnabled()
    {
        var staff = new AccountState("staff", [PortalRoles.Staff], IsDisabled: false);
        Assert.Null(AccountRules.RefuseChange(new AccountChange.Disable(), staff, Admin, activeSuperusers: 1));
        Assert.Null(AccountRules.RefuseChange(new AccountChange.Enable(), staff with { IsDisabled = true }, Admin, activeSuperusers: 1));
    }
}
