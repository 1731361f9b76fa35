using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Gnosis;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>The simulated Gnosis chain through the real JSON-RPC client: a block every 5 s of the app's clock, an EURe
/// payment logged as a Transfer event, a reorg, and the observer following a payment to confirmed.</summary>
[Trait("Category", "Integration")]
public sealed class SimulatedGnosisChainTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Address = FundingDemoSeed.EureAddress;
    FundingHarness h = null!;

    GnosisRpcClient Rpc => h.Services.GetRequiredService<GnosisRpcClient>();

    string Contract => h.Services.GetRequiredService<SimulatedGnosisChain>().EureContract;

    public Task InitializeAsync()
    {
        h = new FundingHarness(fixture);
        // The chain starts when it is first asked, here: each test's blocks count from the harness's start.
        _ = h.Gnosis.TipHeight;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_block_comes_every_5_seconds_and_logs_the_payments_waiting_as_eure_transfer_events()
    {
        var start = await Rpc.BlockNumberAsync(default);
        var tx = h.Gnosis.Pay(Address, 12.5m);
        h.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(start, await Rpc.BlockNumberAsync(default));
        Assert.Null(await Rpc.ReceiptAsync(tx, Contract, Address, default));
        Assert.True(await Rpc.KnowsAsync(tx, default));

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + 1, await Rpc.BlockNumberAsync(default));
        var log = Assert.Single(await Rpc.TransfersToAsync(Contract, Address, start, start + 1, default));
        Assert.Equal((tx, start + 1, 12.5m, false), (log.TxHash, log.BlockNumber, log.Amount, log.Removed));
        var receipt = (await Rpc.ReceiptAsync(tx, Contract, Address, default))!;
        Assert.Equal(await Rpc.BlockHashAsync(start + 1, default), receipt.BlockHash);
        Assert.Empty(await Rpc.TransfersToAsync(Contract, FundingDemoSeed.EureAddress.Replace("0x0d", "0x1d", StringComparison.Ordinal), start, start + 1, default));

        h.NextGnosisBlock(3);
        Assert.Equal(start + 4, await Rpc.BlockNumberAsync(default));
    }

    [Fact]
    public async Task A_reorg_takes_the_last_blocks_off_and_their_transfers_are_mined_again_in_a_new_block()
    {
        h.NextGnosisBlock();
        var tx = h.Gnosis.Pay(Address, 3m);
        h.NextGnosisBlock();
        var tip = h.Gnosis.TipHeight;
        var before = (await Rpc.ReceiptAsync(tx, Contract, Address, default))!;

        h.Gnosis.Reorg(2);
        Assert.Equal(tip - 2, await Rpc.BlockNumberAsync(default));
        Assert.Null(await Rpc.ReceiptAsync(tx, Contract, Address, default));
        Assert.True(await Rpc.KnowsAsync(tx, default));

        h.NextGnosisBlock();
        var after = (await Rpc.ReceiptAsync(tx, Contract, Address, default))!;
        Assert.Equal(tip - 1, after.BlockNumber);
        Assert.NotEqual(before.BlockHash, await Rpc.BlockHashAsync(tip - 1, default));
    }

    [Fact]
    public async Task A_payment_to_an_eure_handle_is_followed_by_the_observer_to_confirmed_and_back_to_seen_by_a_reorg()
    {
        var handle = await h.HandleAsync(Address, "treasury-eure", FundingAssets.Gnosis);
        var tx = h.Gnosis.Pay(Address, 1_000.01m);

        await h.Observer.PollAsync();
        Assert.Empty(await h.ObservationsAsync(handle));
        h.NextGnosisBlock(2);
        await h.Observer.PollAsync();
        h.Gnosis.Reorg(2);
        await h.Observer.PollAsync();
        for (var block = 0; block < 12; block++)
        {
            h.NextGnosisBlock();
            await h.Observer.PollAsync();
        }

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(Confirming, 2), (SeenInMempool, 0), .. Enumerable.Range(1, 11).Select(n => (Confirming, n)), (Confirmed, 12)],
            rows.Select(r => (r.Status, r.Confirmations)));
        Assert.All(rows, r => Assert.Equal((tx, 1_000.01m, "simulated", "EURe"), (r.TxHash, r.Amount, r.Source, r.AssetId)));
        Assert.Throws<ArgumentException>(() => h.Gnosis.Pay(Address.ToLowerInvariant(), 1m));
    }
}
