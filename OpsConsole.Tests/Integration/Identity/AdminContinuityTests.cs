using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>Each test counts Admins, so each gets a database of its own.</summary>
[Trait("Category", "Integration")]
public class AdminContinuityTests
{
    static async Task<IdentityHarness> StartAsync() => await IdentityHarness.StartAsync(await TestPostgres.CreateDatabaseAsync());

    [Fact]
    public async Task Last_active_admin_keeps_the_admin_role_and_cannot_be_disabled()
    {
        await using var harness = await StartAsync();
        var only = await harness.AddUserAsync("only@ops.test", Roles.Admin);
        var caller = await harness.PrincipalAsync("only@ops.test");

        var demote = await harness.Directory.SetRolesAsync(caller, only.Id, [Roles.Viewer]);
        var disable = await harness.Directory.DisableAsync(caller, only.Id);

        Assert.Contains("last active Admin", demote.ErrorFor(nameof(NewUser.Roles)));
        Assert.Contains("last active Admin", disable.Summary);
        var listed = await harness.FindAsync(caller, "only@ops.test");
        Assert.Equal([Roles.Admin], listed!.Roles);
        Assert.False(listed.IsDisabled);
        await using var db = harness.NewDb();
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Admin_cannot_disable_or_demote_themselves_while_another_admin_exists()
    {
        await using var harness = await StartAsync();
        var ada = await harness.AddUserAsync("ada@ops.test", Roles.Admin);
        await harness.AddUserAsync("bob@ops.test", Roles.Admin);
        var caller = await harness.PrincipalAsync("ada@ops.test");

        Assert.Equal("You cannot disable your own account; ask another Admin.", (await harness.Directory.DisableAsync(caller, ada.Id)).Summary);
        Assert.Equal("You cannot remove your own Admin role; ask another Admin.",
            (await harness.Directory.SetRolesAsync(caller, ada.Id, [Roles.Viewer])).ErrorFor(nameof(NewUser.Roles)));
        // Adding a role beside Admin is no demotion.
        Assert.True((await harness.Directory.SetRolesAsync(caller, ada.Id, [Roles.Admin, Roles.Viewer])).Succeeded);
    }

    [Fact]
    public async Task Another_admin_may_be_disabled_and_then_the_remaining_one_is_protected()
    {
        await using var harness = await StartAsync();
        var ada = await harness.AddUserAsync("ada@ops.test", Roles.Admin);
        var bob = await harness.AddUserAsync("bob@ops.test", Roles.Admin);
        var asBob = await harness.PrincipalAsync("bob@ops.test");

        Assert.True((await harness.Directory.DisableAsync(await harness.PrincipalAsync("ada@ops.test"), bob.Id)).Succeeded);

        // Bob's cookie still says Admin, but his account is disabled: he cannot undo it.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Directory.EnableAsync(asBob, bob.Id));
        var asAda = await harness.PrincipalAsync("ada@ops.test");
        Assert.Contains("last active Admin", (await harness.Directory.SetRolesAsync(asAda, ada.Id, [Roles.Viewer])).Summary);
    }
}
