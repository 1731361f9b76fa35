using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Identity;
using OpsConsole.Features.Identity.Sessions;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>An open circuit's sign-in as its authentication state provider holds it: it follows the session's fate.</summary>
[Trait("Category", "Integration")]
public sealed class CircuitSessionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Password = "Strong-pass-42";
    OpsAppFactory app = null!;

    public async Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString);
        var relay = app.Services.GetRequiredService<LiveRelay>();
        await Eventually.TrueAsync(() => relay.IsListening, "the live relay listens");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>Signs the user in over HTTP and returns the circuit's view of that sign-in, opened as the hub opens it.</summary>
    async Task<(AsyncServiceScope Scope, CircuitSessionState State, string UserId)> OpenCircuitAsync(string email)
    {
        await using (var setup = app.Services.CreateAsyncScope())
        {
            var admin = await app.PrincipalAsync("admin@demo.local");
            var created = await setup.ServiceProvider.GetRequiredService<UserDirectory>()
                .CreateAsync(admin, new NewUser(email, "Circuit", Password, [Roles.Operator], ["treasury"]));
            Assert.True(created.Succeeded, created.Summary);
        }
        await app.SignInAsync(email, Password);
        await using var db = fixture.CreateContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var session = await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync();

        var scope = app.Services.CreateAsyncScope();
        var state = (CircuitSessionState)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)state).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(await app.PrincipalAsync(email, session))));
        return (scope, state, userId);
    }

    static Task<AuthenticationState> NextStateAsync(AuthenticationStateProvider provider)
    {
        var next = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => next.TrySetResult(await state);
        return next.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task An_admin_ending_the_session_signs_the_open_circuit_out_and_says_why()
    {
        var (scope, state, userId) = await OpenCircuitAsync("cora@ops.test");
        await using var _ = scope;
        var changed = NextStateAsync(state);

        Assert.Equal(1, await app.Services.GetRequiredService<UserSessions>().EndAllAsync(await app.PrincipalAsync("admin@demo.local"), userId));

        Assert.False((await changed).User.Identity?.IsAuthenticated);
        Assert.Equal("An Admin ended this session.", state.Ended);
    }

    [Fact]
    public async Task Disabling_the_user_signs_the_open_circuit_out_and_says_why()
    {
        var (scope, state, userId) = await OpenCircuitAsync("dina@ops.test");
        await using var _ = scope;
        var changed = NextStateAsync(state);

        await using (var change = app.Services.CreateAsyncScope())
            Assert.True((await change.ServiceProvider.GetRequiredService<UserDirectory>()
                .DisableAsync(await app.PrincipalAsync("admin@demo.local"), userId)).Succeeded);

        Assert.False((await changed).User.Identity?.IsAuthenticated);
        Assert.Equal("Your account was disabled.", state.Ended);
    }

    [Fact]
    public async Task A_department_change_gives_the_open_circuit_fresher_claims_and_keeps_it_signed_in()
    {
        var (scope, state, userId) = await OpenCircuitAsync("cid@ops.test");
        await using var _ = scope;
        var changed = NextStateAsync(state);

        await using (var change = app.Services.CreateAsyncScope())
            Assert.True((await change.ServiceProvider.GetRequiredService<UserDirectory>()
                .SetDepartmentsAsync(await app.PrincipalAsync("admin@demo.local"), userId, ["operations"])).Succeeded);

        var user = (await changed).User;
        Assert.True(user.Identity?.IsAuthenticated);
        Assert.Equal(["operations"], user.FindAll(OpsClaims.Department).Select(c => c.Value));
        Assert.NotNull(SessionClaims.SessionOf(user));
        Assert.Null(state.Ended);
    }
}
