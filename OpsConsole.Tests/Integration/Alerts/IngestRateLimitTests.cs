using System.Net;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The ingest feeds are machine endpoints like any other: a key past RateLimits:Machine:PerKey gets 429.</summary>
[Trait("Category", "Integration")]
public sealed class IngestRateLimitTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?> { [MachineKeyLimit.Settings.PerKeySetting] = "2" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_feed_past_its_keys_allowance_gets_429_with_Retry_After()
    {
        var at = app.Clock.GetUtcNow().AddSeconds(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        string Body(int n) => $$"""{ "tradeId": "limit-{{n}}", "pair": "BTC/EUR", "status": "submitted", "at": "{{at}}" }""";

        using var first = await app.PostAsync("/api/ingest/trade-results", Body(1));
        using var second = await app.PostAsync("/api/ingest/trade-results", Body(2));
        using var third = await app.PostAsync("/api/ingest/trade-results", Body(3));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted], [first.StatusCode, second.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        var problem = await SignedRequest.ProblemAsync(third);
        Assert.Equal("rate", problem.GetProperty("check").GetString());
        Assert.StartsWith($"Key '{MachineClientOptions.DemoKeyId}' is over its limit of 2", problem.GetProperty("detail").GetString());
    }
}
