using AdminPortal.Domain.Accounts;

namespace AdminPortal.Tests.Domain.Accounts;

public sealed class PortalPoliciesTests
{
    // The matrix of docs/behaviour.md "People and what they may do", written out so a change to it shows here.
    [Theory]
    [InlineData(PortalRoles.Superuser, PolicyNames.SignedIn, true)]
    [InlineData(PortalRoles.Superuser, PolicyNames.ViewOperations, true)]
    [InlineData(PortalRoles.Superuser, PolicyNames.ManagePortal, true)]
    [InlineData(PortalRoles.Superuser, PolicyNames.ResetCourses, true)]
    [InlineData(PortalRoles.Superuser, PolicyNames.EditHighlights, true)]
    [InlineData(PortalRoles.Staff, PolicyNames.SignedIn, true)]
    [InlineData(PortalRoles.Staff, PolicyNames.ViewOperations, true)]
    [InlineData(PortalRoles.Staff, PolicyNames.ManagePortal, false)]
    [InlineData(PortalRoles.Staff, PolicyNames.ResetCourses, false)]
    [InlineData(PortalRoles.Staff, PolicyNames.EditHighlights, false)]
    [InlineData(PortalRoles.Support, PolicyNames.SignedIn, true)]
    [InlineData(PortalRoles.Support, PolicyNames.ViewOperations, false)]
    [InlineData(PortalRoles.Support, PolicyNames.ManagePortal, false)]
    [InlineData(PortalRoles.Support, PolicyNames.ResetCourses, true)]
    [InlineData(PortalRoles.Support, PolicyNames.EditHighlights, false)]
    [InlineData(PortalRoles.CourseAuthor, PolicyNames.SignedIn, true)]
    [InlineData(PortalRoles.CourseAuthor, PolicyNames.ViewOperations, false)]
    [InlineData(PortalRoles.CourseAuthor, PolicyNames.ManagePortal, false)]
    [InlineData(PortalRoles.CourseAuthor, PolicyNames.ResetCourses, false)]
    [InlineData(PortalRoles.CourseAuthor, PolicyNames.EditHighlights, true)]
    public void EachRoleHoldsExactlyItsPolicies(string role, string policyName, bool granted)
    {
        var policy = PortalPolicies.Find(policyName)!;
        Assert.Equal(granted, policy.IsGrantedTo([role]));
        Assert.Equal(granted, new PortalActor("id", "someone", [role]).Can(policy));
    }

    [Fact]
    public void EveryPolicyIsCoveredByTheMatrix() =>
        Assert.Equal(
            [PolicyNames.SignedIn, PolicyNames.ViewOperations, PolicyNames.ManagePortal, PolicyNames.ResetCourses, PolicyNames.EditHighlights],
            PortalPolicies.All.Select(p => p.Name));

    [Fact]
    public void AnAccountWithoutRolesHoldsNoPolicy() =>
        Assert.All(PortalPolicies.All, policy => Assert.False(new PortalActor("id", "nobody", []).Can(policy)));

    [Fact]
    public void SeveralRolesAddUp()
    {
        var actor = new PortalActor("id", "both", [PortalRoles.Support, PortalRoles.CourseAuthor]);
        Assert.True(actor.Can(PortalPolicies.ResetCourses));
        Assert.True(actor.Can(PortalPolicies.EditHighlights));
        Assert.False(actor.Can(PortalPolicies.ManagePortal));
    }

    [Fact]
    public void TheSystemActorMayDoEverything() =>
        Assert.All(PortalPolicies.All, policy => Assert.True(PortalActor.System("nightly job").Can(policy)));

    [Fact]
    public void DemandExplainsWhichRoleIsNeeded()
    {
        var staff = new PortalActor("id", "Stella", [PortalRoles.Staff]);
        var refused = Assert.Throws<PortalForbiddenException>(() => staff.Demand(PortalPolicies.ManagePortal));
        Assert.Equal("Stella may not do this: it needs the Superuser role.", refused.Message);
    }

    [Fact]
    public void RoleNamesAreKnownExactly()
    {
        Assert.True(PortalRoles.IsKnown("CourseAuthor"));
        Assert.False(PortalRoles.IsKnown("courseauthor"));
        Assert.False(PortalRoles.IsKnown("Admin"));
    }
}
