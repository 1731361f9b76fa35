using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>The real executable: the command's exit code reaches the shell and nothing is served.</summary>
[Trait("Category", "Integration")]
public class CreateAdminProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        ConsoleProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__OpsDb"] = fixture.ConnectionString,
            [AdminPassword.Variable] = "Process-pass-2026",
            ["Demo__Enabled"] = "false",
        }, args);

    [Fact]
    public async Task Create_admin_makes_the_account_and_exits_0_without_serving()
    {
        var (exit, output, error) = await RunAsync("--create-admin", "root@ops.test");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("root@ops.test is an active Admin", output);
        Assert.DoesNotContain("Process-pass-2026", output);
        await using var db = fixture.CreateContext();
        var created = await db.AuditEvents.SingleAsync(e => e.SubjectId == "root@ops.test");
        Assert.Equal(("user.created", "system:cli"), (created.Action, created.Actor));
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.local")));
    }

    [Fact]
    public async Task Create_admin_with_an_invalid_email_exits_2_with_one_line()
    {
        var (exit, _, error) = await RunAsync("--create-admin", "root-at-nowhere");

        Assert.Equal(2, exit);
        Assert.Equal("--create-admin: 'root-at-nowhere' is not a valid email address.", error.Trim());
    }
}
