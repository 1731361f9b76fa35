using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Funding;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>POST /api/funding/observer/pause, /resume and /refresh in the app: only a holder of Funding:Admin reads the
/// state or changes the observer, a refresh is refused while it is paused, and each answer is the state after it; a
/// change the database cannot take now is reported as one to try again, not as a refusal.</summary>
[Trait("Category", "Integration")]
public sealed class FundingObserverApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string State = "/api/funding/state";
    readonly AlertsApp app = new(fixture, AlertsApp.PricesOnlyKey);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Only_a_holder_of_funding_admin_reads_the_state_and_pauses_resumes_or_refreshes_the_observer()
    {
        using var refused = await app.Host.CreateClient().SendAsync(SignedRequest.Create(HttpMethod.Get, $"{State}?n=1", AlertsApp.PricesKey,
            AlertsApp.PricesSecret, app.Clock.GetUtcNow()));
        using var pauseRefused = await app.PostAsync("/api/funding/observer/pause", "", AlertsApp.PricesKey, AlertsApp.PricesSecret);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pauseRefused.StatusCode);

        using var paused = await app.PostAsync("/api/funding/observer/pause", "");
        using var refreshWhilePaused = await app.PostAsync("/api/funding/observer/refresh", "");
        using var resumed = await app.PostAsync("/api/funding/observer/resume", "");
        using var refreshed = await app.PostAsync("/api/funding/observer/refresh", "");

        Assert.True((await app.JsonAsync(paused)).GetProperty("observer").GetProperty("paused").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, refreshWhilePaused.StatusCode);
        Assert.Contains("paused", (await SignedRequest.ProblemAsync(refreshWhilePaused)).GetProperty("detail").GetString());
        Assert.False((await app.JsonAsync(resumed)).GetProperty("observer").GetProperty("paused").GetBoolean());
        var observer = (await app.JsonAsync(refreshed)).GetProperty("observer");
        Assert.Equal("machine:demo", observer.GetProperty("refreshedBy").GetString());
    }

    [Fact]
    public async Task With_the_database_away_a_pause_is_not_saved_and_is_to_be_tried_again()
    {
        var control = app.Host.Services.GetRequiredService<FundingObserverControl>();
        var admin = await app.Host.PrincipalAsync("admin@demo.local");

        FundingControlResult away;
        await using (await DatabaseOutage.BeginAsync(fixture.ConnectionString))
            away = await control.PauseAsync(admin);

        Assert.False(away.Done);
        Assert.True(away.TryLater, away.Message);
        Assert.Contains("cannot be reached", away.Message);
        Assert.True((await control.PauseAsync(admin)).Done);
    }
}
