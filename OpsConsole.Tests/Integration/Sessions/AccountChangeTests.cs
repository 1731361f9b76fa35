using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Identity;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.Sessions.SessionRequests;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>Disabling a user, changing their roles or resetting their password ends their sessions; departments do not.</summary>
[Trait("Category", "Integration")]
public sealed class AccountChangeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
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

    async Task<(ClaimsPrincipal Admin, string UserId)> NewUserAsync(string email)
    {
        var admin = await app.PrincipalAsync("admin@demo.local");
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        Assert.True((await directory.CreateAsync(admin, new NewUser(email, "Someone", Password, [Roles.Operator], ["treasury"]))).Succeeded);
        return (admin, (await directory.ListAsync(admin)).Single(u => u.Email == email).Id);
    }

    async Task<UserChangeResult> ChangeAsync(Func<UserDirectory, Task<UserChangeResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserDirectory>());
    }

    async Task<string?> EndReasonAsync(string userId)
    {
        await using var db = fixture.CreateContext();
        return await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.EndReason).SingleAsync();
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session()
    {
        var (admin, id) = await NewUserAsync("dora@ops.test");
        var cookie = await app.SignInAsync("dora@ops.test", Password);

        Assert.True((await ChangeAsync(d => d.DisableAsync(admin, id))).Succeeded);

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
        Assert.Equal(SessionEndReason.UserDisabled, await EndReasonAsync(id));
    }

    [Fact]
    public async Task Changing_roles_ends_their_session()
    {
        var (admin, id) = await NewUserAsync("rolf@ops.test");
        var cookie = await app.SignInAsync("rolf@ops.test", Password);

        Assert.True((await ChangeAsync(d => d.SetRolesAsync(admin, id, [Roles.Operator, Roles.Viewer]))).Succeeded);

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
        Assert.Equal(SessionEndReason.RolesChanged, await EndReasonAsync(id));
    }

    [Fact]
    public async Task Resetting_the_password_ends_their_session()
    {
        var (_, id) = await NewUserAsync("pia@ops.test");
        var cookie = await app.SignInAsync("pia@ops.test", Password);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdminAsync("pia@ops.test", Password + "-new")).Succeeded);

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
        Assert.Equal(SessionEndReason.PasswordReset, await EndReasonAsync(id));
    }

    [Fact]
    public async Task Changing_departments_keeps_the_session()
    {
        var (admin, id) = await NewUserAsync("dirk@ops.test");
        var cookie = await app.SignInAsync("dirk@ops.test", Password);

        Assert.True((await ChangeAsync(d => d.SetDepartmentsAsync(admin, id, ["operations"]))).Succeeded);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/approvals", cookie)).Status);
        Assert.Null(await EndReasonAsync(id));
    }
}
