using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Util;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;
using static OpsConsole.Tests.Integration.Funding.GnosisRpcBodies;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>
/// The observer against a local server replaying a Gnosis node's JSON-RPC answers: an EURe transfer from its block to
/// confirmed and, only once the bridge credits its tx hash, credited; a removed log and a replaced block sending transfers
/// back to seen; an outage after which the next poll reads on from where the last good one stopped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GnosisRpcReplayTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly GnosisRpcScript node = new() { Tip = 1_000 };
    ReplayServer server = null!;
    FundingHarness h = null!;

    public async Task InitializeAsync()
    {
        server = await ReplayServer.StartAsync();
        server.Answer = node.Answer;
        h = new FundingHarness(fixture, gnosisRpc: server.Url);
    }

    public async Task DisposeAsync()
    {
        await h.DisposeAsync();
        await server.DisposeAsync();
    }

    /// <summary>A checksummed address made from a label, so each test has a handle of its own.</summary>
    static string Address(string label) => AddressUtil.Current.ConvertToChecksumAddress("0x" + Hash(label)[^40..]);

    static IEnumerable<(string, int)> Steps(IEnumerable<FundingObservation> rows) => rows.Select(o => (o.Status, o.Confirmations));

    Task<Guid> HandleAsync(string address) => h.HandleAsync(address, "treasury-eure", FundingAssets.Gnosis);

    [Fact]
    public async Task An_eure_transfer_walks_from_its_block_to_confirmed_and_is_credited_only_once_the_bridge_reports_its_tx_hash()
    {
        var address = Address("walk");
        var handle = await HandleAsync(address);
        var tx = Hash("walk tx");
        // One transaction paying the handle twice: the transfer is their sum.
        node.Logs.Add((1_000, Log(tx, 1_000, address, 250.5m, logIndex: 3)));
        node.Logs.Add((1_000, Log(tx, 1_000, address, 0.25m, logIndex: 4)));
        node.Receipts[tx] = Receipt(tx, 1_000, "main", node.Logs[^2].Json, node.Logs[^1].Json);
        await using var live = await FundingLiveListener.StartAsync(fixture, h.Services.GetRequiredService<LiveTopicRegistry>());

        foreach (var tip in new long[] { 1_000, 1_000, 1_005, 1_011, 1_020 })
        {
            node.Tip = tip;
            await h.Observer.PollAsync();
        }
        var before = (await h.State.StateAsync()).Handles.Single(x => x.Id == handle);
        Assert.False(Assert.Single(before.Transfers).Credited);
        await h.CreditAsync(tx, 250.75m, FundingAssets.Eure, "treasury-eure");
        await h.Observer.PollAsync();
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(Confirming, 1), (Confirming, 6), (Confirmed, 12), (Credited, 21)], Steps(rows));
        Assert.All(rows, r => Assert.Equal((tx, 250.75m, "rpc", "gnosis", "EURe"), (r.TxHash, r.Amount, r.Source, r.Chain, r.AssetId)));
        Assert.Equal((tx, h.Clock.GetUtcNow()), (rows[^1].BridgeDepositTxHash, rows[^1].CreditedAt));
        Assert.All(rows[..^1], r => Assert.Null(r.CreditedAt));
        var (from, to, filter) = GnosisRpcScript.LogRequests(server).First(r => r.Filter.ToJsonString().Contains(Topic(address), StringComparison.Ordinal));
        Assert.Equal(Eure.ToLowerInvariant(), ((string)filter["address"]![0]!).ToLowerInvariant());
        Assert.Equal([TransferTopic, null, Topic(address)], filter["topics"]!.AsArray().Select(t => (string?)t));
        Assert.Equal((0L, 999L), (from, to));
        var heard = await live.HeardAsync(handle.ToString(), 4);
        Assert.Equal([LiveChange.Created, LiveChange.Changed, LiveChange.Changed, LiveChange.Changed], heard.Select(c => c.Kind));
        Assert.Equal((tx, Credited), (heard[^1].Data!["txHash"], heard[^1].Data!["status"]));
    }

    [Fact]
    public async Task A_removed_log_and_a_replaced_block_send_their_transfers_back_to_seen_and_a_forgotten_one_is_dropped()
    {
        var address = Address("reorg");
        var handle = await HandleAsync(address);
        var (recent, deep, forgotten) = (Hash("recent"), Hash("deep"), Hash("forgotten"));
        node.Tip = 1_003;
        node.Logs.Add((1_001, Log(recent, 1_001, address, 10m)));
        node.Logs.Add((1_002, Log(forgotten, 1_002, address, 5m)));
        node.Logs.Add((985, Log(deep, 985, address, 40m)));
        await h.Observer.PollAsync();

        // The node reports the recent log removed; block 985 is another block now, whose receipt the node still serves
        // from the old branch; the forgotten transfer's block left the chain and nobody knows it any more.
        node.Logs.Clear();
        node.Logs.Add((1_001, Log(recent, 1_001, address, 10m, removed: true)));
        node.Receipts[deep] = Receipt(deep, 985, "main", Log(deep, 985, address, 40m));
        node.BlockHashes[985] = BlockHash(985, "fork");
        (node.Transactions[recent], node.Transactions[deep]) = (Transaction(recent), Transaction(deep));
        await h.Observer.PollAsync();

        // Both are mined again on the new branch.
        node.Tip = 1_005;
        node.Logs.Add((1_004, Log(recent, 1_004, address, 10m, branch: "fork")));
        node.Receipts[deep] = Receipt(deep, 990, "main", Log(deep, 990, address, 40m));
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(Confirming, 3), (SeenInMempool, 0), (Confirming, 2)], Steps(rows.Where(r => r.TxHash == recent)));
        Assert.Equal([(Confirmed, 19), (SeenInMempool, 0), (Confirmed, 16)], Steps(rows.Where(r => r.TxHash == deep)));
        Assert.Equal([(Confirming, 2), (Dropped, 0)], Steps(rows.Where(r => r.TxHash == forgotten)));
        Assert.Equal(5m, rows.Last(r => r.TxHash == forgotten).Amount);
    }

    [Fact]
    public async Task An_outage_is_recorded_as_the_handle_health_and_the_next_poll_reads_on_from_the_last_good_one()
    {
        var address = Address("outage");
        var handle = await HandleAsync(address);
        var (first, during) = (Hash("before the outage"), Hash("during the outage"));
        node.Logs.Add((1_000, Log(first, 1_000, address, 100m)));
        await h.Observer.PollAsync();
        var goodPoll = h.Clock.GetUtcNow();

        node.Down = true;
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        var failed = await h.Observer.PollAsync();
        var health = await h.HealthAsync(handle);
        Assert.Equal(failed.Handles, failed.Failed);
        Assert.Equal((goodPoll, h.Clock.GetUtcNow(), 1_000L), (health!.LastGoodPollAt, health.LastErrorAt, health.ScannedToBlock));
        Assert.Contains("503", health.LastError);

        // Meanwhile 500 blocks came, one of them with a second transfer far below the new tip's reorg window.
        (node.Down, node.Tip) = (false, 1_500);
        node.Logs.Add((1_200, Log(during, 1_200, address, 60m)));
        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.Observer.PollAsync();

        var rows = await h.ObservationsAsync(handle);
        Assert.Equal([(Confirming, 1), (Confirmed, 501)], Steps(rows.Where(r => r.TxHash == first)));
        Assert.Equal([(Confirmed, 301)], Steps(rows.Where(r => r.TxHash == during)));
        Assert.Equal((h.Clock.GetUtcNow(), 1_500L), ((await h.HealthAsync(handle))!.LastGoodPollAt, (await h.HealthAsync(handle))!.ScannedToBlock));
        Assert.Contains(GnosisRpcScript.LogRequests(server), r => r.From == 989 && r.Filter.ToJsonString().Contains(Topic(address), StringComparison.Ordinal));
        var transfers = (await h.State.StateAsync()).Handles.Single(x => x.Id == handle).Transfers;
        Assert.Equal(160m, transfers.Sum(t => t.Amount));
        Assert.All(transfers, t => Assert.False(t.Credited));
        await using var db = fixture.CreateContext();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == FundingAuditActions.Observed && (e.SubjectId == first || e.SubjectId == during)));
    }
}
