using OpsConsole.Domain.Identity;

namespace OpsConsole.Tests.Domain.Identity;

[Trait("Category", "Domain")]
public class AdminContinuityTests
{
    [Theory]
    [InlineData(AccountChange.Disable)]
    [InlineData(AccountChange.RemoveAdminRole)]
    public void Last_active_admin_is_kept_whoever_asks(AccountChange change)
    {
        Assert.Contains("last active Admin", AdminContinuity.Refusal(change, targetIsCaller: true, targetIsActiveAdmin: true, activeAdmins: 1));
        Assert.Contains("last active Admin", AdminContinuity.Refusal(change, targetIsCaller: false, targetIsActiveAdmin: true, activeAdmins: 1));
    }

    [Fact]
    public void An_admin_cannot_take_their_own_rights_even_with_other_admins_present()
    {
        Assert.Equal("You cannot disable your own account; ask another Admin.",
            AdminContinuity.Refusal(AccountChange.Disable, targetIsCaller: true, targetIsActiveAdmin: true, activeAdmins: 3));
        Assert.Equal("You cannot remove your own Admin role; ask another Admin.",
            AdminContinuity.Refusal(AccountChange.RemoveAdminRole, targetIsCaller: true, targetIsActiveAdmin: true, activeAdmins: 3));
    }

    [Fact]
    public void Another_admin_or_a_non_admin_may_be_changed()
    {
        Assert.Null(AdminContinuity.Refusal(AccountChange.Disable, targetIsCaller: false, targetIsActiveAdmin: true, activeAdmins: 2));
        Assert.Null(AdminContinuity.Refusal(AccountChange.RemoveAdminRole, targetIsCaller: false, targetIsActiveAdmin: true, activeAdmins: 2));
        Assert.Null(AdminContinuity.Refusal(AccountChange.Disable, targetIsCaller: false, targetIsActiveAdmin: false, activeAdmins: 1));
    }
}
