using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

[Trait("Category", "Integration")]
public class UserDirectoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    const string StrongPassword = "Strong-pass-42";

    static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@ops.test";

    async Task<(IdentityHarness Harness, string AdminEmail)> StartAsync()
    {
        var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var admin = Email("admin");
        await harness.AddUserAsync(admin, Roles.Admin);
        return (harness, admin);
    }

    [Fact]
    public async Task Created_user_has_its_roles_and_departments_and_one_audit_event_in_the_same_transaction()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);
        var email = Email("nina");

        var result = await harness.Directory.CreateAsync(caller,
            new NewUser($"  {email.ToUpperInvariant()} ", "Nina Operator", StrongPassword, [Roles.Operator, Roles.Viewer], ["treasury"]));

        Assert.True(result.Succeeded, result.Summary);
        var listed = await harness.FindAsync(caller, email);
        Assert.NotNull(listed);
        Assert.Equal("Nina Operator", listed.DisplayName);
        Assert.Equal([Roles.Operator, Roles.Viewer], listed.Roles);
        Assert.Equal(["treasury"], listed.Departments);
        Assert.False(listed.IsDisabled);
        Assert.True((await harness.CheckPasswordAsync(email, StrongPassword)).Succeeded);

        await using var db = harness.NewDb();
        var audit = await db.AuditEvents.SingleAsync(e => e.SubjectId == email);
        Assert.Equal(("user.created", "user", admin), (audit.Action, audit.SubjectType, audit.Actor));
        Assert.Equal("[\"Operator\",\"Viewer\"]", audit.Details["roles"]!.ToJsonString());
        // Rows written by one transaction carry the same xmin: the user, its roles, its department and the event.
        var transactions = await db.Database.SqlQuery<string>($"""
            SELECT xmin::text AS "Value" FROM "AspNetUsers" WHERE id = {listed.Id}
            UNION SELECT xmin::text FROM "AspNetUserRoles" WHERE user_id = {listed.Id}
            UNION SELECT xmin::text FROM user_departments WHERE user_id = {listed.Id}
            UNION SELECT xmin::text FROM audit_events WHERE id = {audit.Id}
            """).ToListAsync();
        Assert.Single(transactions);
    }

    [Fact]
    public async Task Weak_password_stores_nothing_and_names_the_rule()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);
        var email = Email("weak");

        var result = await harness.Directory.CreateAsync(caller, new NewUser(email, "Weak Password", "short1", [Roles.Viewer], []));

        Assert.False(result.Succeeded);
        var problem = result.ErrorFor(nameof(NewUser.Password));
        Assert.NotNull(problem);
        Assert.Contains("at least 10 characters", problem);
        Assert.Contains("upper", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await harness.FindAsync(caller, email));
        await using var db = harness.NewDb();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.SubjectId == email));
    }

    [Fact]
    public async Task Every_wrong_field_is_reported_at_once_by_name()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);

        var result = await harness.Directory.CreateAsync(caller, new NewUser("not an email", " ", StrongPassword, ["Wizard"], ["nowhere"]));

        Assert.Contains("not a valid address", result.ErrorFor(nameof(NewUser.Email)));
        Assert.Equal("Display name is required.", result.ErrorFor(nameof(NewUser.DisplayName)));
        Assert.Contains("Role 'Wizard' does not exist", result.ErrorFor(nameof(NewUser.Roles)));
        Assert.Equal("Department 'nowhere' does not exist.", result.ErrorFor(nameof(NewUser.Departments)));
        Assert.Null(result.ErrorFor(nameof(NewUser.Password)));
    }

    [Fact]
    public async Task Second_user_with_the_same_email_is_refused()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);

        var result = await harness.Directory.CreateAsync(caller, new NewUser(admin, "Copy", StrongPassword, [Roles.Viewer], []));

        Assert.Contains("already exists", result.ErrorFor(nameof(NewUser.Email)));
    }

    [Fact]
    public async Task Role_and_department_changes_are_audited_with_before_and_after()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);
        var email = Email("max");
        var user = await harness.AddUserAsync(email, Roles.Operator);

        Assert.True((await harness.Directory.SetRolesAsync(caller, user.Id, [Roles.Manager, Roles.Viewer])).Succeeded);
        Assert.True((await harness.Directory.SetDepartmentsAsync(caller, user.Id, ["operations", "treasury"])).Succeeded);
        Assert.True((await harness.Directory.SetDepartmentsAsync(caller, user.Id, ["operations"])).Succeeded);

        var listed = await harness.FindAsync(caller, email);
        Assert.Equal([Roles.Manager, Roles.Viewer], listed!.Roles);
        Assert.Equal(["operations"], listed.Departments);
        await using var db = harness.NewDb();
        var events = await db.AuditEvents.Where(e => e.SubjectId == email).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["user.roles_changed", "user.departments_changed", "user.departments_changed"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(admin, e.Actor));
        Assert.Equal("""["Operator"]""", events[0].Details["before"]!.ToJsonString());
        Assert.Equal("""["Manager","Viewer"]""", events[0].Details["after"]!.ToJsonString());
        Assert.Equal("""["operations","treasury"]""", events[2].Details["before"]!.ToJsonString());
        Assert.Equal("""["operations"]""", events[2].Details["after"]!.ToJsonString());
    }

    [Fact]
    public async Task Role_change_renews_the_security_stamp_so_open_sessions_sign_in_again()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);
        var user = await harness.AddUserAsync(Email("stamp"), Roles.Manager);

        await harness.Directory.SetRolesAsync(caller, user.Id, [Roles.Viewer]);

        await using var db = harness.NewDb();
        Assert.NotEqual(user.SecurityStamp, (await db.Users.SingleAsync(u => u.Id == user.Id)).SecurityStamp);
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_until_enabled_and_both_changes_are_audited()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var caller = await harness.PrincipalAsync(admin);
        var email = Email("leaver");
        var user = await harness.AddUserAsync(email, Roles.Operator);
        Assert.True((await harness.CheckPasswordAsync(email, IdentityHarness.Password)).Succeeded);

        Assert.True((await harness.Directory.DisableAsync(caller, user.Id)).Succeeded);

        var refused = await harness.CheckPasswordAsync(email, IdentityHarness.Password);
        Assert.True(refused.IsLockedOut);
        Assert.False(refused.Succeeded);
        await using (var db = harness.NewDb())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            Assert.True(stored.IsDisabled);
            Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
        }
        Assert.True((await harness.FindAsync(caller, email))!.IsDisabled);

        Assert.True((await harness.Directory.EnableAsync(caller, user.Id)).Succeeded);

        Assert.True((await harness.CheckPasswordAsync(email, IdentityHarness.Password)).Succeeded);
        await using var read = harness.NewDb();
        var actions = await read.AuditEvents.Where(e => e.SubjectId == email).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["user.disabled", "user.enabled"], actions);
    }

    [Fact]
    public async Task Non_admin_caller_is_refused_and_nothing_changes()
    {
        var (harness, _) = await StartAsync();
        await using var __ = harness;
        var viewer = Email("viewer");
        var target = await harness.AddUserAsync(viewer, Roles.Viewer);
        var caller = await harness.PrincipalAsync(viewer);
        var email = Email("sneaky");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            harness.Directory.CreateAsync(caller, new NewUser(email, "Sneaky", StrongPassword, [Roles.Admin], [])));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Directory.SetRolesAsync(caller, target.Id, [Roles.Admin]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Directory.ListAsync(caller));

        await using var db = harness.NewDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.SubjectId == email || e.SubjectId == viewer));
    }

    [Fact]
    public async Task Admin_cookie_of_an_account_no_longer_admin_is_refused()
    {
        var (harness, admin) = await StartAsync();
        await using var _ = harness;
        var formerAdmin = Email("former");
        var former = await harness.AddUserAsync(formerAdmin, Roles.Admin);
        var staleCookie = await harness.PrincipalAsync(formerAdmin);
        Assert.True((await harness.Directory.SetRolesAsync(await harness.PrincipalAsync(admin), former.Id, [Roles.Viewer])).Succeeded);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Directory.SetRolesAsync(staleCookie, former.Id, [Roles.Admin]));
    }
}
