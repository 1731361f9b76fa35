using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpsConsole.Features.Funding;
using OpsConsole.Features.Funding.Esplora;
using OpsConsole.Features.Funding.Gnosis;
using OpsConsole.Tests.Integration.Support;
using static OpsConsole.Domain.Funding.FundingObservationStatus;

namespace OpsConsole.Tests.Integration.Funding;

/// <summary>Two polls of one handle at once, as two instances or the job and a refresh make them: each change of a
/// transfer is recorded once, and a poll that read the chain before the other wrote never steps the transfer back.</summary>
[Trait("Category", "Integration")]
public sealed class FundingObserverOverlapTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    const string Address = "bcrt1qr0cky5kwknysjkgaxce9adz7kuh64wgzx8x35u";
    const string OtherAddress = "bcrt1q2nup2tnr4cg89z2crh43uurv6w0dqch8w40q7u";
    readonly HeldReads held = new();
    FundingHarness h = null!;

    public Task InitializeAsync()
    {
        h = new FundingHarness(fixture, configure: services =>
        {
            services.RemoveAll<IFundingChainReader>();
            services.AddTransient<IFundingChainReader>(sp => new HeldReader(ActivatorUtilities.CreateInstance<BitcoinChainReader>(sp), held));
            services.AddTransient<IFundingChainReader, GnosisChainReader>();
        });
        _ = h.Chain.TipHeight;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_poll_that_read_before_another_wrote_records_nothing_and_the_transfer_does_not_step_back()
    {
        var handle = await h.HandleAsync(Address, account: "overlap-btc");
        var txid = h.Chain.Pay(Address, 40_000);
        await h.Observer.PollAsync();

        // The first poll has read the transfer in the mempool and waits; meanwhile a block takes it in and a second poll
        // records its first confirmation.
        var (read, release) = held.HoldNext();
        var first = Task.Run(() => h.Observer.PollAsync());
        await read;
        h.NextBlock();
        await h.Observer.PollAsync();
        release();
        await first;

        var rows = (await h.ObservationsAsync(handle)).Where(o => o.TxHash == txid).ToList();
        Assert.Equal([(SeenInMempool, 0), (Confirming, 1)], rows.Select(o => (o.Status, o.Confirmations)));
    }

    [Fact]
    public async Task Polls_at_the_same_moment_take_turns_and_record_a_change_once()
    {
        var handle = await h.HandleAsync(OtherAddress, account: "together-btc");
        var txid = h.Chain.Pay(OtherAddress, 50_000);
        await h.Observer.PollAsync();
        // It leaves the mempool while the clock stands still: the polls below begin when the last one did, so nothing
        // else they write differs from what is stored.
        Assert.True(h.Chain.Drop(txid));

        // The test holds the transfer's latest row, so that both polls have read it and gone as far as they can before
        // either writes: taking turns, one waits for the other's handle; not taking turns, both would wait here to write.
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(
            "SELECT 1 FROM funding_observations_current WHERE funding_handle = @handle AND tx_hash = @tx FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("handle", handle);
            lockRow.Parameters.AddWithValue("tx", txid);
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }
        var polls = Enumerable.Range(0, 2).Select(_ => Task.Run(() => h.Observer.PollAsync())).ToList();
        await Eventually.TrueAsync(async () => await WaitingOnLocksAsync() == 2, "both polls waiting on a lock");
        await hold.CommitAsync();
        await Task.WhenAll(polls);

        var rows = (await h.ObservationsAsync(handle)).Where(o => o.TxHash == txid).ToList();
        Assert.Equal([SeenInMempool, Dropped], rows.Select(o => o.Status));
    }

    async Task<long> WaitingOnLocksAsync()
    {
        await using var conn = new NpgsqlConnection(fixture.ConnectionString);
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", conn);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Lets a test stop the next read of the chain once it has read, until the test releases it.</summary>
    sealed class HeldReads
    {
        TaskCompletionSource? read;
        TaskCompletionSource? released;

        public (Task Read, Action Release) HoldNext()
        {
            read = new(TaskCreationOptions.RunContinuationsAsynchronously);
            released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = released;
            return (read.Task, () => release.TrySetResult());
        }

        public async Task PassAsync()
        {
            if (Interlocked.Exchange(ref released, null) is not { } wait)
                return;
            read!.TrySetResult();
            await wait.Task;
        }
    }

    sealed class HeldReader(IFundingChainReader inner, HeldReads held) : IFundingChainReader
    {
        public string Chain => inner.Chain;
        public string Source => inner.Source;
        public int RequiredConfirmations => inner.RequiredConfirmations;
        public Task<long> TipAsync(CancellationToken ct) => inner.TipAsync(ct);

        public async Task<ChainReading> ReadAsync(FundingHandle handle, long tip, IReadOnlyList<FundingObservationCurrent> open,
            long? scannedToBlock, CancellationToken ct)
        {
            var reading = await inner.ReadAsync(handle, tip, open, scannedToBlock, ct);
            await held.PassAsync();
            return reading;
        }
    }
}
