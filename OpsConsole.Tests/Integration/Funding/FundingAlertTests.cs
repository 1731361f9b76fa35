using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Tests.Integration.Alerts;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Tests.Integration.Funding.EsploraBodies;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// The four funding rules through the real observer (reading a replayed Esplora) and the real evaluator on a held clock:
/// each raises once its condition has lasted its window, with the transfer's tx hash and handle, and clears by itself when
/// the condition stops (a confirmation, the bridge's credit, a new block, a good poll, a pause) or, for a dropped
/// transfer, when someone acknowledges it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FundingAlertTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly EsploraScript esplora = new() { Tip = 100 };
    ReplayServer server = null!;
    AlertHarness h = null!;

    public async Task InitializeAsync()
    {
        server = await ReplayServer.StartAsync();
        server.Answer = esplora.Answer;
        h = new AlertHarness(fixture, new Dictionary<string, string?> { ["Bitcoin:Mode"] = "Esplora", ["Bitcoin:EsploraUrl"] = server.Url.ToString() },
            (services, config) => services.AddFunding(config));
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await server.DisposeAsync();
    }

    FundingObserver Observer => h.Services.GetRequiredService<FundingObserver>();

    /// <summary>Moves the clock on, lets the observer read the chain, then evaluates.</summary>
    async Task PollAndEvaluateAfterAsync(TimeSpan wait)
    {
        h.Clock.Advance(wait);
        await Observer.PollAsync();
        await h.Evaluator.EvaluateAsync();
    }

    /// <summary>A new handle at the address and one transfer of 0.3 BTC to it, as the chain shows it now.</summary>
    async Task<(Guid Handle, string Tx, string Key)> TransferAsync(string address, string label, string status, long tip)
    {
        var handle = await FundingHarness.StoreHandleAsync(fixture, address, h.Now);
        var tx = Txid(label);
        Chain(address, tx, status, tip);
        return (handle, tx, $"{tx}|{handle}");
    }

    void Chain(string address, string tx, string status, long tip) =>
        (esplora.Tip, esplora.Addresses[address]) = (tip, List([Tx(tx, address, status, 30_000_000)]));

    [Fact]
    public async Task A_transfer_waiting_in_the_mempool_past_the_window_raises_with_its_tx_hash_and_clears_at_its_first_confirmation()
    {
        const string Address = "bcrt1qr0cky5kwknysjkgaxce9adz7kuh64wgzx8x35u";
        var (handle, tx, key) = await TransferAsync(Address, "waiting in the mempool", Unconfirmed, 100);
        await PollAndEvaluateAfterAsync(TimeSpan.Zero);
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(59));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingSeenUnconfirmed, key));

        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(2));
        var raised = await h.ActiveAsync(AlertCodes.FundingSeenUnconfirmed, key);
        Assert.NotNull(raised);
        Assert.Equal((AlertSeverity.Warning, tx, FundingAssets.Btc, "funding"), (raised.Severity, raised.TxHash, raised.AssetId, raised.ServiceScope));
        Assert.StartsWith($"0.3 BTC to Intake {Address[^6..]} ({tx}) has waited 1 h 1 m in the mempool without a confirmation", raised.Reason);
        Assert.Equal(TimeSpan.FromHours(1), raised.Why.Window);
        Assert.Contains(raised.Why.Facts, f => f.Name == "handle" && f.Text == handle.ToString());
        Assert.Contains(raised.Why.Facts, f => f.Name == "amount" && f.Number == 0.3m);

        Chain(Address, tx, InBlock(101), 101);
        await PollAndEvaluateAfterAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await h.ActiveAsync(AlertCodes.FundingSeenUnconfirmed, key));
        var events = await h.EventsAsync(AlertCodes.FundingSeenUnconfirmed, key);
        Assert.Equal([AlertEventStatus.Raised, AlertEventStatus.Cleared], events.Select(e => e.Status));
        Assert.All(events, e => Assert.Equal(tx, e.TxHash));
    }

    [Fact]
    public async Task A_confirmed_transfer_the_bridge_leaves_uncredited_raises_critical_and_its_credit_clears_it_before_the_next_poll()
    {
        const string Address = "bcrt1q9ku9pcygdhrvhh67zrnv84l6vqndaz9nnfr2jv";
        var (_, tx, key) = await TransferAsync(Address, "confirmed, not credited", InBlock(101), 106);
        await PollAndEvaluateAfterAsync(TimeSpan.Zero);
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(119));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingConfirmedCreditPending, key));

        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(2));
        var raised = await h.ActiveAsync(AlertCodes.FundingConfirmedCreditPending, key);
        Assert.NotNull(raised);
        Assert.Equal((AlertSeverity.Critical, tx), (raised.Severity, raised.TxHash));
        Assert.Contains("was confirmed 2 h 1 m ago and the bridge has not credited it", raised.Reason);
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingSeenUnconfirmed, key));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingStuck, key));

        await h.Services.GetRequiredService<BridgeDepositStore>()
            .StoreAsync([new BridgeDeposit(FundingAssets.Btc, 0.3m, tx, h.Now, "treasury-btc")], "bridge", CancellationToken.None);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await h.ActiveAsync(AlertCodes.FundingConfirmedCreditPending, key));
        var cleared = (await h.EventsAsync(AlertCodes.FundingConfirmedCreditPending, key))[^1];
        Assert.Equal((AlertEventStatus.Cleared, AlertClearCause.Recovered), (cleared.Status, cleared.ClearCause));
        Assert.Contains("was credited by the bridge", cleared.Reason);
    }

    [Fact]
    public async Task A_dropped_transfer_is_stuck_at_once_and_stays_cleared_once_someone_acknowledges_it()
    {
        const string Address = "bcrt1qdt0fgng4920c8tc9vw44wwvrpxh5qzzff9wv66";
        var (_, tx, key) = await TransferAsync(Address, "dropped from the mempool", Unconfirmed, 100);
        await PollAndEvaluateAfterAsync(TimeSpan.Zero);
        esplora.Addresses[Address] = "[]";
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(1));

        var raised = await h.ActiveAsync(AlertCodes.FundingStuck, key);
        Assert.NotNull(raised);
        Assert.Equal((AlertSeverity.Warning, tx), (raised.Severity, raised.TxHash));
        Assert.Contains("left the chain unconfirmed", raised.Reason);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var acknowledged = await h.Responses.AcknowledgeAsync(AlertHarness.Operator, raised.EventId, "Replaced by fee; the replacement is on its way.");
        Assert.True(acknowledged.Done, acknowledged.Message);
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(1));
        await PollAndEvaluateAfterAsync(TimeSpan.FromHours(7));

        Assert.Null(await h.ActiveAsync(AlertCodes.FundingStuck, key));
        var events = await h.EventsAsync(AlertCodes.FundingStuck, key);
        Assert.Equal([(AlertEventStatus.Raised, (AlertClearCause?)null), (AlertEventStatus.Cleared, AlertClearCause.Acknowledged)],
            events.Select(e => (e.Status, e.ClearCause)));
    }

    [Fact]
    public async Task A_confirming_transfer_without_a_new_block_for_the_window_is_stuck_until_the_next_block()
    {
        const string Address = "bcrt1qe2klcerrnhvcxhd5gfpz4r2n30a7d2v8ed3293";
        var (_, tx, key) = await TransferAsync(Address, "confirming, then no block", InBlock(101), 101);
        await PollAndEvaluateAfterAsync(TimeSpan.Zero);
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(359));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingStuck, key));

        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(2));
        var raised = await h.ActiveAsync(AlertCodes.FundingStuck, key);
        Assert.NotNull(raised);
        Assert.Contains("has stayed at 1 confirmation for 6 h 1 m", raised.Reason);
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingSeenUnconfirmed, key));

        Chain(Address, tx, InBlock(101), 102);
        await PollAndEvaluateAfterAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await h.ActiveAsync(AlertCodes.FundingStuck, key));
        Assert.Equal(AlertClearCause.Recovered, (await h.EventsAsync(AlertCodes.FundingStuck, key))[^1].ClearCause);
    }

    [Fact]
    public async Task A_handle_without_a_good_poll_for_three_intervals_raises_observer_down_which_a_pause_and_a_good_poll_clear()
    {
        const string Address = "bcrt1qkw37047hmfvjacrhd5l394t6d60xtsudfulnvg";
        var handle = await FundingHarness.StoreHandleAsync(fixture, Address, h.Now);
        var key = handle.ToString();
        var control = h.Services.GetRequiredService<FundingObserverControl>();
        await PollAndEvaluateAfterAsync(TimeSpan.Zero);
        esplora.Down = true;
        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(1));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingObserverDown, key));

        await PollAndEvaluateAfterAsync(TimeSpan.FromMinutes(1.5));
        var raised = await h.ActiveAsync(AlertCodes.FundingObserverDown, key);
        Assert.NotNull(raised);
        Assert.Equal((AlertSeverity.Critical, FundingAssets.Btc), (raised.Severity, raised.AssetId));
        Assert.Contains($"The observer last read Intake {Address[^6..]} (BTC) 2 m ago; its reads fail", raised.Reason);
        Assert.Contains(raised.Why.Facts, f => f.Name == "last error" && f.Text!.Length > 0);

        // A pause is an operator's deliberate act, not an outage.
        Assert.True((await control.PauseAsync(AlertHarness.Admin)).Done);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingObserverDown, key));

        Assert.True((await control.ResumeAsync(AlertHarness.Admin)).Done);
        await h.EvaluateAfterAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(await h.ActiveAsync(AlertCodes.FundingObserverDown, key));

        esplora.Down = false;
        await PollAndEvaluateAfterAsync(TimeSpan.FromSeconds(30));
        Assert.Null(await h.ActiveAsync(AlertCodes.FundingObserverDown, key));
        Assert.Equal(4, (await h.EventsAsync(AlertCodes.FundingObserverDown, key)).Count);
    }
}
