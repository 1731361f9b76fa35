using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Approvals;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.Audit;
using OpsConsole.Features.Identity;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>The changes made through the running console — users, jobs, the audit trail's own records and the demo
/// seeds — each leave exactly one audit event.</summary>
[Trait("Category", "Integration")]
public sealed class ConsoleChangesAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Password = "Strong-pass-42";
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    Task<List<string>> ActionsAsync(string subjectType, string subjectId) => AuditCounts.ActionsAsync(fixture.ConnectionString, subjectType, subjectId);

    async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<OpsUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none()
    {
        var admin = await PrincipalAsync("admin@demo.local");
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        const string email = "nina@ops.test";

        Assert.True((await directory.CreateAsync(admin, new NewUser(email, "Nina", Password, [Roles.Operator], ["treasury"]))).Succeeded);
        var id = (await directory.ListAsync(admin)).Single(u => u.Email == email).Id;
        Assert.True((await directory.SetRolesAsync(admin, id, [Roles.Operator, Roles.Viewer])).Succeeded);
        Assert.True((await directory.SetRolesAsync(admin, id, [Roles.Viewer, Roles.Operator])).Succeeded);
        Assert.True((await directory.SetDepartmentsAsync(admin, id, ["operations"])).Succeeded);
        Assert.True((await directory.DisableAsync(admin, id)).Succeeded);
        Assert.True((await directory.DisableAsync(admin, id)).Succeeded);
        Assert.True((await directory.EnableAsync(admin, id)).Succeeded);
        Assert.False((await directory.SetDepartmentsAsync(admin, id, ["nowhere"])).Succeeded);

        Assert.Equal(["user.created", "user.roles_changed", "user.departments_changed", "user.disabled", "user.enabled"],
            await ActionsAsync("user", email));
    }

    [Fact]
    public async Task Ensuring_an_admin_from_the_command_line_leaves_one_event_per_change()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();

        Assert.True((await bootstrap.EnsureAdminAsync("root@ops.test", Password)).Succeeded);
        Assert.True((await bootstrap.EnsureAdminAsync("root@ops.test", Password + "x")).Succeeded);

        Assert.Equal(["user.created", "user.password_reset"], await ActionsAsync("user", "root@ops.test"));
    }

    [Fact]
    public async Task Pausing_resuming_and_running_a_job_leave_one_event_each()
    {
        var admin = await PrincipalAsync("admin@demo.local");
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobControl>();
        var job = (await jobs.ListAsync()).First().Key;

        Assert.Equal(JobActionResult.Done, await jobs.PauseAsync(admin, job));
        Assert.Equal(JobActionResult.Done, await jobs.ResumeAsync(admin, job));
        Assert.Equal(JobActionResult.Done, await jobs.TriggerAsync(admin, job));
        Assert.Equal(JobActionResult.Refused, await jobs.PauseAsync(await PrincipalAsync("viewer@demo.local"), job));

        Assert.Equal(["job.paused", "job.resumed", "job.triggered"], await ActionsAsync("job", job));
    }

    [Fact]
    public async Task Exporting_and_verifying_the_trail_leave_one_event_each()
    {
        await app.Services.GetRequiredService<AuditExport>().WriteCsvAsync(new AuditFilter(), "viewer@demo.local", TextWriter.Null);
        await app.Services.GetRequiredService<AuditVerification>().VerifyAndRecordAsync("viewer@demo.local");

        Assert.Equal([AuditActions.Exported], await ActionsAsync("audit", "export"));
        Assert.Equal([AuditActions.Verified], await ActionsAsync("audit", "chain"));
    }

    [Fact]
    public async Task The_demo_seeds_leave_one_event_per_user_and_one_per_change_of_each_request()
    {
        await using var db = fixture.CreateContext();
        foreach (var email in new[] { "operator@demo.local", "manager@demo.local", "top@demo.local", "remediator@demo.local", "viewer@demo.local", "admin@demo.local" })
            Assert.Equal(["user.created"], await ActionsAsync("user", email));

        var requests = await db.ApprovalRequests.AsNoTracking().ToListAsync();
        // The approvals demo's ten, and the four mints the simulated Stellar network adds.
        Assert.Equal(14, requests.Count);
        string[] minting = [ApprovalAuditActions.Submitted, ApprovalAuditActions.Confirmed, ApprovalAuditActions.TimeoutFailed,
            ApprovalAuditActions.SubmissionFailed, ApprovalAuditActions.MintUnknown];
        foreach (var r in requests)
        {
            // Opened, then each step it went through, then its decision if any; what the submission job did after the
            // seed (a demo mint is approved, then submitted and confirmed) is its own change, audited by it.
            var changes = 1 + new[] { r.RemindedAt, r.EscalatedAt, r.EscalatedFinalAt, r.ExpiredAt }.Count(t => t is not null)
                + (r.DecidedAt is not null ? 1 : 0);
            var actions = (await ActionsAsync(ApprovalAuditActions.SubjectType, r.Id.ToString())).Where(a => !minting.Contains(a)).ToList();
            Assert.Equal(changes, actions.Count);
            Assert.Equal(ApprovalAuditActions.Created, actions[0]);
        }
    }
}
