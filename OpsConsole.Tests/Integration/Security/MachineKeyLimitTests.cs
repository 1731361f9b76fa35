using System.Net;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Security;

/// <summary>Signed requests are limited per key (RateLimits:Machine:PerKey); one key's traffic never spends another's.</summary>
[Trait("Category", "Integration")]
public sealed class MachineKeyLimitTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string OtherSecret = "other-secret-0123456789";
    OpsAppFactory app = null!;
    int sent;

    public Task InitializeAsync()
    {
        app = new OpsAppFactory(fixture.ConnectionString, new Dictionary<string, string?>
        {
            [MachineKeyLimit.Settings.PerKeySetting] = "3",
            ["MachineClients:Keys:other:Secret"] = OtherSecret,
            ["MachineClients:Keys:other:Tenant"] = "demo",
            ["MachineClients:Keys:other:Scopes"] = "Metrics:Read",
        });
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<HttpResponseMessage> WhoAmIAsync(string key, string secret)
    {
        // A query of its own makes each signature new, so none is refused as a replay.
        var request = SignedRequest.Create(HttpMethod.Get, $"/api/machine/whoami?n={++sent}", key, secret, DateTimeOffset.UtcNow);
        return await app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task The_request_past_a_keys_allowance_gets_429_with_Retry_After_naming_the_key_and_the_setting()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await WhoAmIAsync(MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret)).StatusCode);

        using var refused = await WhoAmIAsync(MachineClientOptions.DemoKeyId, MachineClientOptions.DemoSecret);
        using var other = await WhoAmIAsync("other", OtherSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        var problem = await SignedRequest.ProblemAsync(refused);
        Assert.Equal("rate", problem.GetProperty("check").GetString());
        Assert.StartsWith("Key 'demo' is over its limit of 3 requests a minute (RateLimits:Machine:PerKey)", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
