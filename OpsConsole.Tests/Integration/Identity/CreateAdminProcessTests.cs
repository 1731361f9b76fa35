using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Identity;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Identity;

/// <summary>The real executable: the command's exit code reaches the shell and nothing is served.</summary>
[Trait("Category", "Integration")]
public class CreateAdminProcessTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpsConsole.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__OpsDb"] = fixture.ConnectionString;
        // Port 0 takes any free port: were the command to fall through to serving, the process would not exit and the wait times out.
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment[AdminPassword.Variable] = "Process-pass-2026";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["DataProtection__CertificatePath"] = OpsAppFactory.CertificatePath; // the run's, not one in the home folder

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"OpsConsole {string.Join(' ', args)} was still running after {Patience}.");
        }
        return (process.ExitCode, await output, await error);
    }

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
