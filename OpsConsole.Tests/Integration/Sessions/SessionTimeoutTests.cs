using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.Sessions.SessionRequests;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>With the default settings a session ends after 30 minutes without a request, and after 12 hours in any case.</summary>
[Trait("Category", "Integration")]
public sealed class SessionTimeoutTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    OpsAppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString) { Clock = clock };
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Each_request_moves_the_idle_timeout_on_and_thirty_quiet_minutes_end_the_session()
    {
        var cookie = await app.SignInAsync("operator@demo.local");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/approvals", cookie)).Status);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/approvals", cookie)).Status);
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
    }

    [Fact]
    public async Task A_hubs_own_traffic_does_not_keep_a_quiet_session_alive()
    {
        var cookie = await app.SignInAsync("viewer@demo.local");

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, await NegotiateCircuitAsync(app, cookie));
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_twelve_hours_after_sign_in()
    {
        var cookie = await app.SignInAsync("manager@demo.local");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(25))
        {
            clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/approvals", cookie)).Status);
        }

        clock.Advance(TimeSpan.FromMinutes(25));

        Assert.True(IsSignInPage(await GetAsync(app, "/approvals", cookie)));
    }
}
