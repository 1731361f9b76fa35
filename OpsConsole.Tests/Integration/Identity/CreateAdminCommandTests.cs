using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

[Trait("Category", "Integration")]
public class CreateAdminCommandTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    const string ChosenPassword = "Chosen-pass-2026";

    static Func<AdminPassword?> FromEnvironment(string value) =>
        () => AdminPassword.Obtain(name => name == AdminPassword.Variable ? value : null, terminal: true, _ => throw new InvalidOperationException("asked"));

    static Func<AdminPassword?> NeverAsked => () => throw new InvalidOperationException("the password was asked for");

    static string Email(string who) => $"{who}-{Guid.NewGuid():N}"[..16] + "@ops.test";

    [Theory]
    [InlineData("not-an-email", "'not-an-email' is not a valid email address.")]
    [InlineData("", "needs the new Admin's email address")]
    public async Task Invalid_email_exits_with_2_and_one_line_that_says_why(string email, string expected)
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email, NeverAsked, output, error);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error.ToString());
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Generated_password_is_printed_once_and_signs_the_new_admin_in()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var email = Email("first");
        var output = new StringWriter();
        var generated = () => AdminPassword.Obtain(_ => null, terminal: false, _ => throw new InvalidOperationException("asked"));

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email, generated, output, new StringWriter());

        Assert.Equal(0, exit);
        var line = output.ToString().Split('\n').Single(l => l.StartsWith("Generated password", StringComparison.Ordinal));
        var password = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.True(password.Length >= 20);
        Assert.Equal(2, output.ToString().Split(password).Length);
        Assert.True((await harness.CheckPasswordAsync(email, password)).Succeeded);
        var admin = await harness.PrincipalAsync(email);
        Assert.Equal([Roles.Admin], (await harness.FindAsync(admin, email))!.Roles);
        await using var db = harness.NewDb();
        var created = await db.AuditEvents.SingleAsync(e => e.SubjectId == email);
        Assert.Equal(("user.created", "system:cli"), (created.Action, created.Actor));
    }

    [Fact]
    public async Task Password_from_the_environment_is_used_and_never_printed()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var email = Email("env");
        var output = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email, FromEnvironment(ChosenPassword), output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.DoesNotContain(ChosenPassword, output.ToString());
        Assert.True((await harness.CheckPasswordAsync(email, ChosenPassword)).Succeeded);
    }

    [Fact]
    public async Task Weak_password_exits_with_2_names_the_rule_and_creates_nothing()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var email = Email("weak");
        var error = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email, FromEnvironment("weak"), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("at least 10 characters", error.ToString());
        await using var db = harness.NewDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Existing_disabled_account_is_enabled_made_admin_and_given_the_new_password()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var email = Email("back");
        var user = await harness.AddUserAsync(email, Roles.Viewer);
        var other = Email("other");
        await harness.AddUserAsync(other, Roles.Admin);
        Assert.True((await harness.Directory.DisableAsync(await harness.PrincipalAsync(other), user.Id)).Succeeded);

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email, FromEnvironment(ChosenPassword), new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        Assert.True((await harness.CheckPasswordAsync(email, ChosenPassword)).Succeeded);
        Assert.False((await harness.CheckPasswordAsync(email, IdentityHarness.Password)).Succeeded);
        var listed = await harness.FindAsync(await harness.PrincipalAsync(email), email);
        Assert.Equal([Roles.Admin, Roles.Viewer], listed!.Roles);
        Assert.False(listed.IsDisabled);
        await using var db = harness.NewDb();
        var events = await db.AuditEvents.Where(e => e.SubjectId == email && e.Actor == "system:cli").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["user.enabled", "user.roles_changed", "user.password_reset"], events);
    }

    [Fact]
    public async Task Mismatched_terminal_passwords_change_nothing()
    {
        await using var harness = await IdentityHarness.StartAsync(fixture.ConnectionString);
        var email = Email("typo");
        var answers = new Queue<string>([ChosenPassword, ChosenPassword + "x"]);
        var error = new StringWriter();

        var exit = await CreateAdminCommand.RunAsync(harness.Services, email,
            () => AdminPassword.Obtain(_ => null, terminal: true, _ => answers.Dequeue()), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("did not match", error.ToString());
        await using var db = harness.NewDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData(new[] { "--create-admin", "a@b.c" }, true, "a@b.c")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1", "--create-admin=a@b.c" }, true, "a@b.c")]
    [InlineData(new[] { "--create-admin", "--urls" }, true, "")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1" }, false, "")]
    public void The_switch_is_found_with_or_without_its_email(string[] args, bool requested, string email)
    {
        Assert.Equal(requested, CreateAdminCommand.IsRequested(args, out var found));
        Assert.Equal(email, found);
    }
}
