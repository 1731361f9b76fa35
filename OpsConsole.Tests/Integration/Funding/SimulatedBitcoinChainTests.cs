using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Funding.Esplora;
using OpsConsole.Features.Funding.Simulation;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>The simulated chain through the real Esplora client: a block every 30 s of the app's clock, payments to a
/// handle, a dropped mempool transaction, a reorg, and the observer following a payment to confirmed.</summary>
[Trait("Category", "Integration")]
public sealed class SimulatedBitcoinChainTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Address = "bcrt1qr0cky5kwknysjkgaxce9adz7kuh64wgzx8x35u";
    FundingHarness h = null!;

    EsploraClient Esplora => h.Services.GetRequiredService<EsploraClient>();

    public Task InitializeAsync()
    {
        h = new FundingHarness(fixture);
        // The chain starts when it is first asked, here: each test's blocks count from the harness's start.
        _ = h.Chain.TipHeight;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_block_is_mined_every_30_seconds_of_the_clock_and_takes_in_the_mempool()
    {
        var start = await Esplora.TipHeightAsync(default);
        var txid = h.Chain.Pay(Address, 25_000);
        h.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(start, await Esplora.TipHeightAsync(default));
        Assert.False((await Esplora.TransactionStatusAsync(txid, default))!.Confirmed);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + 1, await Esplora.TipHeightAsync(default));
        var listed = Assert.Single(await Esplora.AddressTransactionsAsync(Address, default));
        Assert.Equal((txid, true, start + 1, 25_000L), (listed.Txid, listed.Status.Confirmed, listed.Status.BlockHeight, listed.SatoshisTo(Address)));

        h.NextBlock(3);
        Assert.Equal(start + 4, await Esplora.TipHeightAsync(default));
    }

    [Fact]
    public async Task A_dropped_transaction_leaves_the_mempool_and_esplora_no_longer_knows_it()
    {
        var txid = h.Chain.Pay(Address, 1_000);

        Assert.True(h.Chain.Drop(txid));
        Assert.False(h.Chain.Drop(txid));
        Assert.Null(await Esplora.TransactionStatusAsync(txid, default));
        h.NextBlock();
        Assert.DoesNotContain(await Esplora.AddressTransactionsAsync(Address, default), t => t.Txid == txid);
    }

    [Fact]
    public async Task A_reorg_takes_the_last_blocks_off_and_their_transactions_are_mined_again_at_the_next_block()
    {
        h.NextBlock();
        var txid = h.Chain.Pay(Address, 3_000);
        h.NextBlock();
        var tip = h.Chain.TipHeight;
        Assert.Equal(tip, (await Esplora.TransactionStatusAsync(txid, default))!.BlockHeight);

        h.Chain.Reorg(2);
        Assert.Equal(tip - 2, await Esplora.TipHeightAsync(default));
        Assert.False((await Esplora.TransactionStatusAsync(txid, default))!.Confirmed);

        h.NextBlock();
        Assert.Equal(tip - 1, (await Esplora.TransactionStatusAsync(txid, default))!.BlockHeight);
    }

    [Fact]
    public async Task A_payment_to_a_handle_is_followed_by_the_observer_from_the_mempool_to_confirmed()
    {
        var handle = await h.HandleAsync("bcrt1q9ku9pcygdhrvhh67zrnv84l6vqndaz9nnfr2jv");
        var txid = h.Chain.Pay("bcrt1q9ku9pcygdhrvhh67zrnv84l6vqndaz9nnfr2jv", 150_000_000);

        await h.Observer.PollAsync();
        for (var block = 0; block < 6; block++)
        {
            h.NextBlock();
            await h.Observer.PollAsync();
        }

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([SeenInMempool, Confirming, Confirming, Confirming, Confirming, Confirming, Confirmed], rows.Select(r => r.Status));
        Assert.All(rows, r => Assert.Equal((txid, 1.5m, "simulated"), (r.TxHash, r.Amount, r.Source)));
        Assert.Throws<ArgumentException>(() => h.Chain.Pay("bc1qeqf7j6sua7t8dpr6cuuryuqvcgfrau6j287mcm", 1));
    }
}
