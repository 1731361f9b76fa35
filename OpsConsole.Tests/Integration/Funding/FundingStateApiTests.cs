using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// GET /api/funding/state in the app, on the demo's simulated chain with its payments to the demo's BTC handle: transfers
/// before the bridge's credit are shown as uncredited and never as spendable, and a credit correlates by the transfer's
/// own tx hash.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FundingStateApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string State = "/api/funding/state";
    readonly AlertsApp app = new(fixture, AlertsApp.PricesOnlyKey);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task<JsonElement> StateAsync()
    {
        using var response = await app.GetSignedAsync(State);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await app.JsonAsync(response);
    }

    static IEnumerable<string> PropertyNames(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    [Fact]
    public async Task A_transfer_before_credit_is_uncredited_never_spendable_and_its_credit_correlates_by_its_own_tx_hash()
    {
        var observer = app.Host.Services.GetRequiredService<FundingObserver>();
        await observer.PollAsync();

        var seen = await StateAsync();
        var modes = seen.GetProperty("observer");
        Assert.Equal(("Simulated", "Simulated"), (modes.GetProperty("mode").GetString(), modes.GetProperty("gnosisMode").GetString()));
        var btc = seen.GetProperty("handles").EnumerateArray().Single(x => x.GetProperty("account").GetString() == "treasury-btc");
        var transfers = btc.GetProperty("transfers").EnumerateArray().ToList();
        Assert.Equal(FundingDemoSeed.DemoPayments.Count, transfers.Count);
        Assert.All(transfers, t => Assert.Equal(("seen_in_mempool", false), (t.GetProperty("status").GetString(), t.GetProperty("credited").GetBoolean())));
        Assert.Equal(0.625m, seen.GetProperty("uncreditedTotals").EnumerateArray().Single(t => t.GetProperty("asset").GetString() == "BTC")
            .GetProperty("uncreditedAmount").GetDecimal());
        Assert.Empty(seen.GetProperty("credits").EnumerateArray());
        Assert.DoesNotContain(PropertyNames(seen), n => n.Contains("balance", StringComparison.OrdinalIgnoreCase) || n.Contains("spendable", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(JsonValueKind.Null, btc.GetProperty("lastGoodPollAt").ValueKind);

        // Six blocks on, the bridge credits the larger transfer under its tx hash.
        app.Clock.Advance(SimulatedBitcoinChain.BlockEvery * 6);
        var large = transfers.Single(t => t.GetProperty("amount").GetDecimal() == 0.5m).GetProperty("txHash").GetString()!;
        using var deposit = await app.PostAsync("/api/ingest/bridge-deposits",
            $$"""{ "asset": "BTC", "amount": "0.5", "depositTxHash": "{{large}}", "creditedAt": "{{app.Clock.GetUtcNow().UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}}", "account": "treasury-btc" }""");
        Assert.Equal(HttpStatusCode.Accepted, deposit.StatusCode);
        await observer.PollAsync();

        var credited = await StateAsync();
        var credit = Assert.Single(credited.GetProperty("credits").EnumerateArray());
        Assert.Equal((large, large), (credit.GetProperty("txHash").GetString(), credit.GetProperty("bridgeDepositTxHash").GetString()));
        var totals = credited.GetProperty("uncreditedTotals").EnumerateArray().Single(t => t.GetProperty("asset").GetString() == "BTC");
        Assert.Equal((0.125m, 0.125m, 1), (totals.GetProperty("uncreditedAmount").GetDecimal(), totals.GetProperty("confirmed").GetDecimal(),
            totals.GetProperty("transfers").GetInt32()));
        // PostgreSQL keeps microseconds; the clock has ticks.
        Assert.True(app.Clock.GetUtcNow() - credited.GetProperty("latestObservationAt").GetDateTimeOffset() < TimeSpan.FromMilliseconds(1));
    }
}
