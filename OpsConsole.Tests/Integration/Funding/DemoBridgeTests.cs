using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>The demo's bridge, in demo mode on the simulated chain only: it credits the demo's payments a minute after
/// they are confirmed, through the bridge's own store, all but one, whose pending credit then raises by itself.</summary>
[Trait("Category", "Integration")]
public sealed class DemoBridgeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly Dictionary<string, string?> Demo = new() { ["Demo:Enabled"] = "true" };

    [Fact]
    public async Task The_demo_bridge_credits_the_confirmed_demo_payments_but_one_which_raises_credit_pending_by_itself()
    {
        await using var h = new AlertHarness(fixture, Demo, (services, config) => services.AddFunding(config));
        var observer = h.Services.GetRequiredService<FundingObserver>();
        var bridge = h.Services.GetRequiredService<DemoBridge>();
        var blocks = SimulatedBitcoinChain.BlockEvery;
        await h.Services.GetRequiredService<FundingDemoSeed>().SeedAsync();
        await observer.PollAsync();
        h.Clock.Advance(blocks * 6);
        await observer.PollAsync();

        Assert.Equal(0, await bridge.CreditDueAsync());
        h.Clock.Advance(DemoBridge.CreditAfter);
        Assert.Equal(2, await bridge.CreditDueAsync());
        Assert.Equal(0, await bridge.CreditDueAsync());
        h.Clock.Advance(blocks);
        await observer.PollAsync();

        await using var db = fixture.CreateContext();
        var transfers = await db.FundingObservationsCurrent.AsNoTracking().OrderByDescending(t => t.Amount).ToListAsync();
        Assert.Equal([(2_500m, Credited), (0.5m, Credited), (0.125m, Confirmed)], transfers.Select(t => (t.Amount, t.Status)));
        Assert.All(await db.BridgeDeposits.AsNoTracking().ToListAsync(), d => Assert.Equal(DemoBridge.KeyId, d.KeyId));

        h.Clock.Advance(TimeSpan.FromHours(2));
        await observer.PollAsync();
        await h.Evaluator.EvaluateAsync();
        var pending = transfers[2];
        Assert.NotNull(await h.ActiveAsync(AlertCodes.FundingConfirmedCreditPending, $"{pending.TxHash}|{pending.FundingHandle}"));
        Assert.Empty(await h.EventsAsync(AlertCodes.FundingConfirmedCreditPending, $"{transfers[1].TxHash}|{transfers[1].FundingHandle}"));
    }

    [Fact]
    public async Task Without_demo_mode_or_on_real_chains_there_is_no_demo_bridge()
    {
        await using var off = new AlertHarness(fixture, null, (services, config) => services.AddFunding(config));
        await using var esplora = new AlertHarness(fixture,
            new Dictionary<string, string?>(Demo)
            {
                ["Bitcoin:Mode"] = "Esplora",
                ["Bitcoin:EsploraUrl"] = "http://127.0.0.1:9/",
                ["Gnosis:Mode"] = "Rpc",
                ["Gnosis:RpcUrl"] = "http://127.0.0.1:9/",
            },
            (services, config) => services.AddFunding(config));

        Assert.Null(off.Services.GetService<DemoBridge>());
        Assert.Null(esplora.Services.GetService<DemoBridge>());
    }
}
