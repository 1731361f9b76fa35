using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>The signed feeds store each record once, refuse a bad batch whole naming the field, and keep the newest of each
/// scope for the rules.</summary>
[Trait("Category", "Integration")]
public sealed class IngestApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string FeedSecret = AlertsApp.PricesSecret;
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, AlertsApp.PricesOnlyKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    string Ago(int seconds) => app.Clock.GetUtcNow().AddSeconds(-seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");

    [Fact]
    public async Task A_record_is_stored_once_and_its_repeat_answers_200_as_a_duplicate()
    {
        var body = $$"""{ "pair": "BTC/EUR", "price": "61000.25", "source": "kraken", "observedAt": "{{Ago(30)}}" }""";

        using var first = await app.PostAsync("/api/ingest/market-prices", body);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        using var again = await app.PostAsync("/api/ingest/market-prices", body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("stored", (await app.JsonAsync(first)).GetProperty("records")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await app.JsonAsync(again);
        Assert.Equal(0, answer.GetProperty("stored").GetInt32());
        Assert.Equal(1, answer.GetProperty("duplicates").GetInt32());
        await using var db = fixture.CreateContext();
        var stored = await db.MarketPrices.Where(p => p.Pair == "BTC/EUR").ToListAsync();
        Assert.Equal(61000.25m, Assert.Single(stored).Price);
        Assert.Equal("demo", stored[0].KeyId);
        Assert.Equal(61000.25m, (await db.MarketPricesCurrent.SingleAsync(p => p.Pair == "BTC/EUR")).Price);
    }

    [Fact]
    public async Task A_batch_with_a_repeat_inside_it_stores_the_first_and_counts_the_second_as_a_duplicate()
    {
        var at = Ago(20);
        using var response = await app.PostAsync("/api/ingest/inventory", $$"""
            [{ "account": "hot-1", "asset": "BTC", "spendable": "1.5", "pendingInbound": "0", "asOf": "{{at}}" },
             { "account": "hot-1", "asset": "BTC", "spendable": "1.5", "pendingInbound": "0", "asOf": "{{at}}" },
             { "account": "hot-1", "asset": "EURe", "spendable": 2000, "pendingInbound": "10.5", "asOf": "{{at}}" }]
            """);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await app.JsonAsync(response);
        Assert.Equal(["stored", "duplicate", "stored"], answer.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        await using var db = fixture.CreateContext();
        Assert.Equal(2, await db.InventorySnapshots.CountAsync(s => s.Account == "hot-1"));
        Assert.Equal(10.5m, (await db.InventoryCurrent.SingleAsync(s => s.Account == "hot-1" && s.Asset == "EURe")).PendingInbound);
    }

    [Fact]
    public async Task A_batch_with_one_bad_record_stores_nothing_and_names_the_field()
    {
        using var response = await app.PostAsync("/api/ingest/liquidity-actions", $$"""
            [{ "actionId": "batch-1", "kind": "transfer", "asset": "EURe", "amount": "5", "status": "requested", "at": "{{Ago(60)}}" },
             { "actionId": "batch-2", "kind": "transfer", "asset": "EURe", "amount": "-5", "status": "requested", "at": "{{Ago(60)}}" }]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal("amount must not be negative.", problem.GetProperty("errors").GetProperty("[1].amount")[0].GetString());
        Assert.Contains("[1].amount", problem.GetProperty("detail").GetString());
        await using var db = fixture.CreateContext();
        Assert.Equal(0, await db.LiquidityActions.CountAsync(a => a.ActionId.StartsWith("batch-")));
        Assert.Equal(0, await db.LiquidityActionsCurrent.CountAsync(a => a.ActionId.StartsWith("batch-")));
    }

    [Theory]
    [InlineData("/api/ingest/market-prices", """{ "pair": "BTC/EUR", "source": "kraken", "observedAt": "2026-01-01T00:00:00Z" }""", "price")]
    [InlineData("/api/ingest/inventory", """{ "account": "a", "asset": "BTC", "spendable": "-1", "pendingInbound": "0", "asOf": "2026-01-01T00:00:00Z" }""", "spendable")]
    [InlineData("/api/ingest/liquidity-actions", """{ "actionId": "x", "kind": "swap", "asset": "BTC", "amount": "1", "status": "lost", "at": "2026-01-01T00:00:00Z" }""", "status")]
    [InlineData("/api/ingest/trade-results", """{ "tradeId": "x", "pair": "BTC/EUR", "status": "failed", "at": "2999-01-01T00:00:00Z" }""", "at")]
    [InlineData("/api/ingest/trade-results", """{ "tradeId": "x", "pair": "BTC/EUR", """, "body")]
    public async Task Bad_input_gets_400_problem_json_naming_the_field(string path, string body, string field)
    {
        using var response = await app.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await SignedRequest.ProblemAsync(response);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Trade_results_and_liquidity_steps_keep_the_latest_per_pair_and_per_action()
    {
        using var trades = await app.PostAsync("/api/ingest/trade-results", $$"""
            [{ "tradeId": "t-1", "pair": "ETH/EUR", "status": "submitted", "at": "{{Ago(50)}}" },
             { "tradeId": "t-1", "pair": "ETH/EUR", "status": "failed", "reason": "Insufficient balance", "at": "{{Ago(40)}}" },
             { "tradeId": "t-2", "pair": "ETH/EUR", "status": "filled", "at": "{{Ago(30)}}" }]
            """);
        using var steps = await app.PostAsync("/api/ingest/liquidity-actions", $$"""
            [{ "actionId": "move-1", "kind": "transfer", "asset": "EURe", "amount": "250", "status": "requested", "at": "{{Ago(90)}}" },
             { "actionId": "move-1", "kind": "transfer", "asset": "EURe", "amount": "250", "status": "settled", "at": "{{Ago(10)}}" }]
            """);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        // A late report of an older step leaves the action as it stands.
        using var late = await app.PostAsync("/api/ingest/liquidity-actions", $$"""
            { "actionId": "move-1", "kind": "transfer", "asset": "EURe", "amount": "250", "status": "pending", "at": "{{Ago(60)}}" }
            """);

        Assert.Equal(HttpStatusCode.Accepted, trades.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, steps.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        await using var db = fixture.CreateContext();
        var pair = await db.ExecutorPairsCurrent.SingleAsync(p => p.Pair == "ETH/EUR");
        Assert.Equal(("t-1", "Insufficient balance", "t-2"), (pair.LastFailedTradeId, pair.LastFailureReason, pair.LastFilledTradeId));
        Assert.True(pair.LastFilledAt > pair.LastFailedAt);
        var action = await db.LiquidityActionsCurrent.SingleAsync(a => a.ActionId == "move-1");
        Assert.Equal("settled", action.Status);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(-91), action.FirstAt, TimeSpan.FromSeconds(1.5));
        Assert.Equal(3, await db.LiquidityActions.CountAsync(a => a.ActionId == "move-1"));
    }

    [Fact]
    public async Task A_key_without_the_endpoints_scope_gets_403_naming_it()
    {
        using var refused = await app.PostAsync("/api/ingest/inventory",
            $$"""{ "account": "a", "asset": "BTC", "spendable": "1", "pendingInbound": "0", "asOf": "{{Ago(5)}}" }""", "prices", FeedSecret);
        using var allowed = await app.PostAsync("/api/ingest/market-prices",
            $$"""{ "pair": "SOL/EUR", "price": "150", "source": "kraken", "observedAt": "{{Ago(5)}}" }""", "prices", FeedSecret);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"lacks scope '{AlertsFeature.InventoryScope}'", (await SignedRequest.ProblemAsync(refused)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_with_401()
    {
        using var response = await app.Host.CreateClient().PostAsync("/api/ingest/market-prices",
            new StringContent("""{ "pair": "BTC/EUR" }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
