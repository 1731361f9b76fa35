using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Features.Funding;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;
using static OpsConsole.Tests.Integration.Funding.EsploraBodies;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// The observer against a local server replaying Esplora's answers: one observation per change of a transfer (mempool,
/// each confirmation, confirmed, credited), dropped transfers, a reorg, paging through /txs/chain/{last_seen_txid}, and
/// an outage after which nothing is lost.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EsploraReplayTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly EsploraScript esplora = new() { Tip = 100 };
    ReplayServer server = null!;
    FundingHarness h = null!;

    public async Task InitializeAsync()
    {
        server = await ReplayServer.StartAsync();
        server.Answer = esplora.Answer;
        h = new FundingHarness(fixture, server.Url);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await server.DisposeAsync();
    }

    static IEnumerable<(string, int)> Steps(IEnumerable<FundingObservation> rows) => rows.Select(o => (o.Status, o.Confirmations));

    [Fact]
    public async Task A_transfer_walks_from_the_mempool_to_credited_with_one_row_per_change_keeping_its_tx_hash()
    {
        const string Address = "bcrt1qr0cky5kwknysjkgaxce9adz7kuh64wgzx8x35u";
        var handle = await h.HandleAsync(Address);
        var tx = Txid("walk");
        void Chain(long tip, string status) => (esplora.Tip, esplora.Addresses[Address]) = (tip, List([Tx(tx, Address, status, 20_000_000, 10_000_000)]));
        await using var live = await FundingLiveListener.StartAsync(fixture, h.Services.GetRequiredService<LiveTopicRegistry>());

        Chain(100, Unconfirmed);
        await h.Observer.PollAsync();
        await h.Observer.PollAsync();
        foreach (var tip in new long[] { 101, 103, 106, 107 })
        {
            Chain(tip, InBlock(101));
            await h.Observer.PollAsync();
        }
        await h.CreditAsync(tx, 0.3m);
        await h.Observer.PollAsync();
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(SeenInMempool, 0), (Confirming, 1), (Confirming, 3), (Confirmed, 6), (Credited, 7)], Steps(rows));
        Assert.All(rows, r => Assert.Equal((tx, 0.3m, "esplora", "treasury-btc", "BTC"), (r.TxHash, r.Amount, r.Source, r.AccountId, r.AssetId)));
        var credited = rows[^1];
        Assert.Equal((tx, h.Clock.GetUtcNow()), (credited.BridgeDepositTxHash, credited.CreditedAt));
        Assert.All(rows[..^1], r => Assert.Null(r.CreditedAt));
        Assert.Equal(h.Clock.GetUtcNow(), (await h.HealthAsync(handle))!.LastGoodPollAt);
        await using var db = fixture.CreateContext();
        Assert.Equal(5, await db.AuditEvents.CountAsync(e => e.Action == FundingAuditActions.Observed && e.SubjectId == tx));
        // The history is append-only: the database refuses to rewrite or remove a row.
        await Assert.ThrowsAnyAsync<Exception>(() => db.FundingObservations.Where(o => o.TxHash == tx).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "confirmed")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.FundingObservations.Where(o => o.TxHash == tx).ExecuteDeleteAsync());
        // Each observation is announced with the handle as its subject, so the funding page reloads that handle.
        var heard = await live.HeardAsync(handle.ToString(), 5);
        Assert.Equal([SeenInMempool, Confirming, Confirming, Confirmed, Credited], heard.Select(c => c.Data!["status"]));
        Assert.Equal(LiveChange.Created, heard[0].Kind);
    }

    [Fact]
    public async Task A_transfer_that_leaves_the_mempool_unconfirmed_is_dropped_once_asked_by_its_own_status()
    {
        const string Address = "bcrt1q9ku9pcygdhrvhh67zrnv84l6vqndaz9nnfr2jv";
        var handle = await h.HandleAsync(Address);
        var (replaced, kept) = (Txid("replaced"), Txid("kept"));
        esplora.Addresses[Address] = List([Tx(kept, Address, Unconfirmed, 5_000), Tx(replaced, Address, Unconfirmed, 7_000)]);
        await h.Observer.PollAsync();

        esplora.Addresses[Address] = List([Tx(kept, Address, Unconfirmed, 5_000)]);
        await h.Observer.PollAsync();
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([SeenInMempool, SeenInMempool, Dropped], rows.Select(r => r.Status));
        Assert.Equal((replaced, 0.00007m), (rows[^1].TxHash, rows[^1].Amount));
        Assert.Contains(server.Requests, r => r.Path == $"/tx/{replaced}/status");
    }

    [Fact]
    public async Task A_block_that_leaves_the_chain_sends_its_transfers_back_to_seen_or_to_fewer_confirmations()
    {
        const string Address = "bcrt1qdt0fgng4920c8tc9vw44wwvrpxh5qzzff9wv66";
        var handle = await h.HandleAsync(Address);
        var (late, early) = (Txid("in the orphaned block"), Txid("in a block that stays"));
        (esplora.Tip, esplora.Addresses[Address]) = (106, List([Tx(late, Address, InBlock(101), 1_000_000), Tx(early, Address, InBlock(99), 2_000_000)]));
        await h.Observer.PollAsync();

        // Blocks 101 to 106 leave the chain; the new chain is at 102 and holds the late transfer nowhere yet.
        (esplora.Tip, esplora.Addresses[Address]) = (102, List([Tx(late, Address, Unconfirmed, 1_000_000), Tx(early, Address, InBlock(99), 2_000_000)]));
        await h.Observer.PollAsync();
        (esplora.Tip, esplora.Addresses[Address]) = (103, List([Tx(late, Address, InBlock(103), 1_000_000), Tx(early, Address, InBlock(99), 2_000_000)]));
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(Confirmed, 6), (SeenInMempool, 0), (Confirming, 1)], Steps(rows.Where(r => r.TxHash == late)));
        Assert.Equal([(Confirmed, 8), (Confirming, 4), (Confirming, 5)], Steps(rows.Where(r => r.TxHash == early)));
    }

    [Fact]
    public async Task History_beyond_the_first_page_is_read_through_txs_chain_after_the_last_seen_txid()
    {
        const string Address = "bcrt1qlnhhdqqhcwrfa8uayy4x9dnw4mna2qj8mc537c";
        var handle = await h.HandleAsync(Address);
        var txids = Enumerable.Range(0, 53).Select(i => Txid($"page {i}")).ToList();
        string Page(IEnumerable<string> ids) => List(ids.Select(id => Tx(id, Address, InBlock(50), 1_000)));
        esplora.Tip = 100;
        esplora.Addresses[Address] = Page(txids.Take(25));
        esplora.ChainPages[$"{Address}/{txids[24]}"] = Page(txids.Skip(25).Take(25));
        esplora.ChainPages[$"{Address}/{txids[49]}"] = Page(txids.Skip(50));

        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal(txids.Order(), rows.Select(r => r.TxHash).Order());
        Assert.All(rows, r => Assert.Equal((Confirmed, 51), (r.Status, r.Confirmations)));
        Assert.Contains(server.Requests, r => r.Path == $"/address/{Address}/txs/chain/{txids[24]}");
        Assert.Contains(server.Requests, r => r.Path == $"/address/{Address}/txs/chain/{txids[49]}");
    }

    [Fact]
    public async Task An_outage_is_recorded_as_the_handle_health_and_what_happened_meanwhile_is_observed_once_it_is_back()
    {
        const string Address = "bcrt1qe2klcerrnhvcxhd5gfpz4r2n30a7d2v8ed3293";
        var handle = await h.HandleAsync(Address);
        var (first, during) = (Txid("before the outage"), Txid("during the outage"));
        esplora.Addresses[Address] = List([Tx(first, Address, Unconfirmed, 40_000)]);
        await h.Observer.PollAsync();
        var goodPoll = h.Clock.GetUtcNow();

        esplora.Down = true;
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var failed = await h.Observer.PollAsync();
        var health = await h.HealthAsync(handle);
        Assert.Equal(failed.Handles, failed.Failed);
        Assert.Equal((goodPoll, h.Clock.GetUtcNow()), (health!.LastGoodPollAt, health.LastErrorAt));
        Assert.Contains("503", health.LastError);

        // Meanwhile the first transfer was mined and confirmed, and a second arrived and was mined.
        (esplora.Down, esplora.Tip) = (false, 110);
        esplora.Addresses[Address] = List([Tx(during, Address, InBlock(108), 60_000), Tx(first, Address, InBlock(101), 40_000)]);
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(SeenInMempool, 0), (Confirmed, 10)], Steps(rows.Where(r => r.TxHash == first)));
        Assert.Equal([(Confirming, 3)], Steps(rows.Where(r => r.TxHash == during)));
        Assert.Equal(h.Clock.GetUtcNow(), (await h.HealthAsync(handle))!.LastGoodPollAt);
        var transfers = (await h.State.StateAsync()).Handles.Single(x => x.Id == handle).Transfers;
        Assert.Equal(0.001m, transfers.Sum(t => t.Amount));
        Assert.All(transfers, t => Assert.False(t.Credited));
    }
}
