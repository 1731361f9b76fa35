using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Platform.Data;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>
/// Signed requests across a database outage: 503 with Retry-After while it lasts, and every request taken at once after it,
/// whichever of the console's two connection pools (EF Core's, and the hot paths' <see cref="OpsConnections"/>) it uses.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutageRecoveryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const int IdleConnections = 6;
    readonly AlertsApp app = new(fixture);
    int sent;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task No_signed_feed_request_after_the_outage_fails_on_a_connection_the_outage_ended()
    {
        using (var before = await PostPriceAsync())
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        await FillPoolsAsync();

        await using (await DatabaseOutage.BeginAsync(fixture.ConnectionString))
        {
            using var during = await PostPriceAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
        }

        for (var i = 0; i < IdleConnections; i++)
        {
            using var after = await PostPriceAsync();
            Assert.True(after.StatusCode == HttpStatusCode.Accepted, $"request {i + 1} after the outage: {after.StatusCode}");
        }
    }

    /// <summary>The refusal during the outage comes from the replay guard, on the hot paths' pool; the reads after it use EF Core's.</summary>
    [Fact]
    public async Task No_signed_read_after_the_outage_fails_on_a_connection_of_the_other_pool()
    {
        using (var before = await app.GetSignedAsync("/api/alerts/state"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await FillPoolsAsync();

        await using (await DatabaseOutage.BeginAsync(fixture.ConnectionString))
        {
            using var during = await app.GetSignedAsync("/api/alerts/state");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        }

        for (var i = 0; i < IdleConnections; i++)
        {
            using var after = await app.GetSignedAsync("/api/alerts/state");
            Assert.True(after.StatusCode == HttpStatusCode.OK, $"request {i + 1} after the outage: {after.StatusCode}");
        }
    }

    /// <summary>Opens several connections of each pool at once and hands them back, so that both hold them idle.</summary>
    async Task FillPoolsAsync()
    {
        var connections = app.Host.Services.GetRequiredService<OpsConnections>();
        foreach (var connection in await Task.WhenAll(Enumerable.Range(0, IdleConnections).Select(_ => connections.OpenAsync(CancellationToken.None))))
            await connection.DisposeAsync();
        var contexts = app.Host.Services.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        var open = await Task.WhenAll(Enumerable.Range(0, IdleConnections).Select(async _ =>
        {
            var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            return db;
        }));
        foreach (var db in open)
            await db.DisposeAsync();
    }

    Task<HttpResponseMessage> PostPriceAsync()
    {
        var observedAt = app.Clock.GetUtcNow().AddSeconds(-5).AddMilliseconds(Interlocked.Increment(ref sent));
        return app.PostAsync("/api/ingest/market-prices",
            $$"""{ "pair": "BTC/EUR", "price": "61000", "source": "outage", "observedAt": "{{observedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}}" }""");
    }
}
