using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Domain.Funding;
using OpsConsole.Features.Funding.Esplora;
using OpsConsole.Platform.Audit;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Live;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Funding;

/// <summary>
/// One pass of the BTC funding observer: for every active bitcoin handle it reads the chain whole (the address's
/// transactions, page by page, the tip, and the status of each open transfer the address no longer lists), lets the
/// Domain decide each transfer's next status, and appends an observation only where one changed, with its audit event,
/// in one guarded transition per handle that also stores the handle's last good poll. Because the state is derived from
/// the chain each time, a poll after an outage records whatever happened meanwhile. A handle that cannot be read keeps
/// its observations and gets its error stored; the others go on. While paused it reads nothing.
/// </summary>
public sealed class FundingObserver(
    IDbContextFactory<OpsDbContext> dbs,
    EsploraClient esplora,
    GuardedTransitions transitions,
    IOptions<BitcoinSettings> settings,
    TimeProvider time,
    ILogger<FundingObserver> log)
{
    public const string Operation = "funding.observe";
    static readonly string Actor = AuditEntry.System("funding-observer");
    const decimal SatoshisPerBtc = 100_000_000m;

    public async Task<FundingPollResult> PollAsync(CancellationToken ct = default)
    {
        List<FundingHandle> handles;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (await db.FundingObserverState.AsNoTracking().AnyAsync(s => s.Paused, ct))
                return FundingPollResult.WhilePaused;
            handles = await db.FundingHandles.AsNoTracking().Where(h => h.Active && h.Chain == FundingAssets.Bitcoin).OrderBy(h => h.Id).ToListAsync(ct);
        }
        var (observed, failed) = (0, 0);
        foreach (var handle in handles)
        {
            if (await ObserveAsync(handle, ct) is { } appended)
                observed += appended;
            else
                failed++;
        }
        return new FundingPollResult(false, handles.Count, observed, failed);
    }

    /// <summary>The observations appended for the handle, or null when it could not be read or saved.</summary>
    async Task<int?> ObserveAsync(FundingHandle handle, CancellationToken ct)
    {
        Dictionary<string, (ChainSighting Chain, decimal Amount)> transfers;
        try
        {
            transfers = await ReadChainAsync(handle, ct);
        }
        catch (EsploraException ex)
        {
            FundingLog.ReadFailed(log, handle.Label, ex.Message);
            await RecordErrorAsync(handle, ex.Message, ct);
            return null;
        }

        var now = time.GetUtcNow();
        var source = settings.Value.Mode.ToString().ToLowerInvariant();
        var required = settings.Value.RequiredConfirmations;
        var outcome = await transitions.RunBatchAsync(Work(handle), async (attempt, token) =>
        {
            var db = attempt.Db;
            var health = await HealthAsync(db, handle, token);
            health.LastGoodPollAt = now;
            var hashes = transfers.Keys.ToList();
            var current = await db.FundingObservationsCurrent.Where(c => c.FundingHandle == handle.Id && hashes.Contains(c.TxHash))
                .ToDictionaryAsync(c => c.TxHash, token);
            var credits = await db.BridgeDeposits.AsNoTracking().Where(d => hashes.Contains(d.DepositTxHash)).ToDictionaryAsync(d => d.DepositTxHash, token);
            var decisions = new List<TransitionDecision>();
            foreach (var (tx, (chain, amount)) in transfers.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var last = current.GetValueOrDefault(tx);
                var credit = credits.GetValueOrDefault(tx);
                if (FundingProgress.Next(last is null ? null : new(last.Status, last.Confirmations), chain, required, credit is not null) is not { } step)
                    continue;
                var row = new FundingObservation
                {
                    AccountId = handle.Account,
                    AssetId = handle.Asset,
                    Chain = handle.Chain,
                    FundingHandle = handle.Id,
                    Source = source,
                    TxHash = tx,
                    Status = step.Status,
                    Amount = amount,
                    Confirmations = step.Confirmations,
                    FirstSeenAt = last?.FirstSeenAt ?? now,
                    LastSeenAt = chain.Place == ChainPlace.Gone ? last?.LastSeenAt ?? now : now,
                    CreditedAt = credit?.CreditedAt,
                    BridgeDepositTxHash = credit?.DepositTxHash,
                    IngestedAt = now,
                };
                db.FundingObservations.Add(row);
                var from = last?.Status ?? "unseen";
                if (last is null)
                {
                    last = new FundingObservationCurrent { FundingHandle = handle.Id, TxHash = tx, AccountId = "", AssetId = "", Chain = "", Status = "" };
                    db.FundingObservationsCurrent.Add(last);
                }
                last.Take(row);
                decisions.Add(TransitionDecision.Apply(from, step.Status, TransitionEffects.Of(new AuditEntry(Actor, FundingAuditActions.Observed,
                    FundingAuditActions.TransferSubjectType, tx, Describe(handle, row, from)),
                    new LiveChange(LiveTopics.Funding, LiveChange.Changed, handle.Id.ToString()))));
            }
            decisions.Add(TransitionDecision.Recompute("polled"));
            return decisions;
        }, WhenExhausted.HandBack, ct);

        if (outcome.Failure is { } failure)
        {
            var reason = failure is TransitionOutcome.Failed f ? f.Reason : failure.ToString();
            FundingLog.NotWritten(log, handle.Label, reason);
            await RecordErrorAsync(handle, $"What was read could not be saved: {reason}", ct);
            return null;
        }
        return outcome.Items.Count(i => i is TransitionOutcome.Applied);
    }

    /// <summary>
    /// Each transfer the chain shows for the handle, with the amount it sends there: the address's transactions, and each
    /// open transfer the address no longer lists, by its own status (gone when Esplora no longer knows it).
    /// </summary>
    async Task<Dictionary<string, (ChainSighting Chain, decimal Amount)>> ReadChainAsync(FundingHandle handle, CancellationToken ct)
    {
        var listed = await esplora.AddressTransactionsAsync(handle.DepositAddress, ct);
        // The tip after the list, so that no listed block is above it.
        var tip = await esplora.TipHeightAsync(ct);
        var transfers = listed.ToDictionary(t => t.Txid.ToLowerInvariant(), t => (Sighting(t.Status, tip), t.SatoshisTo(handle.DepositAddress) / SatoshisPerBtc));
        List<FundingObservationCurrent> open;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            open = await db.FundingObservationsCurrent.AsNoTracking()
                .Where(c => c.FundingHandle == handle.Id && c.Status != FundingObservationStatus.Credited && c.Status != FundingObservationStatus.Dropped)
                .ToListAsync(ct);
        }
        foreach (var missing in open.Where(o => !transfers.ContainsKey(o.TxHash)))
        {
            var status = await esplora.TransactionStatusAsync(missing.TxHash, ct);
            transfers[missing.TxHash] = (status is null ? ChainSighting.Gone(tip) : Sighting(status, tip), missing.Amount);
        }
        return transfers;
    }

    static ChainSighting Sighting(EsploraStatus status, long tip) =>
        status is { Confirmed: true, BlockHeight: { } height } ? ChainSighting.InBlock(height, tip) : ChainSighting.InMempool(tip);

    /// <summary>Stores the handle's last error (bookkeeping, unaudited); its observations stay as they are.</summary>
    async Task RecordErrorAsync(FundingHandle handle, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await transitions.RunAsync(Work(handle), async (attempt, token) =>
        {
            var health = await HealthAsync(attempt.Db, handle, token);
            health.LastErrorAt = now;
            health.LastError = error.Length <= 1000 ? error : error[..1000];
            return TransitionDecision.Recompute("unreadable");
        }, WhenExhausted.HandBack, ct);
    }

    /// <summary>The handle's health row, tracked; every poll writes it, so two polls of one handle at once conflict and one retries.</summary>
    static async Task<FundingObserverHealth> HealthAsync(OpsDbContext db, FundingHandle handle, CancellationToken ct) =>
        await db.FundingObserverHealth.SingleOrDefaultAsync(h => h.FundingHandle == handle.Id, ct)
        ?? db.FundingObserverHealth.Add(new FundingObserverHealth { FundingHandle = handle.Id }).Entity;

    static JsonObject Describe(FundingHandle handle, FundingObservation row, string from) => new()
    {
        ["handle"] = handle.Id.ToString(),
        ["label"] = handle.Label,
        ["account"] = handle.Account,
        ["asset"] = handle.Asset,
        ["from"] = from,
        ["status"] = row.Status,
        ["confirmations"] = row.Confirmations,
        ["amount"] = row.Amount,
        ["bridgeDepositTxHash"] = row.BridgeDepositTxHash,
    };

    static TransitionContext Work(FundingHandle handle) =>
        new(FundingAuditActions.HandleSubjectType, handle.Id.ToString(), Operation, DeadLetterSources.Sweeper);
}
